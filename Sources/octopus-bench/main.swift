import BundledKnowledgeBase
import Foundation
import OctopusKit
import TestSupport

// Search latency per keystroke: each of 200 realistic queries is typed one character at a time and
// every prefix is searched (limit 50, snippets included), on the bundled base and on synthetic bases
// 10× and 100× its size. Run with `swift run -c release octopus-bench [--scales 1,10,100]`.
// Timing lives here, never in test assertions (see design notes).
//
// Each keystroke is timed in three separate passes and its median kept: on a shared two-core
// machine one pass alone picks up the scheduler's pauses as if search had caused them.

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded(.up)))]
}

func format(_ ms: Double) -> String {
    ms >= 100 ? String(format: "%.0f ms", ms) : ms >= 10 ? String(format: "%.1f ms", ms) : String(format: "%.3f ms", ms)
}

func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return left ? s + fill : fill + s
}

var scales = [1, 10, 100]
let arguments = CommandLine.arguments.dropFirst()
if let i = arguments.firstIndex(of: "--scales"), arguments.index(after: i) < arguments.endIndex {
    let list = arguments[arguments.index(after: i)].split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 }
    if !list.isEmpty { scales = list }
}

let bundled: KnowledgeBase
do {
    bundled = try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName)
} catch {
    FileHandle.standardError.write(Data("octopus-bench: the bundled knowledge base is invalid:\n\(error)\n".utf8))
    exit(ExitStatus.dataError.rawValue)
}

// Start-up: what `octopus` does before the first screen (parse + validate the bundled base, build
// the address resolver and the search index), each part the median of 5 runs.
var parts: [[Double]] = [[], [], []]
for _ in 0..<5 {
    let t0 = ContinuousClock.now
    guard let kb = try? KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName) else { break }
    let t1 = ContinuousClock.now
    _ = AddressResolver(kb)
    let t2 = ContinuousClock.now
    _ = SearchIndex(kb)
    let t3 = ContinuousClock.now
    parts[0].append(milliseconds(t1 - t0)); parts[1].append(milliseconds(t2 - t1)); parts[2].append(milliseconds(t3 - t2))
}
let medians = parts.map { $0.sorted()[$0.count / 2] }
print(
    "start-up: load + validate \(BundledKnowledgeBase.byteCount / 1024) KiB \(format(medians[0])), address resolver \(format(medians[1])), search index \(format(medians[2])); total \(format(medians.reduce(0, +)))"
)

let queries = BenchQueries.all
let keystrokes = queries.flatMap { q in (1...q.count).map { String(q.prefix($0)) } }
let clock = ContinuousClock()

print("octopus-bench: \(queries.count) queries typed one character at a time (\(keystrokes.count) searches per base, limit 50, snippets included;")
print("median of 3 timings per keystroke)")
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8).split(separator: " ").first {
    print("load average \(load) on \(ProcessInfo.processInfo.activeProcessorCount) cores at start")
}
print("")
let header = [
    pad("base", 14, left: true), pad("records", 8), pad("terms", 9), pad("build", 10),
    pad("p50", 10), pad("p95", 10), pad("p99", 10), pad("max", 10), pad("hits/query", 11),
]
print(header.joined(separator: " "))
print(String(repeating: "-", count: header.joined(separator: " ").count))

var checksum = 0
var slowest: [(base: String, text: String, ms: Double)] = []
for scale in scales {
    let kb = scale == 1 ? bundled : KnowledgeBase.synthetic(from: bundled, scale: scale)
    var index: SearchIndex?
    let build = clock.measure { index = SearchIndex(kb) }
    guard let index else { continue }
    // Warm caches and lazy allocations once, unmeasured.
    for q in queries.prefix(20) { checksum &+= index.search(q).count }
    var samples = [[Double]](repeating: [], count: keystrokes.count)
    var hits = 0
    for pass in 0..<3 {
        for (k, text) in keystrokes.enumerated() {
            var found: [SearchHit] = []
            samples[k].append(milliseconds(clock.measure { found = index.search(text) }))
            if pass == 0 { hits += found.count }
            checksum &+= found.first?.snippet.highlights.count ?? 0
        }
    }
    let medians = samples.map { $0.sorted()[$0.count / 2] }
    let worst = zip(keystrokes, medians).map { (text: $0, ms: $1) }
    let latencies = medians.sorted()
    let name = scale == 1 ? "bundled" : "synthetic \(scale)×"
    slowest += worst.sorted { $0.ms > $1.ms }.prefix(3).map { (name, $0.text, $0.ms) }
    print(
        [
            pad(name, 14, left: true), pad(String(index.recordCount), 8), pad(String(index.vocabularySize), 9),
            pad(format(milliseconds(build)), 10), pad(format(percentile(latencies, 0.50)), 10),
            pad(format(percentile(latencies, 0.95)), 10), pad(format(percentile(latencies, 0.99)), 10),
            pad(format(latencies.last ?? 0), 10), pad(String(format: "%.1f", Double(hits) / Double(keystrokes.count)), 11),
        ]
        .joined(separator: " "))
}
print("")
print("slowest keystrokes:")
for base in scales.map({ $0 == 1 ? "bundled" : "synthetic \($0)×" }) {
    let list = slowest.filter { $0.base == base }.map { "\"\($0.text)\" \(format($0.ms))" }
    if !list.isEmpty { print("  " + pad(base, 16, left: true) + list.joined(separator: ", ")) }
}
print("targets: p99 < 1 ms on the bundled base, < 16 ms on the 100× base   (checksum \(checksum))")
