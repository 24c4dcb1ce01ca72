import Testing
@testable import OctopusKit

@Suite("Addresses")
struct AddressTests {
    let resolver = AddressResolver(try! KnowledgeBaseLoader.load(json: Fixture.valid, file: "kb.json"))

    @Test(arguments: [
        ("art29", "art29"), ("art 29", "art29"), ("Article 29", "art29"), ("Art. 29", "art29"), (":art 29", "art29"),
        ("PT", "PT"), ("pt", "PT"), (":PT", "PT"), ("portugal", "PT"), ("Portuguese Republic", "PT"),
        ("ws 3", "ws3"), ("WS3", "ws3"), ("workshop 3", "ws3"),
        ("Turquie", "TR"), ("turkiye", "TR"), ("Türkiye", "TR"), ("Turkey", "TR"), ("t-cy", "t-cy"), ("T-CY", "t-cy"),
        ("quick freeze", "preservation"), ("Budapest Convention", "ets185"), ("ETS 185", "ets185"),
    ])
    func resolves(input: String, id: String) {
        #expect(resolver.resolve(input) == .record(id))
    }

    @Test func topicAddress() {
        #expect(resolver.resolve("ws3/topic-1") == .topic(session: "ws3", topic: "topic-1"))
        #expect(resolver.resolve("ws 3/1") == .topic(session: "ws3", topic: "topic-1"))
    }

    @Test func unknownSuggestsNearest() {
        guard case .notFound(let suggestions) = resolver.resolve("art 92") else { Issue.record("resolved"); return }
        #expect(suggestions.contains("art29"))
        guard case .notFound(let s2) = resolver.resolve("portugla") else { Issue.record("resolved"); return }
        #expect(s2.first == "PT")
    }
}
