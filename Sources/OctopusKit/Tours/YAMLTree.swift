internal import CLibYAML

/// Builds the positioned `JSONNode` tree from libyaml's events, one event at a time, with the
/// bounds a hostile file needs. Aliases are what makes a small YAML file expand without bound
/// ("billion laughs"); a tour needs none, so a few are allowed, never as a field name, and every
/// value they copy counts against the file's budget of nodes.
struct YAMLTree {
    /// A list or mapping still open, changed in place (never copied out) as its nodes arrive.
    private struct Open {
        var isMapping: Bool
        var items: [JSONNode] = []
        var members: [JSONNode.Member] = []
        var keys: Set<String> = []
        /// A mapping's field name waiting for its value.
        var key: (String, SourcePosition)?
        var at: SourcePosition
        var anchor: String?
        /// Nodes inside, itself included: what an alias to it would copy.
        var size = 1
    }

    private var open: [Open] = []
    private var anchors: [String: (node: JSONNode, size: Int)] = [:]
    private var budget = YAMLReader.maxNodes
    private var aliases = 0
    private var root: JSONNode?
    private var documents = 0

    /// Takes one event; returns the document's root at the end of the stream.
    mutating func take(_ event: yaml_event_t) throws(JSONParser.Failure) -> JSONNode? {
        let at = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            guard documents == 1 else {
                throw JSONParser.Failure(message: "the file holds more than one YAML document (---); a tour is one", position: at)
            }
        case YAML_STREAM_END_EVENT:
            guard let root else {
                throw JSONParser.Failure(message: "the file is empty; expected a tour with a title and steps", position: SourcePosition(line: 1, column: 1))
            }
            return root
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = Self.string(s.value, count: Int(s.length))
            let tag = Self.string(s.tag)
            let node = JSONNode(value: try YAMLReader.scalar(text, tag: tag, plain: s.style == YAML_PLAIN_SCALAR_STYLE, at: at), position: at)
            try add(node, size: 1, keyText: text, anchor: Self.string(s.anchor), at: at)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard !nextIsKey else {
                throw JSONParser.Failure(message: "a field name must be plain text, not an alias (*name)", position: at)
            }
            aliases += 1
            guard aliases <= YAMLReader.maxAliases else {
                throw JSONParser.Failure(
                    message: "more than \(YAMLReader.maxAliases) YAML aliases (*name); a tour needs none: write each value out", position: at)
            }
            guard let anchored = anchors[name] else {
                throw JSONParser.Failure(message: "alias *\(name) names no anchor (&\(name)) before it", position: at)
            }
            try add(anchored.node, size: anchored.size, keyText: nil, anchor: nil, at: at)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            guard !nextIsKey else {
                throw JSONParser.Failure(message: "a field name must be plain text, not \(isMapping ? "a mapping" : "a list")", position: at)
            }
            try count(1, at: at)
            let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            open.append(Open(isMapping: isMapping, at: at, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let done = open.popLast() else { break }
            let node = JSONNode(value: done.isMapping ? .object(done.members) : .array(done.items), position: done.at)
            try add(node, size: done.size, keyText: nil, anchor: done.anchor, at: done.at, counted: true)
        default:
            break
        }
        return nil
    }

    /// Whether the next node completes a field name rather than a value.
    private var nextIsKey: Bool {
        guard let top = open.last else { return false }
        return top.isMapping && top.key == nil
    }

    private mutating func count(_ cost: Int, at: SourcePosition) throws(JSONParser.Failure) {
        guard open.count < JSONParser.maxDepth else {
            throw JSONParser.Failure(message: "nesting is deeper than \(JSONParser.maxDepth) levels", position: at)
        }
        budget -= cost
        guard budget >= 0 else {
            throw JSONParser.Failure(message: "the file expands to more than \(YAMLReader.maxNodes) values (YAML aliases?)", position: at)
        }
    }

    /// Places a finished node in the collection that is open (or as the root). `keyText` is the
    /// text of a scalar, the only kind of node that may name a field. A collection was counted
    /// when it opened; a scalar or an alias's copy is counted here.
    private mutating func add(
        _ node: JSONNode, size: Int, keyText: String?, anchor: String?, at: SourcePosition, counted: Bool = false
    ) throws(JSONParser.Failure) {
        if !counted { try count(size, at: at) }
        if let anchor { anchors[anchor] = (node, size) }
        guard !open.isEmpty else {
            root = node
            return
        }
        let top = open.count - 1
        open[top].size += size
        guard open[top].isMapping else {
            open[top].items.append(node)
            return
        }
        if let (name, keyAt) = open[top].key {
            open[top].members.append(JSONNode.Member(key: name, keyPosition: keyAt, value: node))
            open[top].key = nil
        } else {
            // Only a scalar gets here as a name: the others were refused when they began.
            let name = keyText ?? ""
            guard open[top].keys.insert(name).inserted else {
                throw JSONParser.Failure(message: "field \"\(name)\" appears twice in this mapping", position: at)
            }
            open[top].key = (name, at)
        }
    }

    private static func string(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int) -> String {
        guard let bytes else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A NUL-terminated string of libyaml's (an anchor, a tag), or nil where it has none.
    private static func string(_ bytes: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let bytes else { return nil }
        var count = 0
        while bytes[count] != 0 { count += 1 }
        return string(bytes, count: count)
    }
}
