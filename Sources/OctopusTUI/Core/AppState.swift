import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook
import Synchronization

/// The sections reachable from the home screen.
public enum Section: String, Sendable, Hashable, CaseIterable {
    case sessions, convention, protocol_ = "protocol", countries, organisations, glossary, bookmarks, notes
    /// The records chosen for the next handout (`e` adds, `E` shows); not on the home screen.
    case tray

    /// The sections the home screen lists, in its order.
    public static let home: [Section] = [.sessions, .convention, .protocol_, .countries, .organisations, .glossary, .bookmarks, .notes]

    public var title: String {
        switch self {
        case .sessions: "Sessions and workshops"
        case .convention: "Budapest Convention (ETS 185)"
        case .protocol_: "Additional Protocol (ETS 189)"
        case .countries: "Countries"
        case .organisations: "Organisations and initiatives"
        case .glossary: "Glossary"
        case .bookmarks: "Your bookmarks"
        case .notes: "Your notes"
        case .tray: "Handout tray"
        }
    }

    /// What one row of the section is called, singular and plural: "1 country", "2 countries".
    public func counted(_ n: Int) -> String {
        let (one, many): (String, String) =
            switch self {
            case .sessions: ("session", "sessions")
            case .convention, .protocol_: ("article", "articles")
            case .countries: ("country", "countries")
            case .organisations: ("organisation", "organisations")
            case .glossary: ("term", "terms")
            case .bookmarks: ("bookmark", "bookmarks")
            case .notes: ("note", "notes")
            case .tray: ("record", "records")
            }
        return "\(n) \(n == 1 ? one : many)"
    }

    /// What an empty list says: what to do to fill it, or which filters emptied it.
    public var whenEmpty: String {
        switch self {
        case .bookmarks: "No bookmarks yet — press m on any record to mark it."
        case .notes: "No notes yet — press a on any record to write one."
        case .tray: "The handout tray is empty — press e on any record to add it."
        case .countries: "Nothing matches these filters (r: region, f: status)."
        default: "This knowledge base has no \(counted(0).dropFirst(2))."
        }
    }

    public var blurb: String {
        switch self {
        case .sessions: "opening, update, WS1–WS6, outlook, closing"
        case .convention: "articles by chapter, section and title"
        case .protocol_: "racist and xenophobic acts"
        case .countries: "status at a date, treaty timelines"
        case .organisations: "ECTEG, 2Centre, T-CY, 24/7 network…"
        case .glossary: "terms a delegate meets"
        case .bookmarks: "m marks any record"
        case .notes: "a writes a note on a record"
        case .tray: "e adds a record, E shows them"
        }
    }
}

/// One place in the navigation history.
public enum Place: Sendable, Hashable {
    case home(HomeState)
    case list(ListState)
    case page(PageState)
    /// Facilitator mode: a session or tour step by step. Its clock keeps running while a linked
    /// page is open, and Back returns to the same step.
    case walk(WalkState)
    /// The assessment matrix: States × the nine support areas at the status date.
    case matrix(MatrixState)
    /// Someone else's walk, moved by their cues (the room's screen, a delegate's laptop).
    case follow(FollowState)
}

public struct GotoPrompt: Sendable, Hashable {
    public var field = TextField(limit: 120)
    public var error: String?
    public init(text: String = "") { field = TextField(text, limit: 120) }
    /// Tab cycles through the completions of what was typed: the text typed, and which one is in
    /// the field now. Any edit ends the cycle.
    public var cycle: (typed: String, index: Int)? {
        get { cycleTyped.map { ($0, cycleIndex) } }
        set { cycleTyped = newValue?.typed; cycleIndex = newValue?.index ?? 0 }
    }
    private var cycleTyped: String?
    private var cycleIndex = 0
    /// The text that found no record: Enter on it again searches for it.
    public var notFound: String?
    public var text: String { field.text }
    /// What the completions are of: the text typed before Tab was pressed.
    public var completing: String { cycleTyped ?? text }
}

/// A value built once, on first use, by whichever thread asks first; the others wait for it.
public final class Lazy<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)
    private let build: @Sendable () -> Value
    public init(_ build: @escaping @Sendable () -> Value) { self.build = build }
    public var value: Value {
        storage.withLock { cached in
            if let cached { return cached }
            let built = build()
            cached = built
            return built
        }
    }
}

/// The search index of a knowledge base, built once, on first use, by whichever caller comes first;
/// and the answers to the last query, so the search screen's update and draw (and its "did you
/// mean") run a query once per keystroke rather than once per use.
public final class SearchIndexCache: Sendable {
    private let storage: Lazy<SearchIndex>
    private let last = Mutex<(query: String, hits: [SearchHit], suggestions: [String]?)?>(nil)
    private let runs = Atomic<Int>(0)
    public init(_ kb: KnowledgeBase) { storage = Lazy { SearchIndex.load(kb) } }

    /// How many queries were run on the index, for tests that a keystroke runs one.
    public var queriesRun: Int { runs.load(ordering: .relaxed) }

    /// The hits for a query, from the last answer when the query is the same.
    public func hits(for query: String) -> [SearchHit] {
        if let l = last.withLock({ $0 }), l.query == query { return l.hits }
        let hits = index.search(query)
        runs.add(1, ordering: .relaxed)
        last.withLock { $0 = (query, hits, nil) }
        return hits
    }

    /// "Did you mean" for a query, computed once for it.
    public func suggestions(for query: String) -> [String] {
        if let l = last.withLock({ $0 }), l.query == query, let s = l.suggestions { return s }
        let hits = hits(for: query), s = index.suggestions(for: query)
        last.withLock { $0 = (query, hits, s) }
        return s
    }

    public var index: SearchIndex { storage.value }
}

/// The search screen: a query typed on any screen, answered on every keystroke.
public struct SearchState: Sendable, Hashable {
    /// Long enough for any real query; a paste past it is refused whole rather than cut.
    public var field = TextField(limit: 1_000)
    public var selection = 0
    public var scroll = 0
    public var query: String { field.text }
    public init(query: String = "") { field = TextField(query, limit: 1_000) }
}

public enum Overlay: Sendable, Hashable {
    case goto(GotoPrompt)
    case noteEditor(EditorState)
    case search(SearchState)
    /// A question with a few choices (which note to edit; delete it?).
    case menu(Menu)
    /// `'` on a list: the first letters of an entry, typed to jump to it.
    case jump(TextField)
}

public struct BrowserOptions: Sendable, Hashable {
    public var date: Day
    public var color: Bool
    /// `--theme`; nil: `OCTOPUS_THEME`, else what the terminal says of its background (`Theme.choose`).
    public var theme: Theme?
    public var mouse: Bool
    public var ascii: Bool
    /// Folder of the notebook (nil: OCTOPUS_DATA_DIR, XDG_DATA_HOME or ~/.local/share).
    public var dataDirectory: String?
    /// Said on the first screen (the knowledge base changed since the last start).
    public var startupNotice: String?
    /// The record to open first (`octopus art29`); Esc then goes to the home screen.
    public var startRecord: String?
    public init(date: Day = .conference, color: Bool = true, mouse: Bool = false, ascii: Bool = false, dataDirectory: String? = nil) {
        self.date = date; self.color = color; self.mouse = mouse; self.ascii = ascii; self.dataDirectory = dataDirectory
    }
}

/// Everything the browser shows, as one value. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public let kb: KnowledgeBase
    /// The address tables, built on first use (or by the event loop just after the first screen):
    /// a large base's take most of a second, which no one should wait for to see the home screen.
    public let resolverCache: Lazy<AddressResolver>
    public var resolver: AddressResolver { resolverCache.value }
    /// Built on first use (about 50 ms): the first screen does not wait for it, and the event
    /// loop warms it right after drawing that screen.
    public let searchCache: SearchIndexCache
    public var searchIndex: SearchIndex { searchCache.index }
    /// Pages laid out once per change of what they show (see `PageLayoutCache`).
    public let layoutCache = PageLayoutCache()
    /// The matrix read once per status date, filter and order (see `MatrixCache`).
    public let matrixCache = MatrixCache()
    /// Queries run this session, newest first (kept in memory only).
    public var recentSearches: [String] = []
    /// The last query, for n/N on a page.
    public var lastQuery: String?
    public var size: Size
    public var date: Day
    public var ascii: Bool
    public var place: Place = .home(HomeState())
    public var backStack: [Place] = []
    public var forwardStack: [Place] = []
    public var overlay: Overlay?
    /// The help screen, over the screen or the overlay whose keys it lists; closing it goes back
    /// there (a half-typed search or note included). Its value is how far it is scrolled.
    public var help: Int?
    public var message: String?
    /// Each list as it was last left (filters, sort, folds, selection): opened again from Home,
    /// it comes back so, as a file manager keeps a folder's view.
    public var lists: [Section: ListState] = [:]
    /// The matrix as it was last left (filters, order, the cell selected).
    public var matrix = MatrixState()
    /// The walkthrough as it was last left (step, clock, panes): `w` resumes it.
    public var keptWalk: WalkState?
    /// Someone else's walk this browser follows (the room, a delegate), as it was last told; `f`
    /// goes back to it after browsing.
    public var following: FollowState?
    /// Who follows the walk this browser presents ("room connected · 3 following"), for the
    /// presenter's view; nil when it presents to no one.
    public var sharing: String?
    public var quitRequested = false
    public var notebook = NotebookState()
    /// The time, as the event loop last saw it; the walkthrough's clock reads it (tests set it).
    public var now = Date()
    /// `$VISUAL` or `$EDITOR` when set: notes are written there instead of the built-in editor.
    public var externalEditor: String?

    public init(kb: KnowledgeBase, size: Size, date: Day = .conference, ascii: Bool = false) {
        self.kb = kb; self.searchCache = SearchIndexCache(kb)
        // One table of names for `:` and for search: the search index's, compiled with the base.
        let search = self.searchCache
        self.resolverCache = Lazy { search.index.resolver }
        self.size = size; self.date = date; self.ascii = ascii
    }

    public var isConferenceDate: Bool { date == .conference }

    /// What the status date is, when it is one of the two presets `t` switches between.
    public var dateName: String? {
        if isConferenceDate { return "conference" }
        return date == kb.latestEventDate ? "latest" : nil
    }

    /// Sets the status date from what was typed after `:date` (`T`): YYYY-MM-DD, conference or
    /// latest; what it says is the message for the status row.
    mutating func setDate(_ text: String) -> String? {
        let t = text.trimmed(newlines: false).lowercased()
        guard let day = t == "conference" ? .conference : t == "latest" ? kb.latestEventDate : Day(t) else { return nil }
        date = day
        return "Status now read at \(day.long)" + (dateName.map { " (\($0 == "latest" ? "latest event in the base" : "the conference"))" } ?? "")
    }

    public var screenKind: ScreenKind {
        if help != nil { return .help }
        return underHelp
    }

    /// What has the keys when help is closed: the overlay, or else the screen.
    var underHelp: ScreenKind {
        switch overlay {
        case .goto: return .gotoPrompt
        case .noteEditor(let editor): return editor.confirmingDiscard ? .discardNote : .noteEditor
        case .search: return .search
        case .menu: return .menu
        case .jump: return .jumpPrompt
        case nil: break
        }
        switch place {
        case .home: return .home
        case .list: return .list
        case .page(let p): return p.cell == nil ? .page : .cellPage
        case .walk: return .walk
        case .matrix: return .matrix
        case .follow: return .follow
        }
    }

    /// Smallest terminal the browser draws in; below it, one "too small" message.
    public static let minimumSize = Size(width: 40, height: 10)
    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// True on the handout tray's list.
    var onTray: Bool { if case .list(let l) = place { l.section == .tray } else { false } }

    /// A section's list as it was last left, or a new one on its first record.
    public func list(_ section: Section) -> ListState {
        if let kept = lists[section] { return kept }
        var list = ListState(section: section)
        // Start on the first record, not on a tree heading.
        list.selection = rows(list).firstIndex { $0.id != nil } ?? 0
        return list
    }

    /// The user's notes by record id, as the walkthrough's presenter pane wants them.
    public var notesForWalk: [String: [String]] {
        var out: [String: [String]] = [:]
        for n in notebook.notes { out[n.recordID, default: []].append(n.text) }
        return out
    }

    /// Two panes (list + preview) from this width.
    public static let twoPaneWidth = 100
    public var twoPanes: Bool { size.width >= Self.twoPaneWidth }

    /// The rows a list shows with the current date, glyphs and notebook.
    public func rows(_ list: ListState) -> [ListRow] {
        ListModel.rows(list, kb: kb, date: date, ascii: ascii, notebook: notebook)
    }

    /// The record the user is looking at: the open page, the selected row of a list, the step.
    public var currentRecordID: String? { place.screen.record(in: self) }

    /// The keys of what has them: the overlay, or else the screen; then the shell's.
    public var bindings: [Binding] {
        let screen = overlay == nil && help == nil ? place.screen.bindings : KeyTable.screenBindings(screenKind)
        // While a walk is followed, f goes back to it from anywhere it is not typed as text.
        var follow: [Binding] = []
        if following != nil, overlay == nil, help == nil, screenKind != .follow { follow = [KeyTable.followAgain] }
        return follow + screen + KeyTable.shell
    }

    /// The help screen's lines: every key of what it was opened over, grouped.
    public var helpLines: [HelpLine] {
        let under = overlay == nil ? place.screen.bindings : KeyTable.screenBindings(underHelp)
        // A screen's table may already end with the shell's keys: each binding is listed once.
        var seen = Set<Binding>()
        return KeyHelp.lines((under + KeyTable.shell).filter { seen.insert($0).inserted }, isDigit: \.isDigit, group: \.group)
    }

    /// Rows available for the body between the title bar and the hint bar.
    public var bodyHeight: Int { max(1, size.height - 3) }
}
