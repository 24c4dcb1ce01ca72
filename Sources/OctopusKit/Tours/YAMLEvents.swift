// libyaml's event API, from the C target inside Yams (its Swift API hides events). A C target's
// module map reaches every package that depends on Yams, so this needs no product of its own.
internal import CYaml

/// A first pass over libyaml's events, before Yams builds any tree. Aliases are what makes a small
/// YAML file expand without bound ("billion laughs"): Yams hashes whole keys to find duplicates,
/// so an alias used as a key costs as much as its whole expansion. A tour needs none, so this pass
/// refuses what could blow up — an alias or a list or mapping as a key, or more than a few
/// aliases anywhere — in time linear in the file, and locates it.
enum YAMLEvents {
    static let maxAliases = 20

    /// The first problem, or nil. Syntax errors are left for the full parse, which explains them.
    static func firstProblem(_ body: [UInt8]) -> JSONParser.Failure? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return body.withUnsafeBufferPointer { buffer -> JSONParser.Failure? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // For each open collection: is it a mapping, and is its next node a key?
            var open: [(mapping: Bool, nextIsKey: Bool)] = []
            var aliases = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let type = event.type
                let at = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let isNode =
                    type == YAML_ALIAS_EVENT || type == YAML_SCALAR_EVENT
                    || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                var isKey = false
                if isNode, let top = open.last, top.mapping {
                    isKey = top.nextIsKey
                    open[open.count - 1].nextIsKey.toggle()
                }
                switch type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    if isKey {
                        return JSONParser.Failure(message: "a field name must be plain text, not an alias (*name)", position: at)
                    }
                    aliases += 1
                    if aliases > maxAliases {
                        return JSONParser.Failure(
                            message: "more than \(maxAliases) YAML aliases (*name); a tour needs none: write each value out",
                            position: at)
                    }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if isKey {
                        return JSONParser.Failure(
                            message: "a field name must be plain text, not \(type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list")",
                            position: at)
                    }
                    open.append((mapping: type == YAML_MAPPING_START_EVENT, nextIsKey: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = open.popLast()
                default:
                    break
                }
            }
        }
    }
}
