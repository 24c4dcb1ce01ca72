import Glibc

/// File paths as strings, joined and taken apart the way the shell shows them.
public enum Path {
    /// `folder/name`, with one slash between whatever the folder ends with.
    public static func join(_ folder: String, _ name: String) -> String {
        guard !folder.isEmpty else { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last component ("tour.yaml" of "talks/tour.yaml"), trailing slashes ignored.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = path.reversed().drop { $0 == "/" }.reversed()
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The folder part of a path, as `NSString.deletingLastPathComponent` gave it: "/a/b/c" is
    /// "/a/b", "/a" is "/", "c" is "" (trailing slashes are not a component).
    public static func folder(_ path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1, rest.hasSuffix("/") { rest.removeLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var folder = rest[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The extension of the last component, without its dot ("yaml"), or "" (".profile" has none).
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The last component without its extension ("tour" of "talks/tour.yaml").
    public static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Whether a file (of any kind but a folder, when `folder` is false) is there.
    public static func exists(_ path: String, folder: Bool? = nil) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        guard let folder else { return true }
        return (info.st_mode & S_IFMT == S_IFDIR) == folder
    }
}
