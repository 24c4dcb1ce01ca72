import FoundationEssentials
import Glibc
import OctopusKit

/// What a screen's update asks of the shell, which owns navigation, the message row and quitting.
public enum Outcome: Sendable, Hashable {
    case none
    /// Say this on the message row.
    case message(String)
    /// Open this record's page; Back comes back here.
    case open(String)
    /// Go to a place; Back comes back here.
    case navigate(Place)
    case back
    case quit
    /// Edit this note (in the editor the user has).
    case editNote(UUID)
    /// Ask, with a menu over the screen.
    case menu(Menu)
}

/// The frame the shell draws around a screen.
public enum Frame: Sendable, Hashable {
    /// Title bar, the screen, a free row (completions), and the message-or-hints row.
    case browser
    /// Title bar, the screen down to the message-or-hints row (the walkthrough's presenter view).
    case presenter
    /// The whole screen, no bars: a projector shows the room only the step. A message, when there
    /// is one, is written over the last row.
    case projector
}

/// One screen of the browser — home, a list, a page, the walkthrough — each with its own state
/// (the conforming value), its key table, an update that returns an outcome, and a draw into a
/// `Rect` of the grid. The shell (`Update`, `Render`) owns everything around it: the title bar, the
/// message and hint row, help, the too-small screen and the overlays.
public protocol Screen: Sendable, Hashable {
    /// The screen as a place in the navigation history.
    var place: Place { get }
    var frame: Frame { get }
    /// The title bar's left part (after "octopus › ") and, when not the status date, its right part.
    func title(in app: AppState) -> String
    func status(in app: AppState) -> String?
    /// The keys of this screen; the help overlay and the hint row are generated from them.
    var bindings: [Binding] { get }
    /// The record shown or selected, which the notebook keys act on.
    func record(in app: AppState) -> String?
    mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome
    /// A key no binding takes: drop what was half typed (a link number).
    mutating func ignoreKey()
    mutating func click(row: Int, column: Int, in app: AppState, rect: Rect) -> Outcome
    /// After any change (a resize included), keep selection and scroll in range and visible.
    mutating func fit(in app: AppState, rect: Rect)
    func draw(in app: AppState, rect: Rect, into grid: inout CellGrid)
}

extension Screen {
    public var frame: Frame { .browser }
    public func status(in app: AppState) -> String? { nil }
    public mutating func ignoreKey() {}
    public mutating func click(row: Int, column: Int, in app: AppState, rect: Rect) -> Outcome { .none }
}

extension Place {
    /// The screen this place shows.
    public var screen: any Screen {
        get {
            switch self {
            case .home(let s): s
            case .list(let s): s
            case .page(let s): s
            case .walk(let s): s
            case .matrix(let s): s
            case .follow(let s): s
            }
        }
        set { self = newValue.place }
    }
}
