import OctopusDocument
import OctopusKit
import OctopusNotebook

/// A styled run of text on one line; `link` is the link number it belongs to, if any.
public struct Run: Sendable, Hashable {
    public var text: String
    public var style: Style
    public var link: Int?
}

/// A record page wrapped to a width: the lines, and where each numbered link sits.
public struct PageLayout: Sendable {
    public var page: Page
    public var lines: [[Run]]
    public var lineOfLink: [Int: Int]
    /// The line of the "Your notes" heading, when the user has notes on the record.
    public var notesLine: Int? = nil

    public func firstLinkAtOrBelow(_ line: Int) -> Int? {
        lineOfLink.filter { $0.value >= line }.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}

/// A run of a laid-out page: its line and its place on the line.
public struct RunPosition: Sendable, Hashable {
    public var line: Int
    public var run: Int
}

/// Search's matches on a page: the runs of each match's words, by the line the match starts on
/// (a phrase may go on to the next line).
public struct PageMatches: Sendable {
    var byLine: [Int: Set<RunPosition>] = [:]
    /// Lines where a match starts, top to bottom: where n and N stop.
    public var lines: [Int] { byLine.keys.sorted() }
    public func runs(ofMatchOn line: Int) -> Set<RunPosition> { byLine[line] ?? [] }
}

/// The layout layer's pages: laid out once per change of what they show (`PageLayoutCache`),
/// used alike by the screens' updates (scrolling, links, clicks) and by their drawing.
extension PageLayout {

    public static func cached(_ state: AppState, id: String, cell: MatrixCell? = nil, comparing: [String]? = nil, width: Int) -> PageLayout {
        if let comparing {
            let key = PageLayoutCache.Key(id: id, width: width, date: state.date, ascii: state.ascii, notes: [], bookmarked: false, comparing: comparing)
            return state.layoutCache.layout(key) {
                let comparison = Comparison.build(comparing.compactMap { state.kb.country($0) }, kb: state.kb, at: state.date)
                return wrap(comparison.page(kb: state.kb), width: width, ascii: state.ascii)
            }
        }
        if let cell {
            let rating = state.notebook.rating(cell.stateID, cell.area)
            let key = PageLayoutCache.Key(id: id, width: width, date: state.date, ascii: state.ascii, notes: [], bookmarked: false, cell: cell, rating: rating)
            return state.layoutCache.layout(key) { build(state, cell: cell, rating: rating, width: width) }
        }
        let key = PageLayoutCache.Key(
            id: id, width: width, date: state.date, ascii: state.ascii, notes: state.notebook.notes(for: id),
            bookmarked: state.notebook.isBookmarked(id))
        return state.layoutCache.layout(key) { build(state, id: id, width: width) }
    }

    /// A matrix cell explained, as `octopus matrix --explain` prints it, with your rating beside.
    static func build(_ state: AppState, cell: MatrixCell, rating: Rating?, width: Int) -> PageLayout {
        guard let country = state.kb.country(cell.stateID), let area = state.kb.supportArea(cell.area) else {
            return PageLayout(page: Page(id: cell.stateID, kind: .term, title: cell.stateID, subtitle: "", blocks: [], links: []), lines: [], lineOfLink: [:])
        }
        let reading = state.kb.read(area, for: country, at: state.date)
        let page = MatrixPage.explanation(
            of: reading, for: country, in: state.kb, at: state.date,
            yourRating: rating?.description ?? "none yet — R rates this cell (none, started, in place, don't know) with a note")
        return wrap(page, width: width, ascii: state.ascii)
    }

    static func build(_ state: AppState, id: String, width: Int) -> PageLayout {
        guard let record = state.kb.record(id) else {
            return PageLayout(page: Page(id: id, kind: .term, title: id, subtitle: "", blocks: [], links: []), lines: [], lineOfLink: [:])
        }
        var page = PageBuilder.page(for: record, in: state.kb, at: state.date)
        let notes = state.notebook.notes(for: record.id)
        let notesHeading = "Your notes (\(notes.count))"
        // What the user has here, said at the top: a note at the foot of a long page is easily missed.
        let bookmarked = state.notebook.isBookmarked(record.id)
        if bookmarked || !notes.isEmpty {
            var said = [bookmarked ? (state.ascii ? "* bookmarked" : "★ bookmarked") : nil, notes.isEmpty ? nil : Section.notes.counted(notes.count)]
                .compactMap { $0 }.joined(separator: " · ")
            if !notes.isEmpty { said += " — A jumps to \(notes.count == 1 ? "it" : "them")" }
            page.blocks.insert(contentsOf: [.paragraph([.strong(said)]), .blank], at: 0)
        }
        if !notes.isEmpty {
            // The user's notes go under the record's text, before its sources.
            var blocks: [Page.Block] = [.heading(notesHeading)]
            for note in notes.sorted(by: { $0.createdAt < $1.createdAt }) {
                blocks.append(.field(NotebookState.display(note.updatedAt), []))
                for line in Sanitizer.clean(note.text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
                    blocks.append(.paragraph([.text("  " + line)]))
                }
            }
            blocks.append(.blank)
            let at = page.blocks.firstIndex(of: .heading("Sources")).map { max(0, $0 - 1) } ?? page.blocks.count
            page.blocks.insert(contentsOf: blocks, at: at)
        }
        var layout = wrap(page, width: width, ascii: state.ascii)
        if !notes.isEmpty { layout.notesLine = layout.lines.firstIndex { $0.contains { $0.style == .heading } && $0.map(\.text).joined() == notesHeading } }
        return layout
    }

    /// How a table's pieces look: headings and labels as a field's label, a row that differs as
    /// a warning, so the eye finds the differences first.
    static func style(_ role: TableLayout.Role) -> Style {
        switch role {
        case .heading, .label: .accent
        case .marked: .warning
        case .rule: .dim
        case .cell, .space: .normal
        }
    }

    public static func wrap(_ page: Page, width: Int, ascii: Bool) -> PageLayout {
        var lines: [[Run]] = []
        var lineOfLink: [Int: Int] = [:]
        let bullet = ascii ? "- " : "• "

        func runs(_ spans: [Page.Span]) -> [Run] {
            spans.flatMap { span -> [Run] in
                switch span {
                case .text(let s): [Run(text: s, style: .normal, link: nil)]
                case .strong(let s): [Run(text: s, style: .accent, link: nil)]
                case .link(let label, let n): [Run(text: label, style: .link, link: n), Run(text: "[\(n)]", style: .dim, link: n)]
                }
            }
        }

        /// Wraps runs into lines by words. A word may span runs ("Article 29" + "[1]"), so the
        /// text is first cut at spaces into words made of styled segments.
        func wrap(_ runs: [Run], first: String, rest: String) {
            var words: [[Run]] = [[]]
            for run in runs {
                var current = ""
                for ch in run.text {
                    if ch == " " {
                        if !current.isEmpty { words[words.count - 1].append(Run(text: current, style: run.style, link: run.link)); current = "" }
                        if !(words.last?.isEmpty ?? true) { words.append([]) }
                    } else {
                        current.append(ch)
                    }
                }
                if !current.isEmpty { words[words.count - 1].append(Run(text: current, style: run.style, link: run.link)) }
            }
            var line: [Run] = [Run(text: first, style: .dim, link: nil)]
            var used = TextWidth.columns(first)
            let indent = TextWidth.columns(rest)
            var lineHasWord = false
            func newLine() {
                lines.append(line)
                line = [Run(text: rest, style: .normal, link: nil)]
                used = indent
                lineHasWord = false
            }
            for word in words where !word.isEmpty {
                let w = word.reduce(0) { $0 + TextWidth.columns($1.text) }
                if lineHasWord && used + 1 + w > width { newLine() }
                if lineHasWord {
                    // The space inside a link's label or a heading is part of it ("Art. 16" reads as
                    // one underlined link, not two); the space after a link is not.
                    let previous = line.last { !$0.text.isEmpty && $0.text != " " }
                    let joined: Style? =
                        if let previous, let next = word.first, previous.style == next.style, previous.link == next.link,
                            [.link, .heading].contains(previous.style)
                        { previous.style } else { nil }
                    line.append(Run(text: " ", style: joined ?? .normal, link: joined == nil ? nil : previous?.link))
                    used += 1
                }
                for segment in word {
                    var piece = segment.text
                    // A word longer than the line is broken at the edge.
                    while TextWidth.columns(piece) > width - used {
                        let head = TextWidth.clip(piece, to: max(0, width - used), ellipsis: "")
                        if head.isEmpty { if lineHasWord || used > indent { newLine(); continue } else { break } }
                        line.append(Run(text: head, style: segment.style, link: segment.link))
                        if let link = segment.link, lineOfLink[link] == nil { lineOfLink[link] = lines.count }
                        newLine()
                        piece = String(piece.dropFirst(head.count))
                    }
                    line.append(Run(text: piece, style: segment.style, link: segment.link))
                    if let link = segment.link, lineOfLink[link] == nil { lineOfLink[link] = lines.count }
                    used += TextWidth.columns(piece)
                }
                lineHasWord = true
            }
            lines.append(line)
        }

        wrap([Run(text: page.title, style: .heading, link: nil)], first: "", rest: "")
        wrap([Run(text: page.subtitle, style: .dim, link: nil)], first: "", rest: "")
        lines.append([])
        // Paragraphs and bullets after a numbered item belong to it until a blank line or heading.
        var nest = ""
        for block in page.blocks {
            switch block {
            case .heading(let s):
                nest = ""
                wrap([Run(text: s, style: .heading, link: nil)], first: "", rest: "")
            case .paragraph(let spans): wrap(runs(spans), first: nest, rest: nest)
            case .bullet(let spans): wrap(runs(spans), first: nest + "  " + bullet, rest: nest + "    ")
            case .numbered(let n, let spans):
                let label = "  \(n). "
                wrap(runs(spans), first: label, rest: String(repeating: " ", count: label.count))
                nest = String(repeating: " ", count: label.count)
            case .field(let label, let spans): wrap([Run(text: label + ": ", style: .accent, link: nil)] + runs(spans), first: nest, rest: nest + "  ")
            case .table(let t):
                nest = ""
                for line in TableLayout.lines(t, width: width, ascii: ascii) { lines.append(line.map { Run(text: $0.text, style: style($0.role), link: nil) }) }
            case .blank:
                nest = ""
                if let last = lines.last, !last.isEmpty { lines.append([]) }
            }
        }
        return PageLayout(page: page, lines: lines, lineOfLink: lineOfLink)
    }

    /// Where search's matches of a query fall on a laid-out page (`TextMatcher`: the same words,
    /// synonyms, completions and typos as search itself).
    public func matches(_ matcher: TextMatcher) -> PageMatches {
        var positions: [RunPosition] = [], pieces: [String] = []
        for (l, line) in lines.enumerated() {
            for (r, run) in line.enumerated() {
                positions.append(RunPosition(line: l, run: r))
                // A link's number, "[3]", is not text of the page.
                pieces.append(run.link != nil && run.style == .dim ? "" : run.text)
            }
        }
        var out = PageMatches()
        for m in matcher.matches(in: pieces) {
            // Words only: not the spaces between them, nor the indent of the next line.
            let words = m.filter { pieces[$0].contains { $0.isLetter || $0.isNumber } }.map { positions[$0] }
            out.byLine[positions[m.lowerBound].line, default: []].formUnion(words)
        }
        return out
    }
}
