import OctopusKit

extension KnowledgeBase {
    /// A larger base made from this one, for benchmarks: `scale` copies of every record, the first
    /// being the original and the others with suffixed ids ("art29-bd") and perturbed prose —
    /// some words respelled (so the vocabulary grows as a real larger base's would), some swapped,
    /// key points shuffled. Deterministic for a given seed. Links still point at original records.
    public static func synthetic(from base: KnowledgeBase, scale: Int, seed: UInt64 = 0x0C70_2010) -> KnowledgeBase {
        var treaties = base.treaties, articles = Array(base.articles), sessions = Array(base.sessions)
        var countries = Array(base.countries), organisations = Array(base.organisations), glossary = Array(base.glossary)
        for copy in 1..<max(scale, 1) {
            var p = Perturbation(seed: seed &+ UInt64(copy) &* 0x9E37_79B9_7F4A_7C15, suffix: "-" + Perturbation.letters(copy))
            treaties += base.treaties.map {
                var r = $0; r.id += p.suffix; r.summary = p.prose(r.summary); r.keyPoints = p.points(r.keyPoints); return r
            }
            articles += base.articles.map {
                var r = $0; r.id += p.suffix; r.summary = p.prose(r.summary); r.keyPoints = p.points(r.keyPoints)
                r.reservations = r.reservations.map {
                    var v = $0; v.text = p.prose(v.text); return v
                }
                return r
            }
            sessions += base.sessions.map {
                var r = $0; r.id += p.suffix; r.summary = p.prose(r.summary); r.aims = p.points(r.aims)
                r.topics = r.topics.map {
                    var t = $0; t.summary = p.prose(t.summary); t.keyPoints = p.points(t.keyPoints); return t
                }
                return r
            }
            countries += base.countries.map {
                var r = $0; r.id += p.suffix; r.summary = p.prose(r.summary)
                r.facts = r.facts.map {
                    var f = $0; f.text = p.prose(f.text); return f
                }
                return r
            }
            organisations += base.organisations.map {
                var r = $0; r.id += p.suffix; r.summary = p.prose(r.summary); r.keyPoints = p.points(r.keyPoints); return r
            }
            glossary += base.glossary.map {
                var r = $0; r.id += p.suffix; r.definition = p.prose(r.definition); return r
            }
        }
        return KnowledgeBase(
            formatVersion: base.formatVersion, title: base.title + " ×\(scale)", asOf: base.asOf,
            conference: base.conference, treaties: treaties, articles: articles, sessions: sessions,
            countries: countries, organisations: organisations, glossary: glossary, synonyms: base.synonyms)
    }
}

/// Deterministic text perturbation for `KnowledgeBase.synthetic` (SplitMix64; no system randomness,
/// so benchmark runs are comparable).
private struct Perturbation {
    var random: SplitMix64
    let suffix: String
    private static let syllables = ["ka", "ro", "mi", "te", "lu", "sa", "no", "vi", "de", "po", "ga", "ze"]

    init(seed: UInt64, suffix: String) { random = SplitMix64(seed: seed); self.suffix = suffix }

    /// 1 → "ab", 2 → "ac" …: letters, not digits, so copies of "coe" do not look like speakable
    /// addresses ("coe-3" would read as letters-then-number, like "art 3"), which real ids are not.
    static func letters(_ n: Int) -> String {
        var n = n, out = ""
        repeat { out = String(UnicodeScalar(UInt8(97 + n % 26))) + out; n /= 26 } while n > 0
        return out.count == 1 ? "a" + out : out
    }

    mutating func next() -> UInt64 { random.next() }

    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    /// About 1 word in 10 respelled with a new ending (so a 100× base has a vocabulary about ten
    /// times larger, as Heaps' law predicts for a real one), 1 in 20 swapped with its neighbour;
    /// words inside `[[links]]` are left alone so every link still resolves.
    mutating func prose(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var inLink = false
        for i in words.indices {
            let w = words[i]
            let opens = w.contains("[["), closes = w.contains("]]")
            defer { if opens { inLink = true }; if closes { inLink = false } }
            guard !inLink, !opens, w.count >= 4, w.allSatisfy(\.isLetter) else { continue }
            if chance(10) {
                words[i] = w + Perturbation.syllables[Int(next() % 12)] + Perturbation.syllables[Int(next() % 12)]
            } else if chance(5), i + 1 < words.count, words[i + 1].count >= 4, words[i + 1].allSatisfy(\.isLetter) {
                words.swapAt(i, i + 1)
            }
        }
        return words.joined(separator: " ")
    }

    mutating func points(_ list: [String]) -> [String] {
        var out = list.map { prose($0) }
        for i in out.indices.reversed() where i > 0 { out.swapAt(i, Int(next() % UInt64(i + 1))) }
        return out
    }
}
