import OctopusKit

/// The sections reachable from the home screen.
public enum Section: String, Sendable, Hashable, CaseIterable {
    case sessions, convention, protocol_ = "protocol", countries, organisations, glossary

    public var title: String {
        switch self {
        case .sessions: "Sessions and workshops"
        case .convention: "Budapest Convention (ETS 185)"
        case .protocol_: "Additional Protocol (ETS 189)"
        case .countries: "Countries"
        case .organisations: "Organisations and initiatives"
        case .glossary: "Glossary"
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
        }
    }
}

public struct ListState: Sendable, Hashable {
    public var section: Section
    public var selection = 0
    public var scroll = 0
    /// Folded tree headers (Convention: chapter, section and title headings).
    public var folded: Set<String> = []
    public var regionFilter: String?
    public var statusFilter: TreatyStatus.Standing?
    public var sortByDate = false
    public var focusPreview = false
    public var previewScroll = 0
    public init(section: Section) { self.section = section }
}

public struct PageState: Sendable, Hashable {
    public var id: String
    public var scroll = 0
    public var selectedLink: Int?     // 1-based link number
    public var typedNumber = ""
    public init(id: String) { self.id = id }
}

/// One place in the navigation history.
public enum Place: Sendable, Hashable {
    case home(selection: Int)
    case list(ListState)
    case page(PageState)
}

public struct GotoPrompt: Sendable, Hashable {
    public var text = ""
    public var error: String?
}

public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case goto(GotoPrompt)
}

public struct BrowserOptions: Sendable, Hashable {
    public var date: Day
    public var color: Bool
    public var mouse: Bool
    public var ascii: Bool
    public init(date: Day = .conference, color: Bool = true, mouse: Bool = false, ascii: Bool = false) {
        self.date = date; self.color = color; self.mouse = mouse; self.ascii = ascii
    }
}

/// Everything the browser shows, as one value. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public let kb: KnowledgeBase
    public let resolver: AddressResolver
    public var size: Size
    public var date: Day
    public var ascii: Bool
    public var place: Place = .home(selection: 0)
    public var backStack: [Place] = []
    public var forwardStack: [Place] = []
    public var overlay: Overlay?
    public var message: String?
    public var quitRequested = false

    public init(kb: KnowledgeBase, size: Size, date: Day = .conference, ascii: Bool = false) {
        self.kb = kb; self.resolver = AddressResolver(kb); self.size = size; self.date = date; self.ascii = ascii
    }

    public var isConferenceDate: Bool { date == .conference }

    public var screenKind: ScreenKind {
        switch overlay {
        case .help: return .help
        case .goto: return .gotoPrompt
        case nil: break
        }
        switch place {
        case .home: return .home
        case .list: return .list
        case .page: return .page
        }
    }

    /// Smallest terminal the browser draws in; below it, one "too small" message.
    public static let minimumSize = Size(width: 40, height: 10)
    public var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    /// Two panes (list + preview) from this width.
    public static let twoPaneWidth = 100
    public var twoPanes: Bool { size.width >= Self.twoPaneWidth }

    /// Rows available for the body between the title bar and the hint bar.
    public var bodyHeight: Int { max(1, size.height - 3) }
}
