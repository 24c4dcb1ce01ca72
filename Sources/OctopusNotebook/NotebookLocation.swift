import FoundationEssentials
import Glibc
import OctopusKit

/// Where the notebook lives, and making that place ready: the folder private to the user (0700)
/// and the database file (and its -wal and -shm companions) readable by the user alone (0600).
enum NotebookLocation {
    static let fileName = "notebook.sqlite"

    /// `OCTOPUS_DATA_DIR`, else `$XDG_DATA_HOME/octopus`, else `~/.local/share/octopus`.
    /// A relative XDG_DATA_HOME is ignored, as the XDG Base Directory specification requires.
    static func defaultDirectory(environment: [String: String] = Environment.all) throws(NotebookError) -> String {
        if let dir = environment["OCTOPUS_DATA_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return Path.join(xdg, "octopus") }
        if let home = environment["HOME"], home.hasPrefix("/") { return Path.join(home, ".local/share/octopus") }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir, let home = String(validatingCString: dir), home.hasPrefix("/") {
            return Path.join(home, ".local/share/octopus")
        }
        throw .noHome
    }

    /// Creates the folder (and missing parents) with mode 0700, or checks an existing one is a
    /// writable folder. Never changes the mode of a folder it did not create.
    static func prepareFolder(_ path: String, isWritable: (String) -> Bool = { access($0, W_OK) == 0 }) throws(NotebookError) {
        if Path.exists(path) {
            guard Path.exists(path, folder: true) else { throw .notAFolder(path: path) }
        } else {
            try createFolder(path)
        }
        guard access(path, X_OK) == 0, isWritable(path) else { throw .folderNotWritable(path: path) }
    }

    private static func createFolder(_ path: String) throws(NotebookError) {
        // One component at a time, so each folder we create gets 0700 and the error names the
        // component that failed (a file in the way, a read-only parent…).
        let absolute = path.hasPrefix("/") ? path : Path.join(FileSystem.currentDirectory, path)
        var current = ""
        for component in absolute.split(separator: "/") {
            current += "/" + component
            if Path.exists(current) {
                guard Path.exists(current, folder: true) else {
                    throw .cannotCreateFolder(path: path, reason: "\(current) is a file, not a folder")
                }
                continue
            }
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw .cannotCreateFolder(path: path, reason: "\(current): \(String(cString: strerror(errno)))")
            }
            _ = chmod(current, 0o700)  // mkdir applies the umask; the folder must be private anyway
        }
    }

    /// Creates an empty database file with mode 0600 before SQLite opens it: SQLite would create
    /// it 0644, and gives the -wal and -shm files the mode of the database file.
    static func createPrivateFile(_ path: String) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }

    /// Makes the database and its companions 0600 (a copied-in file may have come with 0644).
    static func makePrivate(_ databasePath: String) {
        for path in [databasePath, databasePath + "-wal", databasePath + "-shm"] {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & 0o777 != 0o600, info.st_uid == getuid() else { continue }
            _ = chmod(path, 0o600)
        }
    }
}

extension Notebook {
    /// The data folder: the one given, else `OCTOPUS_DATA_DIR`, `$XDG_DATA_HOME/octopus` or
    /// `~/.local/share/octopus`. Installed knowledge bases live here too.
    public static func dataDirectory(_ explicit: String? = nil) throws(NotebookError) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        return try NotebookLocation.defaultDirectory()
    }
}
