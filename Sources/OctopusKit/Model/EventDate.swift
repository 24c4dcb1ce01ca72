/// When a treaty event happened, as far as the sources go: a day, a window of days, or not known
/// except that it had happened by a given day.
///
/// A window or an unknown date is never narrowed to a guess. Everything that asks "had it
/// happened by D?" gets three answers instead of two (`happened(by:)`), and counts take the
/// conservative one: a State is counted from the latest day its event can have happened, so a
/// count never runs ahead of what a source shows, and the undecided States are reported beside it.
public enum EventDate: Sendable, Hashable, CustomStringConvertible {
    /// The day of the event.
    case exact(Day)
    /// Some day from `start` to `end`, both included, each shown by a source (start ≤ end).
    case between(Day, Day)
    /// Not known, except that a source shows the event had happened by `by`, and, when `after` is
    /// given, that it had not yet happened on that day (a list of the Parties of that day).
    case unknown(after: Day?, by: Day)

    /// The earliest day the event can have happened on (nil: no lower bound is known).
    public var earliest: Day? {
        switch self {
        case .exact(let d), .between(let d, _): d
        case .unknown(let after, _): after?.next
        }
    }

    /// The latest day the event can have happened on: from this day on it has certainly happened.
    public var latest: Day {
        switch self {
        case .exact(let d), .between(_, let d), .unknown(_, by: let d): d
        }
    }

    /// The day, when it is known exactly.
    public var day: Day? { if case .exact(let d) = self { d } else { nil } }

    /// Had the event happened by the day? nil when the sources cannot say.
    public func happened(by date: Day) -> Bool? {
        if latest <= date { return true }
        if let e = earliest, date < e { return false }
        return nil
    }

    /// Timeline order: a window at its start, an unknown date at the day it is known by.
    public var sortKey: Day { earliest ?? latest }

    /// "2024-02-09…2024-03-08", "by 2019-12-31": short forms for timeline columns and plain text.
    public var description: String {
        switch self {
        case .exact(let d): d.description
        case .between(let a, let b): "\(a)…\(b)"
        case .unknown(let after, by: let b): (after.map { "after \($0), " } ?? "") + "by \(b)"
        }
    }

    /// "9 February 2024", "between 9 February 2024 and 8 March 2024", "by 31 December 2019".
    public var long: String {
        switch self {
        case .exact(let d): d.long
        case .between(let a, let b): "between \(a.long) and \(b.long)"
        case .unknown(let after, by: let b): (after.map { "after \($0.long) and " } ?? "") + "by \(b.long)"
        }
    }
}
