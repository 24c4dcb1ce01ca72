import Foundation
import OctopusKit
import TestSupport
import Testing
@testable import OctopusTUI

/// Clusters that once broke the note editor, and their neighbours: each is a list of scalars, typed
/// one key per scalar as a terminal delivers them.
let awkwardClusters: [String] = [
    "a", "Z", " ", "é", "e\u{301}", "o\u{308}\u{301}", "🇵🇹", "🇫🇷", "\u{1F1E6}", "👍🏽", "👍", "❤️", "❤",
    "👨‍👩‍👧", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "日", "한", "\u{1100}\u{1161}\u{11A8}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2066}",
    "\u{301}", "\u{FE0F}", "ß", "Ω", "\u{1F3FD}", "…", "ا", "\u{0}", "\u{1B}", "\u{9B}",
]

/// An independent reference for one line: scalars, and cluster boundaries taken from the String's
/// Character view each time (slow and obviously right).
struct ReferenceLine {
    var scalars: [Unicode.Scalar] = []
    var cursor = 0
    var text: String { String(String.UnicodeScalarView(scalars)) }
    var boundaries: [Int] {
        var out = [0], offset = 0
        for c in text { offset += c.unicodeScalars.count; out.append(offset) }
        return out
    }
    mutating func type(_ s: Unicode.Scalar) {
        guard s.value >= 0x20, !(0x7F...0x9F).contains(s.value) else { return }  // controls are keys, not text
        scalars.insert(s, at: cursor)
        cursor = boundaries.first { $0 >= cursor + 1 }!
    }
    mutating func left() { cursor = boundaries.last { $0 < cursor } ?? 0 }
    mutating func right() { cursor = boundaries.first { $0 > cursor } ?? scalars.count }
    mutating func backspace() {
        guard cursor > 0 else { return }
        let start = boundaries.last { $0 < cursor }!
        scalars.removeSubrange(start..<cursor)
        cursor = boundaries.last { $0 <= start }!  // the two sides may have joined into one cluster
    }
    mutating func delete() {
        guard cursor < scalars.count else { return }
        let end = boundaries.first { $0 > cursor }!
        scalars.removeSubrange(cursor..<end)
        cursor = boundaries.last { $0 <= cursor }!
    }
}

@Suite("Text by grapheme cluster")
struct TextTests {
    @Test func typingAnyClustersOneScalarAtATimeKeepsExactlyWhatWasTyped() {
        var rng = SplitMix64(seed: 2010)
        for _ in 0..<2_000 {
            var editor = EditorState(recordID: "art29")
            var typed = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let cluster = awkwardClusters.randomElement(using: &rng)!
                for s in cluster.unicodeScalars {
                    _ = editor.apply(.char(Character(s)))
                    if s.value >= 0x20 && !(0x7F...0x9F).contains(s.value) { typed.unicodeScalars.append(s) }
                }
            }
            #expect(editor.text.unicodeScalars.elementsEqual(typed.unicodeScalars), "typed \(typed.debugDescription)")
        }
    }

    @Test func randomEditsMatchTheReferenceAndNeverSplitACluster() throws {
        for seed in 0..<400 {
            var rng = SplitMix64(seed: UInt64(seed))
            var field = TextField()
            var reference = ReferenceLine()
            for step in 0..<60 {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: _ = field.moveLeft(); reference.left()
                case 1: _ = field.moveRight(); reference.right()
                case 2: field.deleteBackward(); reference.backspace()
                case 3: field.deleteForward(); reference.delete()
                case 4: field.moveHome(); reference.cursor = 0
                default:
                    for s in awkwardClusters.randomElement(using: &rng)!.unicodeScalars {
                        field.insert(String(s)); reference.type(s)
                    }
                }
                try #require(field.text.unicodeScalars.elementsEqual(reference.scalars), "seed \(seed), step \(step): text differs")
                try #require(field.cursor == reference.cursor, "seed \(seed), step \(step): cursor \(field.cursor), expected \(reference.cursor)")
                try #require(
                    reference.boundaries.contains(field.cursor),
                    "seed \(seed), step \(step): cursor inside a cluster of \(field.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func theEditorMovesAndDeletesByClusterAcrossLines() {
        var editor = EditorState(recordID: "PT")
        for s in "🇵🇹 Portugal 👍🏽 Cafe\u{301}".unicodeScalars { _ = editor.apply(.char(Character(s))) }
        _ = editor.apply(.enter)
        for s in "ok".unicodeScalars { _ = editor.apply(.char(Character(s))) }
        // Back over "ok" and the line break, then delete "é" (one cluster of two scalars).
        for _ in 0..<3 { _ = editor.apply(.left) }
        _ = editor.apply(.backspace)
        #expect(editor.text == "🇵🇹 Portugal 👍🏽 Caf\nok")
        _ = editor.apply(.home)
        _ = editor.apply(.delete)  // the whole flag, not half of it
        #expect(editor.text == " Portugal 👍🏽 Caf\nok")
        _ = editor.apply(.down)
        _ = editor.apply(.end)
        _ = editor.apply(.delete)  // at the end of the last line: nothing to join
        _ = editor.apply(.home)
        _ = editor.apply(.backspace)  // joins the two lines
        #expect(editor.text == " Portugal 👍🏽 Cafok")
    }

    /// The issue's own scenario, through `update` as the browser runs it: what is saved is exactly
    /// what is on screen, and the browser goes on.
    @MainActor @Test func aNoteOfFlagsSkinTonesAndDecomposedLettersIsSavedExactly() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        s.notebook.available = true
        Update.open(&s, id: "art29")
        Update.update(&s, .key(.char("a")))
        for scalar in "🇵🇹 Portugal 👍🏽 Cafe\u{301}".unicodeScalars { Update.update(&s, .key(.char(Character(scalar)))) }
        for key: Key in [.left, .left, .right, .backspace] { Update.update(&s, .key(key)) }  // deletes "f"
        let screen = Render.render(s).text
        #expect(screen.contains("PT Portugal 👍 Caé"))
        let effects = Update.update(&s, .key(.ctrl("s")))
        #expect(effects == [.saveNote(recordID: "art29", noteID: nil, text: "🇵🇹 Portugal 👍🏽 Cae\u{301}")])
        #expect(s.overlay == nil && !s.quitRequested)
    }

    /// A save that fails (a full disk, a read-only notebook) brings the editor back with the text.
    @MainActor @Test func aNoteThatCannotBeSavedComesBackToTheEditor() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        Update.update(&s, .noteNotSaved(recordID: "PT", noteID: nil, text: "line one\n🇵🇹 two", reason: "the disk is full"))
        guard case .noteEditor(let editor) = s.overlay else { Issue.record("no editor"); return }
        #expect(editor.text == "line one\n🇵🇹 two")
        #expect(s.message?.contains("the disk is full") == true)
        var again = editor
        #expect(again.apply(.ctrl("s")) == .save)
    }

    @Test func controlKeysAreNeverText() {
        var field = TextField()
        let accepted = ["\u{0}", "a\u{1B}[2J", "\u{9B}", "\u{200E}"].map { field.insert($0) }
        #expect(accepted == [false, false, false, true])  // a bidi mark is text; the grid does not draw it
        #expect(field.text == "\u{200E}")
    }

    @Test func aFullFieldRefusesMoreInsteadOfCuttingIt() {
        var field = TextField("abc", limit: 4)
        let accepted = ["d", "e"].map { field.insert($0) }
        #expect(accepted == [true, false])
        #expect(field.text == "abcd")
    }
}

@Suite("Cell grid: clusters drawn whole")
struct ClusterGridTests {
    func draw(_ text: String, width: Int = 20) -> CellGrid {
        var grid = CellGrid(Size(width: width, height: 1))
        grid.put(text, row: 0, column: 0)
        return grid
    }

    @Test func awkwardClustersAreDrawnAsGlyphsOfKnownWidth() {
        #expect(draw("🇵🇹 x").lines[0] == "PT x")  // a flag: its region letters
        #expect(draw("👍🏽x").lines[0] == "👍x")  // skin tone dropped from the picture
        #expect(draw("👨‍👩‍👧x").lines[0] == "👨x")  // a ZWJ family: its first member
        #expect(draw("🏴󠁧󠁢󠁳󠁣󠁴󠁿x").lines[0] == "🏴x")  // tag sequence: the flag base
        #expect(draw("❤️x").lines[0] == "❤x")  // VS16 dropped: one column, as wcwidth says
        #expect(draw("Cafe\u{301}!").lines[0] == "Café!")  // NFD composed for display
        #expect(TextWidth.columns("🇵🇹 Portugal 👍🏽 Cafe\u{301}") == 2 + 10 + 2 + 5)
    }

    @Test func everyCellHoldsOneSpacingCharacterAndAtMostFourMarks() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let text = (0..<10).map { _ in awkwardClusters.randomElement(using: &rng)! }.joined()
            let grid = draw(text, width: 17)
            var x = 0
            while x < grid.size.width {
                let cell = grid[0, x]
                let scalars = Array(cell.text.unicodeScalars)
                #expect(!scalars.isEmpty, "an orphaned right half at column \(x) of \(text.debugDescription)")
                #expect(scalars.count <= 5)
                #expect(!scalars.contains(where: Sanitizer.isUnsafe))
                #expect(scalars.dropFirst().allSatisfy { TextWidth.isMark($0) }, "\(scalars)")
                let wide = x + 1 < grid.size.width && grid[0, x + 1].text.isEmpty
                #expect(TextWidth.columns(scalars[0]) == (wide ? 2 : 1), "\(scalars) at \(x)")
                x += wide ? 2 : 1
            }
        }
    }

    @Test func coveringHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = draw("日本語")
        grid.put("x", row: 0, column: 1)  // over the right half of 日
        #expect(grid.lines[0] == " x本語")
        grid.put("y", row: 0, column: 2)  // over the left half of 本
        #expect(grid.lines[0] == " xy 語")
        grid.fill(row: 0, column: 5, width: 1, style: .normal)  // right half of 語
        #expect(grid.lines[0] == " xy")
    }
}
