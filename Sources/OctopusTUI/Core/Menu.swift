import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// A small menu over the screen: a question, a few choices, one selected. It is how the browser
/// asks rather than guesses ("which note?") and confirms before anything is lost ("delete it?").
/// Keys: up/down (j/k) select, Enter chooses, a choice's own letter or digit chooses it at once,
/// Esc (or q) closes without choosing.
public struct Menu: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        /// The key that chooses it at once, shown before its label.
        public var key: Character
        public var label: String
        public var choice: Choice
    }

    /// What choosing an item does; `Update.choose` carries it out.
    public enum Choice: Sendable, Hashable {
        case newNote(recordID: String)
        case editNote(UUID)
        case deleteNote(UUID)
        /// The countries list's filters: a region, a status on the status date (nil: all).
        case region(String?)
        case status(TreatyStatus.Standing?)
        /// The matrix: your rating of a cell (then a short note, in the prompt), or none.
        case rate(MatrixCell, Rating.Level)
        case clearRating(MatrixCell)
        /// Start a new walkthrough, the one left with its clock running being discarded.
        case startWalk(Tour)
        case resumeWalk
        case keep
    }

    public var title: String
    public var items: [Item]
    public var selection = 0

    public init(title: String, items: [Item], selection: Int = 0) {
        self.title = title; self.items = items; self.selection = min(max(0, selection), max(0, items.count - 1))
    }

    /// The item a typed character chooses, if any.
    public func item(for c: Character) -> Item? { items.first { $0.key == c } }

    /// `a` on a record that has notes: edit one of them, or write another.
    static func notes(on recordID: String, _ notes: [Note], title: String) -> Menu {
        let sorted = notes.sorted { $0.createdAt < $1.createdAt }
        var items = sorted.prefix(9).enumerated().map { i, n in
            Item(
                key: Character(String(i + 1)), label: "Edit: " + Sanitizer.clean(n.firstLine) + "  · " + NotebookState.display(n.updatedAt),
                choice: .editNote(n.id))
        }
        items.append(Item(key: "n", label: "Write a new note", choice: .newNote(recordID: recordID)))
        return Menu(
            title: "You have \(notes.count) note\(notes.count == 1 ? "" : "s") on \(title)", items: items, selection: items.count - 1)
    }

    /// `r` on the countries list: every region, with how many countries each has; the one in
    /// force selected.
    static func regions(_ kb: KnowledgeBase, current: String?) -> Menu {
        let counts = Dictionary(grouping: kb.countries, by: \.region).mapValues(\.count)
        let regions = counts.keys.sorted()
        let keys = Array("123456789abcdefghilmnoprstuvwxyz")  // not j, k, q: the menu's own keys
        var items = [Item(key: "0", label: "All regions (\(kb.countries.count))", choice: .region(nil))]
        for (i, r) in regions.enumerated() where i < keys.count {
            items.append(Item(key: keys[i], label: "\(r) (\(counts[r] ?? 0))", choice: .region(r)))
        }
        return Menu(title: "Show the countries of", items: items, selection: current.flatMap { c in regions.firstIndex(of: c).map { $0 + 1 } } ?? 0)
    }

    /// `f` on the countries list: each standing toward the Convention on the status date.
    static func statuses(current: TreatyStatus.Standing?, date: Day) -> Menu {
        let all = TreatyStatus.Standing.allCases
        var items = [Item(key: "0", label: "Any status", choice: .status(nil))]
        for (i, s) in all.enumerated() {
            items.append(Item(key: Character(String(i + 1)), label: s.label.prefix(1).uppercased() + s.label.dropFirst(), choice: .status(s)))
        }
        return Menu(
            title: "Show the countries whose ETS 185 status on \(date.long) is", items: items,
            selection: current.flatMap { c in all.firstIndex(of: c).map { $0 + 1 } } ?? 0)
    }

    /// `R` on a matrix cell: your own level for it, beside the sourced reading.
    static func rate(_ name: String, _ cell: MatrixCell, _ area: SupportArea, current: Rating?) -> Menu {
        var items = Rating.Level.allCases.enumerated().map { i, level in
            Item(
                key: Character(String(i + 1)), label: "\(level.letter)  \(level.label.prefix(1).uppercased() + level.label.dropFirst())",
                choice: .rate(cell, level))
        }
        if current != nil { items.append(Item(key: "x", label: "Clear your rating", choice: .clearRating(cell))) }
        return Menu(
            title: "Your rating of \(name) × \(area.title)" + (current.map { " (now: \($0.level.label))" } ?? ""), items: items,
            selection: current.flatMap { c in Rating.Level.allCases.firstIndex(of: c.level) } ?? 0)
    }

    /// `w` on another session while the walk left has its clock running: nothing is discarded
    /// without a yes.
    static func replaceWalk(_ kept: WalkState, with tour: Tour, now: Date) -> Menu {
        let clock = WalkTiming.format(kept.clock.elapsed(at: now))
        return Menu(
            title:
                "The walk of \(Sanitizer.clean(kept.tour.title)) is at step \(kept.step + 1) with \(clock) on the clock. Start \(Sanitizer.clean(tour.title))?",
            items: [
                Item(key: "r", label: "Resume the walk you left", choice: .resumeWalk),
                Item(key: "y", label: "Start the new walk (the other one and its clock are discarded)", choice: .startWalk(tour)),
            ], selection: 0)
    }

    /// `d` on a note: nothing is deleted without a yes.
    static func deleteNote(_ note: Note, title: String) -> Menu {
        Menu(
            title: "Delete your note on \(title)? “\(Sanitizer.clean(note.firstLine))”",
            items: [
                Item(key: "y", label: "Yes, delete it", choice: .deleteNote(note.id)),
                Item(key: "n", label: "No, keep it", choice: .keep),
            ], selection: 1)
    }
}
