import BundledKnowledgeBase
import Foundation
import OctopusDocument
import OctopusKit
import Testing
@testable import OctopusNotebook

@Suite("Markdown: page layout and briefing pack")
struct MarkdownTests {
    @Test func escapingKeepsTextLiteral() {
        #expect(MarkdownLayout.escape("a *b* [c](d) <e> _f_ `g` #h & i") == ##"a \*b\* \[c\](d) \<e\> \_f\_ \`g\` \#h &amp; i"##)
        #expect(MarkdownLayout.escapeLineStart("- not a list") == #"\- not a list"#)
        #expect(MarkdownLayout.escapeLineStart("12. not a list") == #"12\. not a list"#)
        #expect(MarkdownLayout.escapeLineStart("1999 was a year") == "1999 was a year")
        #expect(MarkdownLayout.anchorName("PT") == "pt")
        #expect(MarkdownLayout.anchorName("ws3/topic-1") == "ws3-topic-1")
        #expect(MarkdownLayout.blockquote("one\n\n# two\n---\n<b>x</b>\n") == "> one\n>\n> \\# two\\\n> \\---\\\n> &lt;b>x&lt;/b>")
        // Issue 14: a line break the user typed stays a line break (a CommonMark hard break).
        #expect(MarkdownLayout.blockquote("Ask PT\nabout the 60 days\n\nThen CH") == "> Ask PT\\\n> about the 60 days\n>\n> Then CH")
    }

    @Test func pageRendersHeadingsListsAndLinks() throws {
        let kb = try SmallBase.load(withTCY: true)
        let page = PageBuilder.page(for: try #require(kb.record("art29")), in: kb)
        let standalone = MarkdownLayout.render(page)
        #expect(standalone.hasPrefix("# Article 29 – Expedited preservation of stored computer data\n\n*"))
        #expect(standalone.contains(#"Ask another \*Party\* to \[preserve\] data\_now; see WS3."#))
        #expect(standalone.contains("## Sources\n\n1. <https://example.org/art29>\n2. Explanatory report\n"))
        #expect(MarkdownLayout.sources(of: page) == ["https://example.org/art29", "Explanatory report"])

        let linked = MarkdownLayout.render(page, level: 2, anchor: { $0 == "ws3" ? "ws3" : nil }, anchorTitle: true)
        #expect(linked.hasPrefix("## <a id=\"art29\"></a>Article 29"))
        #expect(linked.contains("see [WS3](#ws3)."))
        #expect(linked.contains("### Sources"))
    }

    @Test func numberedTopicsKeepTheirDetailsIndented() throws {
        let kb = try SmallBase.load(withTCY: true)
        let md = MarkdownLayout.render(PageBuilder.page(for: try #require(kb.record("ws3")), in: kb))
        #expect(md.contains("1. **Preservation** · 20 min\n\n   On Art. 29.\n\n   - Fast\n"))
    }

    @Test func briefingPackHasContentsSectionsNotesAndSources() throws {
        let kb = try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName)
        let records = try ["ws3", "art29", "PT", "art29"].map { try #require(kb.record($0)) }
        let note = Note(id: UUID(), recordID: "art29", text: "Ask about the 60 days", createdAt: Date(), updatedAt: Date())
        let md = BriefingPack.compose(records: records, kb: kb, date: .conference, notes: ["art29": [note]])
        let contents = """
            ## Contents

            1. [WS3: Cybercrime legislation: the Convention as a guideline for more than 100 countries](#ws3)
            2. [Article 29 – Expedited preservation of stored computer data](#art29) (1 note)
            3. [Portugal](#pt)
            4. [Sources](#all-sources)
            """
        #expect(md.contains(contents))
        for anchor in ["ws3", "art29", "pt", "all-sources"] {
            #expect(md.components(separatedBy: "<a id=\"\(anchor)\"></a>").count == 2, "one target for #\(anchor)")
        }
        // Links between chosen records become in-document links; others are named, with no id.
        #expect(md.contains("[Portugal](#pt)"))
        #expect(md.contains("under Article 16."))
        #expect(!md.contains("(art16)") && !md.contains("(mla)") && !md.contains("(computer-data)"))
        #expect(md.contains("### My notes\n\n> Ask about the 60 days\n\n*Written "))
        #expect(md.contains("## <a id=\"all-sources\"></a>Sources"))
        #expect(md.contains("— cited in [1](#ws3), [2](#art29)"))
        // Nothing of the plain-text layout leaks in: no "[3]" link numbers, no control characters.
        #expect(md.range(of: #"\]\[\d+\]|[a-z]\[\d+\]"#, options: .regularExpression) == nil)
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // The same record twice is in the pack once.
        #expect(md.components(separatedBy: "## <a id=\"art29\"></a>").count == 2)
    }
}
