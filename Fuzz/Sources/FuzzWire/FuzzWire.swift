import BundledKnowledgeBase
import FuzzSupport
import OctopusKit
import OctopusTUI

/// What a presenter's octopus sends a follower, as any bytes: split into lines as the connection
/// splits them, each read as a message; the tours and cues among them applied to a followed walk,
/// which is then drawn. Checked: nothing traps, the step shown is one of the tour's, and no
/// control character reaches a cell of the screen (the room's terminal must never receive one).

nonisolated(unsafe) private var app: AppState = {
    do {
        let kb = try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName)
        return AppState(kb: kb, size: Size(width: 80, height: 24))
    } catch { fatalError("the bundled knowledge base does not load:\n\(error)") }
}()

private let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 160, height: 45)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var state = app
    state.size = sizes[size % sizes.count]
    let following = FollowState(source: "a presenter", room: size % 2 == 0, kb: state.kb, date: state.date)
    state.following = following
    Update.navigate(&state, to: .follow(following))
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64) {
        guard line.count <= Wire.maxPresenterLine, case .success(let message) = Wire.read(line) else { continue }
        if let refused = message.refused { Update.update(&state, .room(.refused(refused))) }
        if let tour = message.tour { Update.update(&state, .room(.tour(tour))) }
        if let cue = message.cue { Update.update(&state, .room(.cue(cue))) }
    }
    if case .follow(let f) = state.place, let walk = f.walk {
        precondition(walk.step >= 0 && walk.step < max(1, walk.stepCount), "step \(walk.step) of \(walk.stepCount)")
    }
    let grid = Render.render(state)
    for row in 0..<grid.size.height {
        for col in 0..<grid.size.width {
            for s in grid[row, col].text.unicodeScalars {
                precondition(s.value >= 0x20 && !(0x7F...0x9F).contains(s.value), "U+\(String(s.value, radix: 16)) drawn at \(row),\(col)")
            }
        }
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer { data, size in data.map { fuzz($0, size) } ?? 0 } }
}
