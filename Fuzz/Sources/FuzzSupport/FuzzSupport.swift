@_exported import FuzzDriver
#if canImport(Glibc)
    import Glibc
#endif

/// Runs libFuzzer on `target` with the process's arguments (`-max_total_time=60`, corpus
/// folders…) and exits with its status. Called from each target's `@main`: SwiftPM renames an
/// executable's entry point and defines `main` as that symbol, so libFuzzer's own `main` is never
/// linked; its driver does the same work.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
