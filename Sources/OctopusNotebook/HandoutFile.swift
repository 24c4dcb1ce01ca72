import FoundationEssentials
import OctopusKit
import Glibc

/// The one writer of documents that may hold the user's notes (briefing packs, exports), shared
/// by the command line and the browser.
///
/// A file is written whole or not at all: the text goes to a temporary file in the same folder
/// (same file system, so the last step is atomic), created with its final mode, synced, and only
/// then given its name. Without `replace`, the name is given with link(2), which fails if the name
/// exists, so a file that appeared meanwhile (another window's handout) is never clobbered; with
/// `replace`, rename(2) swaps it in. A failure at any step removes the temporary file: no partial
/// file is ever left under either name.
public enum HandoutFile {
    /// 0600 for a document with notes in it: they are as private as the notebook (itself 0600).
    /// 0644 (less the umask) for one without: a `--no-notes` pack is made to be handed to others.
    public static func mode(containsNotes: Bool) -> mode_t { containsNotes ? 0o600 : 0o644 }

    /// Writes `text` to `path`. Throws `.outputExists` if there is a file there and `replace` is false.
    public static func write(_ text: String, to path: String, containsNotes: Bool, replace: Bool) throws(NotebookError) {
        try checkTarget(path, replace: replace)
        let temp = try writeTemporary(text, beside: path, containsNotes: containsNotes)
        do throws(NotebookError) {
            try place(temp, at: path, replace: replace)
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// Writes `text` under the first free name among `stem.md`, `stem-2.md` … `stem-99.md` in
    /// `folder`, never over an existing file, and returns its path.
    public static func writeNew(_ text: String, folder: String, stem: String, containsNotes: Bool) throws(NotebookError) -> String {
        let first = Path.join(folder, "\(stem).md")
        let temp = try writeTemporary(text, beside: first, containsNotes: containsNotes)
        defer { unlink(temp) }
        for n in 1...99 {
            let path = n == 1 ? first : Path.join(folder, "\(stem)-\(n).md")
            do throws(NotebookError) {
                try place(temp, at: path, replace: false)
                return path
            } catch {
                guard case .outputExists = error else { throw error }
            }
        }
        throw .cannotWriteOutput(path: first, reason: "there are already 99 files named \(stem)…")
    }

    private static func checkTarget(_ path: String, replace: Bool) throws(NotebookError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR { throw .outputIsFolder(path: path) }
        if !replace { throw .outputExists(path: path) }
    }

    private static func writeTemporary(_ text: String, beside path: String, containsNotes: Bool) throws(NotebookError) -> String {
        let temp = Path.join(Path.folder(path), ".\(Path.lastComponent(path)).octopus-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let mode = mode(containsNotes: containsNotes)
        let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .cannotWriteOutput(path: path, reason: String(cString: strerror(errno))) }
        // The umask may only take permissions away; a private file is made exactly 0600 anyway.
        if containsNotes { _ = fchmod(fd, mode) }
        var failure = FileSystem.writeAll(Array(text.utf8), to: fd)
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw .cannotWriteOutput(path: path, reason: String(cString: strerror(failure)))
        }
        return temp
    }

    /// Gives the synced temporary file its name. On success the temporary name is gone (renamed)
    /// or still there as a second link (removed by the caller or here).
    private static func place(_ temp: String, at path: String, replace: Bool) throws(NotebookError) {
        if replace {
            guard rename(temp, path) == 0 else { throw .cannotWriteOutput(path: path, reason: String(cString: strerror(errno))) }
        } else if link(temp, path) == 0 {
            unlink(temp)
        } else if errno == EEXIST {
            throw .outputExists(path: path)
        } else if errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == EXDEV {
            // File systems without hard links (FAT on a USB stick): check, then rename. A file
            // appearing in between could be replaced; on such file systems nothing better exists.
            var info = stat()
            if lstat(path, &info) == 0 { throw .outputExists(path: path) }
            guard rename(temp, path) == 0 else { throw .cannotWriteOutput(path: path, reason: String(cString: strerror(errno))) }
        } else {
            throw .cannotWriteOutput(path: path, reason: String(cString: strerror(errno)))
        }
        syncFolder(of: path)
    }

    /// Syncs the folder so the new name survives a power cut as the contents do.
    private static func syncFolder(of path: String) {
        let folder = Path.folder(path)
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
