import FuzzSupport
import BundledKnowledgeBase
import OctopusKit
import OctopusTUI

/// The note editor under any sequence of keys a person could type, with the text people type
/// that is hardest on a cursor counted in Characters: combining marks, zero-width joiners,
/// regional indicators (flags), variation selectors, skin tones, wide and zero-width characters.
///
/// The bytes are read as keys: a byte below 0x20 is an editing key or one tricky scalar (table
/// below); a run of other bytes is decoded as UTF-8 (invalid bytes become U+FFFD) and typed one
/// Character at a time. Only the editor's stable surface is used (`EditorState(recordID:)`,
/// `apply(_:)`, `text`, `Key`), so the target survives a rewrite of its internals.
///
/// Checked: nothing traps; without Backspace or Delete no typed scalar is lost or invented (the
/// multiset of scalars in `text` is what was typed as text, plus a newline per Enter and four spaces
/// per Tab; control characters are refused); with them, `text` never holds more than that; and the
/// editor draws (at one of four sizes).

/// One AppState for the whole run: building the address resolver costs milliseconds.
nonisolated(unsafe) private var app: AppState = {
    do {
        let kb = try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName)
        return AppState(kb: kb, size: Size(width: 80, height: 24))
    } catch { fatalError("the bundled knowledge base does not load:\n\(error)") }
}()

private let sizes = [
    Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 132, height: 43),
    Size(width: 41, height: 10),
]

private enum Typed { case key(Key), scalar(Unicode.Scalar) }

/// Bytes 0x00–0x1F. Esc and Ctrl-S are there too: the editor must stay usable after "discard?".
private let table: [Typed] = [
    .key(.up), .key(.down), .key(.left), .key(.right), .key(.home), .key(.end),
    .key(.backspace), .key(.delete), .key(.enter), .key(.tab), .key(.escape), .key(.ctrl("s")),
    .key(.ctrl("a")), .key(.ctrl("e")), .key(.pageUp), .key(.char("y")),
    .scalar("\u{0301}"),  // combining acute accent
    .scalar("\u{200D}"),  // zero-width joiner
    .scalar("\u{1F1F5}"),  // regional indicator P
    .scalar("\u{1F1F9}"),  // regional indicator T (P then T: 🇵🇹)
    .scalar("\u{1F1EA}"),  // regional indicator E
    .scalar("\u{FE0F}"),  // variation selector 16 (emoji presentation)
    .scalar("\u{1F3FD}"),  // skin-tone modifier
    .scalar("\u{1F469}"),  // woman (ZWJ sequences: 👩‍💻)
    .scalar("\u{1F4BB}"),  // laptop
    .scalar("\u{4E2D}"),  // wide CJK ideograph
    .scalar("\u{1100}"),  // Hangul choseong (jamo join into syllables)
    .scalar("\u{1161}"),  // Hangul jungseong
    .scalar("\u{200B}"),  // zero-width space
    .scalar("\u{202E}"),  // right-to-left override (the sanitiser removes it when drawing)
    .scalar("\u{0000}"),  // NUL typed as a character
    .scalar("e"),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var keys: [Key] = []
    var i = 0
    while i < bytes.count {
        if bytes[i] < 0x20 {
            switch table[Int(bytes[i])] {
            case .key(let k): keys.append(k)
            case .scalar(let s): keys.append(.char(Character(s)))
            }
            i += 1
        } else {
            var j = i
            while j < bytes.count && bytes[j] >= 0x20 { j += 1 }
            for c in String(decoding: bytes[i..<j], as: UTF8.self) { keys.append(.char(c)) }
            i = j
        }
    }

    var editor = EditorState(recordID: "art29")
    var typed: [UInt32: Int] = [:]  // scalar value → how many were typed
    var deleting = false
    var asking = false  // Esc on a note with text asks "discard?"; the next key answers
    for key in keys {
        let answering = asking, before = answering ? editor.text : ""
        let outcome = editor.apply(key)
        asking = !answering && outcome == .stillOpen && (key == .escape || key == .ctrl("c"))
        if answering {
            precondition(editor.text == before, "answering \"discard?\" with \(key) changed the text")
            continue
        }
        switch key {
        // Control characters (NUL, ESC, C1) are keys, never text: the editor refuses them whole.
        case .char(let c) where TextField.isText(c): for s in c.unicodeScalars { typed[s.value, default: 0] += 1 }
        case .enter: typed[0x0A, default: 0] += 1
        case .tab: typed[0x20, default: 0] += 4
        case .backspace, .delete: deleting = true
        default: break
        }
    }
    var inText: [UInt32: Int] = [:]
    for s in editor.text.unicodeScalars { inText[s.value, default: 0] += 1 }
    if deleting {
        for (s, n) in inText {
            precondition(n <= typed[s, default: 0], "U+\(String(s, radix: 16)) appears \(n) times, typed \(typed[s, default: 0])")
        }
    } else {
        precondition(inText == typed, "the text's scalars are not what was typed: \(inText) vs \(typed)")
    }

    // One size per input, chosen by its length: drawing the screen under the editor costs more
    // than the keys, and every size is still drawn for every kind of text over a run.
    app.size = sizes[size % sizes.count]
    app.overlay = .noteEditor(editor)
    _ = Render.render(app)
    return 0
}

@main enum Main {
    static func main() { runFuzzer { data, size in data.map { fuzz($0, size) } ?? 0 } }
}
