import BundledKnowledgeBase
import Foundation
import Testing
@testable import OctopusKit

/// Folding runs from a table generated from Foundation (scripts/folding-table), so that octopus
/// need not link Foundation; these say when the table and Foundation part ways (a new toolchain's
/// Unicode), which would make a search miss what it used to find.
@Suite("Folding table")
struct FoldingTableTests {
    /// Folding as it was done through Foundation before the table, its words made as they are.
    static func foundationFold(_ text: String) -> String {
        let base = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words = Folding.Words()
        for s in base.unicodeScalars { words.take(s) }
        return words.text
    }

    /// The table holds what Foundation's folding makes of every scalar after a letter (a mark
    /// alone, with nothing to sit on, is no diacritic to it), and letters, marks and digits are
    /// told apart as Foundation does wherever its Unicode knows the scalar (the standard library's
    /// may be newer).
    @Test func everyScalarFoldsAndClassifiesAsFoundationDoes() {
        var folds: [String] = [], classes: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let name = "U+" + String(v, radix: 16, uppercase: true)
            var theirs = Array(
                ("a" + String(s)).precomposedStringWithCompatibilityMapping
                    .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars)
            if theirs.first == "a" { theirs.removeFirst() }
            if Folding.folded(s) != theirs { folds.append(name) }
            if !CharacterSet.illegalCharacters.contains(s), Folding.isAlphanumeric(s) != CharacterSet.alphanumerics.contains(s) {
                classes.append(name)
            }
        }
        #expect(folds.isEmpty, "\(folds.count) scalars fold differently from the table, e.g. \(folds.prefix(5)); run scripts/folding-table")
        #expect(classes.isEmpty, "\(classes.count) scalars are classed differently, e.g. \(classes.prefix(5))")
    }

    /// Every string in the bundled base, and text written as people type it, fold as before.
    @Test func theBasesTextAndTypedTextFoldAsBefore() throws {
        let root = try JSONParser.parse(Array(BundledKnowledgeBase.json.utf8))
        var strings: [String] = []
        func walk(_ node: JSONNode) {
            switch node.value {
            case .string(let s): strings.append(s)
            case .array(let items): items.forEach(walk)
            case .object(let members):
                members.forEach {
                    strings.append($0.key); walk($0.value)
                }
            default: break
            }
        }
        walk(root)
        #expect(strings.count > 5_000)
        strings += ["Côte d’Ivoire", "COTE D'IVOIRE", "São Tomé", "Ｆｕｌｌｗｉｄｔｈ", "ﬁnancial", "Straße", "İstanbul", "Ελλάδα", "e\u{301}te\u{301}"]
        let differing = strings.filter { Folding.fold($0) != Self.foundationFold($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func trimmingAndReplacingWorkOnScalars() {
        #expect("\u{3000} a b\t\n".trimmed() == "a b")
        #expect(" a \n".trimmed(newlines: false) == "a \n")
        #expect("...x..".trimming { $0 == "." } == "x")
        #expect("  ".trimmed().isEmpty)
        // A quote carrying a combining mark is one Character but still a quote to a CSV reader.
        #expect("a\"\u{301}b".replacingEvery("\"", with: "\"\"") == "a\"\"\u{301}b")
        #expect("x\r\ny\r\n".replacingEvery("\r\n", with: "\n") == "x\ny\n")
        #expect(Decimals.fixed(4.25, 1) == "4.3")
        #expect(Decimals.fixed(0.04, 1) == "0.0")
        #expect(Decimals.fixed(-1.96, 1) == "-2.0")
        #expect(Decimals.fixed(12, 0) == "12")
    }

    @Test func trimmingAndPathsAreFoundations() {
        for text in ["", "  ", " a b ", "\t\n x\r\n", "\u{85}\u{2028}y\u{3000}\u{A0}", "\u{200B}z\u{200B}", "é\u{301} "] {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
            #expect(text.trimmed(newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
        // NSString's own examples (its Linux version traps on a name without a slash).
        let folders = ["/tmp/scratch.tiff": "/tmp", "/tmp/lock/": "/tmp", "/tmp/": "/", "/tmp": "/", "/": "/", "scratch.tiff": "", "": ""]
        for (path, folder) in folders.sorted(by: { $0.key < $1.key }) {
            #expect(Path.folder(path) == folder, "\(path)")
        }
        #expect(Path.folder("a/b/notebook.sqlite") == "a/b")
        for folder in ["/a", "/a/", "", "a/b", "./c"] {
            #expect(Path.join(folder, "pack.md") == (folder as NSString).appendingPathComponent("pack.md"), "\(folder)")
        }
    }
}
