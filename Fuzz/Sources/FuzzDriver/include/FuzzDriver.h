#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (compiler-rt FuzzerDriver.cpp): parses the libFuzzer flags and runs
/// `callback` on every input. The fuzz targets call it from their `@main`, because SwiftPM links
/// an executable's entry point under its own name, so libFuzzer's `main` cannot be used as is.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
