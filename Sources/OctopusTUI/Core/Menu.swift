import Foundation
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
