/// Every exit status octopus uses, after sysexits.h: the one table the command line, the notebook
/// and the loaders take them from, and that `octopus --help` lists. (The browser, ended by a
/// signal, exits 128 plus the signal's number, as a shell reports it.)
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0  // EXIT_SUCCESS
    case nothingFound = 1  // EXIT_FAILURE
    case usage = 64  // EX_USAGE
    case dataError = 65  // EX_DATAERR
    case noInput = 66  // EX_NOINPUT
    case unavailable = 69  // EX_UNAVAILABLE
    case damagedCopy = 70  // EX_SOFTWARE
    case cannotCreate = 73  // EX_CANTCREAT
    case ioError = 74  // EX_IOERR
    case tryAgain = 75  // EX_TEMPFAIL
    case noPermission = 77  // EX_NOPERM

    /// What it means for octopus, as the help says it.
    public var meaning: String {
        switch self {
        case .success: "success"
        case .nothingFound: "nothing found"
        case .usage: "usage error"
        case .dataError: "invalid knowledge-base, tour or import file, or a note refused"
        case .noInput: "unreadable input file"
        case .unavailable: "no presenter to follow at that address, or a wrong join code"
        case .damagedCopy: "a compiled copy of the knowledge base found damaged (removed: run again)"
        case .cannotCreate: "cannot create the output (or it exists: add --force)"
        case .ioError: "output not writable, or a damaged or foreign notebook"
        case .tryAgain: "notebook locked too long (try again)"
        case .noPermission: "permission denied"
        }
    }

    /// "Exit status: 0 success; 1 nothing found; …", for `octopus --help`.
    public static var helpLine: String {
        "Exit status: "
            + (allCases.map { "\($0.rawValue) \($0.meaning)" } + ["128+N the browser ended by signal N"])
            .joined(separator: "; ") + "."
    }
}
