/// A name a State was known by before a given day ("Turkey" before Türkiye), so that pages and
/// lists at an earlier date can say what delegates then said.
public struct FormerName: Sendable, Hashable {
    public var name: String
    /// The first day of the next name.
    public var before: Day
    public var sources: [String]
}

/// A State that, before a given day, was part of another State of the base and is not counted on
/// its own: Montenegro, part of Serbia and Montenegro until June 2006, whose treaty acts Serbia
/// continues.
public struct UnionMembership: Sendable, Hashable {
    /// The State of the base that continues the union (its former name is the union's).
    public var state: String
    public var name: String
    /// The first day the State counts on its own.
    public var before: Day
    public var sources: [String]
}

extension Country {
    /// The name at the day: the former name in use then, or today's.
    public func name(at day: Day) -> String {
        formerNames.sorted { $0.before < $1.before }.first { day < $0.before }?.name ?? name
    }

    /// "Turkey (today Türkiye)" where the name at the day differs from today's; else today's name.
    public func displayName(at day: Day) -> String {
        let then = name(at: day)
        return then == name ? name : "\(then) (today \(name))"
    }

    /// True on days the State was part of another State of the base and is not counted itself.
    public func isPartOfAnother(on day: Day) -> Bool {
        guard let u = partOf else { return false }
        return day < u.before
    }
}
