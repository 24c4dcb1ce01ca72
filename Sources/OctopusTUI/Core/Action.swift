/// Everything a key can ask for. The key table maps keys to these; `update` gives them meaning.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, forward
    case nextLink, previousLink
    case focus
    case toggleFold
    case goTo
    case toggleDate
    case cycleRegion, cycleStatusFilter, toggleSort
    case help
    case quit
    case digit(Int)
}

/// What the event loop feeds `update`.
public enum Message: Sendable, Hashable {
    case key(Key)
    case resize(Size)
}
