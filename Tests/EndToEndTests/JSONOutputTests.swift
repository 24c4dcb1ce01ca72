import Foundation
import Testing

/// The `--json` output keeps its shape. A hand-made base has a record of each kind and the cases
/// where a key is null (`nameFr`, a topic's `minutes`), left out (`section`, `nameAtDate`, …) or
/// dated by a window or "by"; each command's output must equal, key for key and value for value,
/// what the dictionary-based writer printed before the `Encodable` types replaced it (recorded
/// below from that writer), so a key renamed, dropped, added or retyped fails.
@Suite("JSON output (built binary)")
struct JSONOutputTests {
    @Test(arguments: JSONOutputTests.recorded.map(\.command))
    func outputKeepsItsShape(_ command: String) throws {
        let expected = try #require(Self.recorded.first { $0.command == command }).output
        let dir = try Scratch.folder("json-shape")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("kb.json")
        try Self.base.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(command.split(separator: " ").map(String.init) + ["--kb", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let actual = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: .fragmentsAllowed)
        let recorded = try JSONSerialization.jsonObject(with: Data(expected.utf8), options: .fragmentsAllowed)
        let differences = JSONDifference.between(recorded, actual)
        #expect(differences.isEmpty, "\(command): \(differences.joined(separator: "; "))")
    }

    static let base = #"""
        {"formatVersion": 1, "title": "Shapes", "asOf": "2026-11-29",
         "conference": {"name": "Octopus Interface 2010", "place": "Strasbourg", "startDate": "2010-03-23", "endDate": "2010-03-25", "summary": "c", "sources": ["conf"]},
         "treaties": [
          {"id": "ets185", "role": "convention", "title": "Convention on Cybercrime", "shortTitle": "Budapest Convention", "aliases": ["ETS 185"],
           "openedForSignature": "2001-11-23", "entryIntoForce": "2004-07-01", "summary": "The Convention; see [[art29]].", "keyPoints": ["Open to all"],
           "links": ["ets189"], "sources": ["t1"], "asOf": "2026-11-29"},
          {"id": "ets189", "role": "protocol", "title": "Additional Protocol", "shortTitle": "Additional Protocol", "aliases": ["ETS 189"],
           "summary": "The Protocol.", "sources": ["t2"], "asOf": "2026-11-29", "inferred": ["summary"]}
         ],
         "articles": [
          {"id": "art16", "treaty": "ets185", "number": 16, "title": "Expedited preservation", "chapter": "Chapter II – Measures",
           "section": "Section 2 – Procedural law", "summary": "Keep data; abroad see [[art29|Article 29]].", "keyPoints": ["Fast"],
           "declarations": [{"provision": "Art. 16(9)", "text": "a [[preservation]] declaration"}],
           "counterparts": [{"article": "art29", "kind": "international-co-operation"}], "links": ["ws3"], "sources": ["a16"], "asOf": "2026-11-29"},
          {"id": "art29", "treaty": "ets185", "number": 29, "title": "Preservation abroad", "chapter": "Chapter III – International co-operation",
           "section": "Section 2 – Specific provisions", "titleGroup": "Title 1 – Provisional measures", "summary": "Ask another Party.",
           "counterparts": [{"article": "art16", "kind": "domestic-power"}], "reservations": [{"provision": "Art. 29(4)", "text": "dual criminality"}],
           "sources": ["a29"], "asOf": "2026-11-29"},
          {"id": "p-art3", "treaty": "ets189", "number": 3, "title": "Dissemination", "chapter": "Chapter II – Measures",
           "summary": "Racist material.", "reservations": [{"provision": "Art. 3(2)", "text": "other remedies"}],
           "sources": ["p3"], "asOf": "2026-11-29"}
         ],
         "sessions": [
          {"id": "ws3", "kind": "workshop", "number": 3, "title": "Legislation", "date": "2010-03-24", "inferred": ["title"],
           "summary": "Laws in [[PT]].", "aims": ["Compare [[art16]]"], "questions": ["Why?"],
           "topics": [{"id": "topic-1", "title": "Preservation", "summary": "On [[art16]].", "keyPoints": ["k"], "minutes": 20, "questions": ["How?"], "links": ["art16", "PT"]},
                      {"id": "topic-2", "title": "Open", "summary": "Anything."}],
           "sources": ["s3"], "asOf": "2026-11-29"},
          {"id": "closing", "kind": "plenary", "title": "Closing", "summary": "The end.", "sources": ["sc"], "asOf": "2026-11-29"}
         ],
         "countries": [
          {"id": "PT", "name": "Portugal", "aliases": ["Portuguese Republic"], "region": "Southern Europe", "coeMember2010": true,
           "summary": "Ratified during the [[ws3]] week.",
           "events": [
             {"treaty": "ets185", "kind": "signature", "date": "2001-11-23", "sources": ["chart"]},
             {"treaty": "ets185", "kind": "ratification", "date": "2010-03-24", "sources": ["chart"], "note": "During the conference."},
             {"treaty": "ets185", "kind": "entry-into-force", "between": ["2010-07-01", "2010-07-31"], "sources": ["chart"]},
             {"treaty": "ets189", "kind": "accession", "dateUnknown": true, "after": "2010-03-25", "by": "2019-12-31", "unconfirmed": true,
              "sources": ["report"], "note": "Reported by 2019."}
           ],
           "statements": [
             {"treaty": "ets185", "kind": "reservation", "provision": "Art. 29(4)", "articles": ["art29"], "made": "deposit", "date": "2010-03-24",
              "withdrawn": "2015-01-01", "summary": "Kept [[art29]] dual criminality.", "sources": ["res"], "note": "Withdrawn later."},
             {"treaty": "ets185", "kind": "declaration", "provision": "Art. 16(9)", "articles": ["art16"], "made": "later",
              "summary": "A declaration.", "sources": ["dec"], "note": "Its date is not recorded."}
           ],
           "profile": {"date": "2010-03", "sources": ["profile"]},
           "facts": [{"text": "A law of 2009.", "sources": ["law"]}],
           "sources": ["chart"], "asOf": "2026-11-29"},
          {"id": "RS", "name": "Serbia", "nameFr": "Serbie", "region": "South-Eastern Europe", "coeMember2010": true, "summary": "Serbia.",
           "events": [{"treaty": "ets185", "kind": "signature", "date": "2005-04-07", "sources": ["chart"]}],
           "formerNames": [{"name": "Serbia and Montenegro", "before": "2006-06-03", "sources": ["cm"]}],
           "sources": ["chart"], "asOf": "2026-11-29"},
          {"id": "ME", "name": "Montenegro", "nameFr": "Monténégro", "region": "South-Eastern Europe", "summary": "Montenegro.",
           "events": [{"treaty": "ets185", "kind": "signature", "date": "2005-04-07", "sources": ["chart"]}],
           "partOf": {"state": "RS", "name": "Serbia and Montenegro", "before": "2006-06-03", "sources": ["cm"]},
           "sources": ["chart"], "asOf": "2026-11-29"}
         ],
         "organisations": [
          {"id": "t-cy", "name": "Cybercrime Convention Committee", "aliases": ["T-CY"], "kind": "committee",
           "summary": "The Parties meet on [[ets185]].", "keyPoints": ["Yearly"], "links": ["ets185"], "sources": ["o"], "asOf": "2026-11-29"}
         ],
         "glossary": [
          {"id": "preservation", "term": "Preservation", "aliases": ["quick freeze"], "definition": "Keeping data; see [[art16]].",
           "links": ["art29"], "sources": ["g"], "asOf": "2026-11-29"}
         ],
         "synonyms": [["mla", "mutual legal assistance"]]}
        """#

    static let recorded: [(command: String, output: String)] = [
        (
            "list sessions --treaty all --json --as-of 2005-01-01",
            #"[{"date":"2010-03-24","id":"ws3","kind":"workshop","number":3,"plannedMinutes":20,"title":"WS3: Legislation","titleInferred":true,"type":"session"},{"id":"closing","kind":"plenary","plannedMinutes":0,"title":"Closing","titleInferred":false,"type":"session"}]"#
        ),
        (
            "list articles --treaty all --json --as-of 2005-01-01",
            #"[{"chapter":"Chapter II – Measures","id":"art16","number":16,"section":"Section 2 – Procedural law","title":"Expedited preservation","treaty":"ets185","type":"article"},{"chapter":"Chapter III – International co-operation","id":"art29","number":29,"section":"Section 2 – Specific provisions","title":"Preservation abroad","titleGroup":"Title 1 – Provisional measures","treaty":"ets185","type":"article"},{"chapter":"Chapter II – Measures","id":"p-art3","number":3,"title":"Dissemination","treaty":"ets189","type":"article"}]"#
        ),
        (
            "list countries --treaty all --json --as-of 2005-01-01",
            #"[{"coeMember2010":true,"id":"PT","name":"Portugal","region":"Southern Europe","status":{"ets185":"signed","ets189":"none"},"statusDate":"2005-01-01","title":"Portugal","type":"country"},{"coeMember2010":true,"id":"RS","name":"Serbia","nameAtDate":"Serbia and Montenegro","region":"South-Eastern Europe","status":{"ets185":"none","ets189":"none"},"statusDate":"2005-01-01","title":"Serbia","type":"country"},{"coeMember2010":false,"id":"ME","name":"Montenegro","partOf":{"name":"Serbia and Montenegro","state":"RS","until":"2006-06-03"},"region":"South-Eastern Europe","status":{"ets185":"none","ets189":"none"},"statusDate":"2005-01-01","title":"Montenegro","type":"country"}]"#
        ),
        (
            "list treaties --treaty all --json --as-of 2005-01-01",
            #"[{"id":"ets185","title":"Budapest Convention (Convention on Cybercrime)","type":"treaty"},{"id":"ets189","title":"Additional Protocol (Additional Protocol)","type":"treaty"}]"#
        ),
        (
            "list organisations --treaty all --json --as-of 2005-01-01",
            #"[{"id":"t-cy","title":"Cybercrime Convention Committee (T-CY)","type":"org"}]"#
        ),
        (
            "list terms --treaty all --json --as-of 2005-01-01",
            #"[{"id":"preservation","title":"Preservation","type":"term"}]"#
        ),
        (
            "show ws3 --json --as-of 2012-01-01",
            #"{"aims":["Compare Art. 16"],"asOf":"2026-11-29","backlinks":["art16","PT"],"date":"2010-03-24","id":"ws3","inferred":["title"],"keyPoints":["Compare Art. 16"],"kind":"workshop","links":["art16","PT"],"number":3,"plannedMinutes":20,"questions":["Why?"],"sources":["s3"],"summary":"Laws in Portugal.","title":"WS3: Legislation","titleInferred":true,"topics":[{"id":"topic-1","keyPoints":["k"],"links":["art16","PT"],"minutes":20,"questions":["How?"],"summary":"On Art. 16.","title":"Preservation"},{"id":"topic-2","keyPoints":[],"links":[],"minutes":null,"questions":[],"summary":"Anything.","title":"Open"}],"type":"session"}"#
        ),
        (
            "show closing --json --as-of 2012-01-01",
            #"{"aims":[],"asOf":"2026-11-29","backlinks":[],"id":"closing","keyPoints":[],"kind":"plenary","links":[],"plannedMinutes":0,"questions":[],"sources":["sc"],"summary":"The end.","title":"Closing","titleInferred":false,"topics":[],"type":"session"}"#
        ),
        (
            "show ets185 --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":["t-cy"],"id":"ets185","keyPoints":["Open to all"],"links":["ets189"],"sources":["t1"],"summary":"The Convention; see Art. 29.","title":"Budapest Convention (Convention on Cybercrime)","type":"treaty"}"#
        ),
        (
            "show ets189 --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":["ets185"],"id":"ets189","inferred":["summary"],"keyPoints":[],"links":[],"sources":["t2"],"summary":"The Protocol.","title":"Additional Protocol (Additional Protocol)","type":"treaty"}"#
        ),
        (
            "show art16 --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":["ws3","art29","preservation"],"chapter":"Chapter II – Measures","counterparts":["art29"],"declarations":[{"provision":"Art. 16(9)","text":"a preservation declaration"}],"id":"art16","keyPoints":["Fast"],"links":["art29","ws3"],"madeBy":[],"madeByUndated":[{"articles":["art16"],"kind":"declaration","made":"later","note":"Its date is not recorded.","provision":"Art. 16(9)","sources":["dec"],"state":"PT","summary":"A declaration.","treaty":"ets185"}],"number":16,"reservations":[],"section":"Section 2 – Procedural law","sources":["a16"],"summary":"Keep data; abroad see Article 29.","title":"Expedited preservation","treaty":"ets185","type":"article"}"#
        ),
        (
            "show art29 --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":["ets185","art16","preservation"],"chapter":"Chapter III – International co-operation","counterparts":["art16"],"declarations":[],"id":"art29","keyPoints":[],"links":["art16"],"madeBy":[{"articles":["art29"],"date":"2010-03-24","kind":"reservation","made":"deposit","note":"Withdrawn later.","provision":"Art. 29(4)","sources":["res"],"state":"PT","summary":"Kept Art. 29 dual criminality.","treaty":"ets185","withdrawn":"2015-01-01"}],"madeByUndated":[],"number":29,"reservations":[{"provision":"Art. 29(4)","text":"dual criminality"}],"section":"Section 2 – Specific provisions","sources":["a29"],"summary":"Ask another Party.","title":"Preservation abroad","titleGroup":"Title 1 – Provisional measures","treaty":"ets185","type":"article"}"#
        ),
        (
            "show p-art3 --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":[],"chapter":"Chapter II – Measures","counterparts":[],"declarations":[],"id":"p-art3","keyPoints":[],"links":[],"madeBy":[],"madeByUndated":[],"number":3,"reservations":[{"provision":"Art. 3(2)","text":"other remedies"}],"sources":["p3"],"summary":"Racist material.","title":"Dissemination","treaty":"ets189","type":"article"}"#
        ),
        (
            "show PT --json --as-of 2012-01-01",
            #"{"aliases":["Portuguese Republic"],"asOf":"2026-11-29","backlinks":["ws3"],"coeMember2010":true,"events":[{"date":"2001-11-23","kind":"signature","sources":["chart"],"treaty":"ets185","unconfirmed":false},{"date":"2010-03-24","kind":"ratification","note":"During the conference.","sources":["chart"],"treaty":"ets185","unconfirmed":false},{"after":"2010-03-25","by":"2019-12-31","dateUnknown":true,"kind":"accession","note":"Reported by 2019.","sources":["report"],"treaty":"ets189","unconfirmed":true},{"between":["2010-07-01","2010-07-31"],"kind":"entry-into-force","sources":["chart"],"treaty":"ets185","unconfirmed":false}],"id":"PT","keyPoints":["A law of 2009."],"links":[],"name":"Portugal","nameFr":null,"profile":{"date":"2010-03","sources":["profile"]},"region":"Southern Europe","sources":["chart"],"statements":[{"articles":["art29"],"date":"2010-03-24","kind":"reservation","made":"deposit","note":"Withdrawn later.","provision":"Art. 29(4)","sources":["res"],"summary":"Kept Art. 29 dual criminality.","treaty":"ets185","withdrawn":"2015-01-01"},{"articles":["art16"],"kind":"declaration","made":"later","note":"Its date is not recorded.","provision":"Art. 16(9)","sources":["dec"],"summary":"A declaration.","treaty":"ets185"}],"status":{"ets185":"in-force","ets189":"unknown"},"statusDate":"2012-01-01","statusDetail":[{"event":{"between":["2010-07-01","2010-07-31"],"kind":"entry-into-force"},"label":"in force","status":"in-force","treaty":"ets185"},{"label":"a Party by 31 December 2019; deposit date unknown","status":"unknown","treaty":"ets189","undecidedEvent":{"after":"2010-03-25","by":"2019-12-31","dateUnknown":true,"kind":"accession"}}],"summary":"Ratified during the WS3 week.","title":"Portugal","type":"country"}"#
        ),
        (
            "show RS --json --as-of 2012-01-01",
            #"{"aliases":[],"asOf":"2026-11-29","backlinks":[],"coeMember2010":true,"events":[{"date":"2005-04-07","kind":"signature","sources":["chart"],"treaty":"ets185","unconfirmed":false}],"formerNames":[{"before":"2006-06-03","name":"Serbia and Montenegro"}],"id":"RS","keyPoints":[],"links":[],"name":"Serbia","nameFr":"Serbie","region":"South-Eastern Europe","sources":["chart"],"statements":[],"status":{"ets185":"signed","ets189":"none"},"statusDate":"2012-01-01","statusDetail":[{"event":{"date":"2005-04-07","kind":"signature"},"label":"signed, not ratified","status":"signed","treaty":"ets185"},{"label":"no signature on record","status":"none","treaty":"ets189"}],"summary":"Serbia.","title":"Serbia","type":"country"}"#
        ),
        (
            "show t-cy --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":[],"id":"t-cy","keyPoints":["Yearly"],"links":["ets185"],"sources":["o"],"summary":"The Parties meet on Budapest Convention.","title":"Cybercrime Convention Committee (T-CY)","type":"org"}"#
        ),
        (
            "show preservation --json --as-of 2012-01-01",
            #"{"asOf":"2026-11-29","backlinks":["art16"],"id":"preservation","keyPoints":[],"links":["art29"],"sources":["g"],"summary":"Keeping data; see Art. 16.","title":"Preservation","type":"term"}"#
        ),
        (
            "show ME --json --as-of 2005-01-01",
            #"{"aliases":[],"asOf":"2026-11-29","backlinks":[],"coeMember2010":false,"events":[{"date":"2005-04-07","kind":"signature","sources":["chart"],"treaty":"ets185","unconfirmed":false}],"id":"ME","keyPoints":[],"links":[],"name":"Montenegro","nameFr":"Monténégro","partOf":{"name":"Serbia and Montenegro","state":"RS","until":"2006-06-03"},"region":"South-Eastern Europe","sources":["chart"],"statements":[],"status":{"ets185":"none","ets189":"none"},"statusDate":"2005-01-01","statusDetail":[{"label":"no signature on record","status":"none","treaty":"ets185"},{"label":"no signature on record","status":"none","treaty":"ets189"}],"summary":"Montenegro.","title":"Montenegro","type":"country"}"#
        ),
        (
            "show RS --json --as-of 2005-01-01",
            #"{"aliases":[],"asOf":"2026-11-29","backlinks":[],"coeMember2010":true,"events":[{"date":"2005-04-07","kind":"signature","sources":["chart"],"treaty":"ets185","unconfirmed":false}],"formerNames":[{"before":"2006-06-03","name":"Serbia and Montenegro"}],"id":"RS","keyPoints":[],"links":[],"name":"Serbia","nameAtDate":"Serbia and Montenegro","nameFr":"Serbie","region":"South-Eastern Europe","sources":["chart"],"statements":[],"status":{"ets185":"none","ets189":"none"},"statusDate":"2005-01-01","statusDetail":[{"label":"no signature on record","status":"none","treaty":"ets185"},{"label":"no signature on record","status":"none","treaty":"ets189"}],"summary":"Serbia.","title":"Serbia","type":"country"}"#
        ),
        (
            "search preservation --json",
            #"[{"highlights":[],"id":"preservation","score":2.1702,"snippet":"Keeping data; see Art. 16.","text":"Keeping data; see Art. 16.","title":"Preservation","type":"term"},{"highlights":[{"end":14,"start":2,"text":"preservation"}],"id":"art16","score":2.3137,"snippet":"a [preservation] declaration","text":"a preservation declaration","title":"Article 16 – Expedited preservation","type":"article"},{"highlights":[],"id":"art29","score":2.2867,"snippet":"Ask another Party.","text":"Ask another Party.","title":"Article 29 – Preservation abroad","type":"article"},{"highlights":[{"end":12,"start":0,"text":"Preservation"}],"id":"ws3","score":1.8563,"snippet":"[Preservation]","text":"Preservation","title":"WS3: Legislation","type":"session"}]"#
        ),
    ]
}

/// Where two parsed JSON values differ, as paths: "$[0].nameFr: missing".
enum JSONDifference {
    static func between(_ expected: Any, _ actual: Any, at path: String = "$") -> [String] {
        switch (expected, actual) {
        case let (e as [String: Any], a as [String: Any]):
            return Set(e.keys).union(a.keys).sorted().flatMap { key -> [String] in
                switch (e[key], a[key]) {
                case let (x?, y?): between(x, y, at: "\(path).\(key)")
                case (nil, _): ["\(path).\(key): not expected"]
                case (_, nil): ["\(path).\(key): missing"]
                }
            }
        case let (e as [Any], a as [Any]):
            guard e.count == a.count else { return ["\(path): \(a.count) items, expected \(e.count)"] }
            return zip(e, a).enumerated().flatMap { i, pair in between(pair.0, pair.1, at: "\(path)[\(i)]") }
        default:
            // Scalars as JSON text, so that true and 1, or "1" and 1, differ.
            let e = scalar(expected), a = scalar(actual)
            return e == a ? [] : ["\(path): \(a), expected \(e)"]
        }
    }

    private static func scalar(_ value: Any) -> String {
        if value is [Any] || value is [String: Any] { return "a container" }
        let data = (try? JSONSerialization.data(withJSONObject: value, options: .fragmentsAllowed)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
