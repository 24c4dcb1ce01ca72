import FoundationEssentials
import OctopusKit

/// Everything that can go wrong with the notebook, each with a message that says what happened,
/// where, and what the user can do about it. None of these leaves the stored notes changed.
public enum NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No folder could be chosen: neither XDG_DATA_HOME nor HOME is usable.
    case noHome
    /// The data folder (or one above it) could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// Something that is not a folder is where the data folder should be.
    case notAFolder(path: String)
    /// The data folder exists but this user may not write in it.
    case folderNotWritable(path: String)
    /// The database file exists but this user may not read or write it.
    case fileNotWritable(path: String)
    /// The file is not a readable SQLite database, or SQLite finds it corrupt.
    case damaged(path: String, detail: String)
    /// A valid SQLite database, but not an octopus notebook.
    case foreign(path: String)
    /// A notebook changed by a newer octopus, whose changes this version does not know.
    case newerVersion(path: String)
    /// Another program held the database locked for longer than the busy timeout.
    case busy(path: String)
    /// Reading or writing failed (disk full, I/O error…).
    case storageFailed(path: String, detail: String)
    case noteNotFound(UUID)
    case emptyNote
    case emptyRecordID
    case noteTooLong(bytes: Int)
    /// The text holds a control character a note may not hold (see `NoteText`); nothing was saved.
    case controlCharacter(NoteText.Violation)
    /// Input meant as a note's text is not UTF-8; `offset` is the first bad byte's, from 0.
    case notUTF8(source: String, offset: Int, byte: UInt8)
    /// A document (handout, export) was to be written over a folder.
    case outputIsFolder(path: String)
    /// A document was to be written over an existing file without --force.
    case outputExists(path: String)
    /// A document could not be written; nothing was left under its name.
    case cannotWriteOutput(path: String, reason: String)
    /// An import file could not be read at all.
    case importUnreadable(file: String, reason: String)
    /// An import file was read but is not a valid notes export; nothing was imported. `problems`
    /// holds the first ones found (see `DiagnosticSink`), `omitted` counts the rest.
    case importMalformed(file: String, problems: [Diagnostic], omitted: Int = 0)

    public var description: String {
        switch self {
        case .noHome:
            return "octopus: cannot tell where to keep notes: HOME is not set; set HOME, XDG_DATA_HOME or OCTOPUS_DATA_DIR (or pass --data-dir)"
        case .cannotCreateFolder(let path, let reason):
            return "octopus: cannot create the notes folder \(path): \(reason); create it yourself, or choose another with --data-dir or OCTOPUS_DATA_DIR"
        case .notAFolder(let path):
            return
                "octopus: \(path) should be the notes folder but is a file; move that file away, or choose another folder with --data-dir or OCTOPUS_DATA_DIR"
        case .folderNotWritable(let path):
            return
                "octopus: cannot write in the notes folder \(path) (permission denied); fix its permissions (chmod u+rwx \(path)) or choose another folder with --data-dir or OCTOPUS_DATA_DIR"
        case .fileNotWritable(let path):
            return "octopus: cannot read and write the notebook \(path) (permission denied); fix its permissions (chmod u+rw \(path)), nothing was changed"
        case .damaged(let path, let detail):
            // The -wal file goes with the database: it may hold the latest notes, and left behind
            // it would be replayed into the next, new notebook.
            let folder = Path.folder(path) + "/damaged"
            return "octopus: the notebook \(path) is damaged (\(detail)). octopus has not changed or deleted it. "
                + "Move it, with the -wal and -shm files beside it, to another folder (mkdir \(folder) && mv \(path)* \(folder)/) "
                + "and octopus will start a new, empty notebook; keep the old files for recovery. "
                + "Notes from an earlier `octopus notes export --format json` can be brought back with `octopus notes import FILE`"
        case .foreign(let path):
            return "octopus: \(path) is an SQLite database but not an octopus notebook; octopus has not changed it. "
                + "Move it elsewhere, or choose another folder for notes with --data-dir or OCTOPUS_DATA_DIR"
        case .newerVersion(let path):
            return "octopus: the notebook \(path) was changed by a newer version of octopus; this version will not touch it. Update octopus"
        case .busy(let path):
            return
                "octopus: the notebook \(path) stayed locked by another program for too long; nothing was saved. Close other octopus windows that are saving and try again"
        case .storageFailed(let path, let detail):
            return "octopus: could not save to the notebook \(path) (\(detail)); nothing was changed. Check free disk space and permissions, then try again"
        case .noteNotFound(let id):
            return "octopus: no note \(id.uuidString.lowercased()); it may have been deleted in another window"
        case .emptyNote:
            return "octopus: a note needs some text; to remove a note, delete it"
        case .emptyRecordID:
            return "octopus: a note or bookmark needs a record id"
        case .noteTooLong(let bytes):
            // Standard input is read only one byte past the limit, so there "longer than" is all we know.
            let size = bytes > Note.maxTextBytes + 1 ? "\(bytes) bytes long" : "longer than \(Note.maxTextBytes) bytes"
            return "octopus: the note is \(size); a note may hold at most \(Note.maxTextBytes) bytes. Split it into several notes"
        case .controlCharacter(let violation):
            return "octopus: the note contains the control character \(violation); a note may hold text, tabs and line breaks only. "
                + "Remove that character and try again; nothing was saved"
        case .notUTF8(let source, let offset, let byte):
            return "octopus: \(Sanitizer.clean(source)) is not UTF-8 text (byte \(offset) is 0x\(String(byte, radix: 16, uppercase: true))); "
                + "convert it (e.g. iconv -t UTF-8) and try again; nothing was saved"
        case .outputIsFolder(let path):
            return "octopus: \(Sanitizer.clean(path)) is a folder; give a file name, e.g. \(Sanitizer.clean(path))/briefing.md"
        case .outputExists(let path):
            return "octopus: \(Sanitizer.clean(path)) already exists; nothing was written. Add --force to replace it, or choose another name with -o"
        case .cannotWriteOutput(let path, let reason):
            return
                "octopus: cannot write \(Sanitizer.clean(path)): \(reason); nothing was written. Check that the folder exists, is writable and has free space"
        case .importUnreadable(let file, let reason):
            return "octopus: cannot read \(Sanitizer.clean(file)): \(reason); nothing was imported"
        case .importMalformed(let file, let problems, let omitted):
            let total = problems.count + omitted
            let lines = problems.prefix(20).map(\.description)
            let more = total > 20 ? ["… and \(total - 20) more"] : []
            return
                (lines + more + [
                    "octopus: \(Sanitizer.clean(file)) is not a valid octopus notes export (\(total) problem\(total == 1 ? "" : "s")); nothing was imported. "
                        + "Import a file written by `octopus notes export --format json`"
                ]).joined(separator: "\n")
        }
    }

    /// Exit status of an import that left out notes holding control characters.
    public static let controlCharacterStatus = ExitStatus.dataError

    /// Exit status for the command line (see `ExitStatus`).
    public var exitStatus: ExitStatus {
        switch self {
        case .importMalformed, .emptyNote, .emptyRecordID, .noteTooLong, .notUTF8: .dataError
        case .controlCharacter: Self.controlCharacterStatus
        case .importUnreadable: .noInput
        case .noHome, .cannotCreateFolder, .notAFolder, .outputIsFolder, .outputExists, .cannotWriteOutput: .cannotCreate
        case .damaged, .foreign, .newerVersion, .storageFailed: .ioError
        case .busy: .tryAgain
        case .folderNotWritable, .fileNotWritable: .noPermission
        case .noteNotFound: .nothingFound
        }
    }

    public var exitCode: Int32 { exitStatus.rawValue }
}
