import Foundation
import OctopusKit
import Testing

@testable import OctopusTUI

/// Every screen has one shape: it draws into the rectangle the shell gives it and nowhere else,
/// and the shell alone draws the chrome around it.
@MainActor
@Suite("Screens of one shape")
struct ScreenShapeTests {
    func send(_ s: inout AppState, _ keys: [Key]) { for k in keys { Update.update(&s, .key(k)) } }
    func typed(_ text: String) -> [Key] { text.map { .char($0) } }

    nonisolated static let scenes: [(name: String, keys: [Key])] = [
        ("home", []),
        ("countries", [.down, .down, .down, .enter]),
        ("page", [.char(":")] + "art29".map { .char($0) } + [.enter]),
        ("walk", [.char(":")] + "ws3".map { .char($0) } + [.enter, .char("w"), .char(" ")]),
        ("agenda", [.char(":")] + "ws3".map { .char($0) } + [.enter, .char("w"), .char("o")]),
        ("projector", [.char(":")] + "ws3".map { .char($0) } + [.enter, .char("w"), .function(5)]),
    ]

    @Test(arguments: scenes.map(\.name))
    func aScreenDrawsOnlyInsideItsRect(scene: String) throws {
        let keys = try #require(Self.scenes.first { $0.name == scene }).keys
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 132, height: 43)] {
            var s = AppState(kb: bundled, size: size)
            s.notebook.available = true
            send(&s, keys)
            s.message = nil
            let rect = s.layout.screen
            var grid = CellGrid(size)
            s.place.screen.draw(in: s, rect: rect, into: &grid)
            var inside = 0
            for (row, line) in grid.lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(rect.contains(row: row, column: 0), "\(scene) at \(size): row \(row) is outside \(rect): \(line)")
                inside += 1
            }
            #expect(inside >= 3, "\(scene) at \(size): the screen drew almost nothing")
            // The shell's rows are the shell's: the title bar (but on the projector) and the hint row.
            let full = Render.render(s)
            if s.place.screen.frame == .projector {
                #expect(!full.lines[0].contains("octopus ›"))
            } else {
                #expect(full.lines[0].hasPrefix(" octopus › "), "\(scene): \(full.lines[0])")
                #expect(full.lines.last?.contains("? help") == true, "\(scene): \(full.lines.last ?? "")")
            }
        }
    }

    /// The walkthrough's messages, the browser's notices and start-up warnings share one row.
    @Test func theWalkthroughAndTheBrowserWriteTheSameMessageRow() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        send(&s, [.char(":")] + typed("ws3") + [.enter, .char("w"), .char("s"), .char("P")])
        #expect(s.message == "Clock paused · P resumes")
        #expect(Render.render(s).lines.last?.hasPrefix("Clock paused") == true)
        Update.update(&s, .notice("Notes unavailable: the disk is full"))
        #expect(Render.render(s).lines.last?.hasPrefix("Notes unavailable") == true)
    }
}
