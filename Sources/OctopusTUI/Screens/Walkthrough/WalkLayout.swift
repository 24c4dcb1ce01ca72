import OctopusDocument
import OctopusKit

/// Where everything goes in the walkthrough's rectangle for one state. Computed the same way by
/// `WalkUpdate` (to keep scrolling in range) and `WalkView` (to draw).
struct WalkLayout {
    enum Heading {
        case none
        /// Block-letter lines, each `BlockLetters.height` rows.
        case blocks([[String]])
        case plain([String])

        var rows: Int {
            switch self {
            case .none: 0
            case .blocks(let lines): lines.count * BlockLetters.height + (lines.count - 1)
            case .plain(let lines): lines.count
            }
        }
    }

    struct Pane {
        var top: Int, left: Int, width: Int, height: Int
        var onRight: Bool
    }

    /// The timer line; the progress bar is under it.
    var timerRow: Int
    var heading: Heading = .none
    var headingTop = 0
    var bodyTop: Int
    var bodyHeight: Int
    var textLeft: Int
    var textWidth: Int
    /// The step's text, wrapped (empty in the overview, which is drawn from the tour directly).
    var lines: [[Run]] = []
    var notes: Pane?
    var notesLines: [String] = []
    /// The presenter layout's last row: the next step's title (and who follows the walk).
    var nextRow: Int?

    /// Width from which notes sit beside the text rather than under it.
    static let sideNotesWidth = 110

    init(_ state: WalkState, in rect: Rect, ascii: Bool = false) {
        let w = rect.width, h = rect.height
        timerRow = rect.row
        let page = state.currentPage
        let notesShown = state.notesVisible && !state.overview && !state.presenterNotes.isEmpty
        if state.projector {
            // Fewer words per line than the presenter layout, centred, no dim text.
            textWidth = max(10, min(w - 8, 56 + w / 10))
            textLeft = max(0, (w - textWidth) / 2)
            headingTop = rect.row + 3
            let title = state.overview ? "Agenda" : page.title
            // Three lines of block letters on a tall screen, so most titles fit and every step keeps them.
            let blockLines = h >= 40 ? 3 : 1
            // Block letters for every step or for none, so the heading keeps its size from one
            // step to the next instead of jumping between blocks and plain text.
            let everyTitleFits =
                h >= 20 && (state.pages.map(\.title) + ["Agenda"]).allSatisfy { BlockLetters.fits($0, width: w - 4, maxLines: blockLines) }
            if everyTitleFits, let blocks = BlockLetters.layout(title, width: w - 4, maxLines: blockLines, ascii: ascii) {
                heading = .blocks(blocks)
            } else {
                heading = .plain(Self.clippedLines(title, width: textWidth, max: 3))
            }
            bodyTop = headingTop + heading.rows + 1
        } else {
            textLeft = 1
            textWidth = max(10, min(w - 3, 100))
            bodyTop = rect.row + 2
        }
        // The projector's last row holds the "more" marker (or the shell's message); the
        // presenter's rectangle ends above the shell's hint row.
        var bottom = state.projector ? rect.bottom - 1 : rect.bottom
        if !state.projector && !state.overview && h >= 12 {
            bottom -= 1
            nextRow = bottom
        }
        if notesShown {
            if !state.projector && w >= Self.sideNotesWidth {
                let paneWidth = min(48, w / 3)
                notes = Pane(top: bodyTop, left: w - paneWidth, width: paneWidth, height: max(1, bottom - bodyTop), onRight: true)
                textWidth = max(10, min(w - paneWidth - 4, 100))
            } else {
                let wrapped = Self.wrapNotes(state.presenterNotes, width: max(10, w - 4))
                let room = max(3, (bottom - bodyTop) / 3)
                let height = min(wrapped.count + 1, room)
                notes = Pane(top: bottom - height, left: 0, width: w, height: height, onRight: false)
                bottom -= height
            }
        }
        if let pane = notes {
            notesLines = Self.wrapNotes(state.presenterNotes, width: max(4, pane.width - (pane.onRight ? 3 : 4)))
        }
        bodyHeight = max(0, bottom - bodyTop)
        if !state.overview {
            lines =
                state.projector
                ? Self.projectorLines(page, width: textWidth, spacious: h >= 40, ascii: ascii)
                : PageLayout.wrap(page, width: textWidth, ascii: ascii).lines
        }
    }

    var maxScroll: Int { max(0, lines.count - bodyHeight) }

    static func clippedLines(_ text: String, width: Int, max count: Int) -> [String] {
        var lines = TextWidth.wrap(text, width: width)
        if lines.count > count {
            lines = Array(lines.prefix(count))
            lines[count - 1] = TextWidth.clip(lines[count - 1] + " …", to: width)
        }
        return lines
    }

    /// Notes as wrapped lines, one bullet per note; a note's own line breaks are kept.
    static func wrapNotes(_ notes: [String], width: Int) -> [String] {
        var out: [String] = []
        for note in notes {
            let paragraphs = Sanitizer.clean(note, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: true)
            for (i, p) in paragraphs.enumerated() {
                let wrapped = TextWidth.wrap(String(p), width: max(1, width - 2))
                for (j, line) in wrapped.enumerated() { out.append((i == 0 && j == 0 ? "• " : "  ") + line) }
            }
        }
        return out
    }

    /// The page's text for the projector: the browser's wrapping, with the subtitle as plain text,
    /// room between blocks on tall screens, and every style bold (nothing dim from the back row).
    static func projectorLines(_ page: Page, width: Int, spacious: Bool, ascii: Bool) -> [[Run]] {
        var blocks: [Page.Block] = [.paragraph([.text(page.subtitle)]), .blank]
        for block in page.blocks {
            if spacious, let last = blocks.last, last != .blank, block != .blank { blocks.append(.blank) }
            blocks.append(block)
        }
        let bare = Page(id: page.id, kind: page.kind, title: "", subtitle: "", blocks: [], links: [])
        // The layout always starts with title and subtitle lines; count them instead of assuming.
        let header = PageLayout.wrap(bare, width: width, ascii: ascii).lines.count
        var body = bare
        body.blocks = blocks
        body.links = page.links
        return PageLayout.wrap(body, width: width, ascii: ascii).lines.dropFirst(header).map { line in
            line.map { run in
                var r = run
                switch run.style.role {
                case .heading: r.style = Style(.heading, bold: true, underline: true)
                case .link: r.style = Style(.link, bold: true, underline: true)
                default: r.style = Style(.normal, bold: true)
                }
                return r
            }
        }
    }
}
