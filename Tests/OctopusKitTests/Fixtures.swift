/// A small, valid, hand-made knowledge base. Tests break it in one place at a time.
enum Fixture {
    /// The valid base with one reservation of Portugal's (ratified on 2010-03-24), made on the
    /// occasion given and on the day given, or with no day when `date` is nil.
    static func withStatement(made: String, date: String?) -> String {
        let day = date.map { #""date": "\#($0)", "# } ?? ""
        let summary = #""summary": "Ratified during the conference.","#
        return replacing(
            summary,
            with: summary
                + #" "statements": [{"treaty": "ets185", "kind": "reservation", "provision": "Art. 16", "articles": ["art16"], "made": "\#(made)", "#
                + day + #""summary": "Keeps it.", "sources": ["chart"]}],"#)
    }

    static let valid = #"""
        {
          "formatVersion": 1,
          "title": "Test base",
          "asOf": "2026-11-29",
          "conference": {"name": "Octopus Interface 2010", "place": "Strasbourg", "startDate": "2010-03-23",
                         "endDate": "2010-03-25", "summary": "Test conference.", "sources": ["test"]},
          "treaties": [
            {"id": "ets185", "role": "convention", "title": "Convention on Cybercrime", "shortTitle": "Budapest Convention", "aliases": ["ETS 185"],
             "openedForSignature": "2001-11-23", "entryIntoForce": "2004-07-01", "summary": "The treaty. See [[art16]].",
             "sources": ["test"], "asOf": "2026-11-29"}
          ],
          "articles": [
            {"id": "art16", "treaty": "ets185", "number": 16, "title": "Expedited preservation of stored computer data",
             "chapter": "Chapter II", "summary": "Keep data safe; abroad see [[art29|Article 29]].", "keyPoints": ["Fast"],
             "counterparts": [{"article": "art29", "kind": "international-co-operation"}], "links": ["ws3"], "sources": ["test"], "asOf": "2026-11-29"},
            {"id": "art29", "treaty": "ets185", "number": 29, "title": "Expedited preservation of stored computer data",
             "chapter": "Chapter III", "summary": "Ask another Party to preserve data.", "counterparts": [{"article": "art16", "kind": "domestic-power"}],
             "reservations": [{"provision": "Art. 29(4)", "text": "dual criminality"}],
             "sources": ["test"], "asOf": "2026-11-29"}
          ],
          "sessions": [
            {"id": "ws3", "kind": "workshop", "number": 3, "title": "Legislation", "inferred": ["title"],
             "summary": "Laws.", "topics": [{"id": "topic-1", "title": "Preservation", "summary": "On [[art16]].",
             "minutes": 20, "links": ["art16", "PT"]}], "questions": ["Why?"], "sources": ["test"], "asOf": "2026-11-29"}
          ],
          "countries": [
            {"id": "PT", "name": "Portugal", "nameFr": "Portugal", "aliases": ["Portuguese Republic"], "region": "Southern Europe",
             "coeMember2010": true, "summary": "Ratified during the conference.",
             "events": [
               {"treaty": "ets185", "kind": "signature", "date": "2001-11-23", "sources": ["chart"]},
               {"treaty": "ets185", "kind": "ratification", "date": "2010-03-24", "sources": ["chart"]},
               {"treaty": "ets185", "kind": "entry-into-force", "date": "2010-07-01", "sources": ["chart"]}
             ],
             "sources": ["chart"], "asOf": "2026-11-29"},
            {"id": "TR", "name": "Türkiye", "nameFr": "Turquie", "aliases": ["Turkey"], "region": "South-Eastern Europe",
             "coeMember2010": true, "summary": "Signed later.", "events": [
               {"treaty": "ets185", "kind": "signature", "date": "2010-11-10", "sources": ["chart"], "unconfirmed": true}
             ], "sources": ["chart"], "asOf": "2026-11-29"}
          ],
          "organisations": [
            {"id": "t-cy", "name": "Cybercrime Convention Committee", "aliases": ["T-CY"], "kind": "committee",
             "summary": "The Parties meet.", "sources": ["test"], "asOf": "2026-11-29"}
          ],
          "glossary": [
            {"id": "preservation", "term": "Preservation", "aliases": ["quick freeze"], "definition": "Keeping data. See [[art16]].",
             "sources": ["test"], "asOf": "2026-11-29"}
          ],
          "synonyms": [["mla", "mutual legal assistance"]]
        }
        """#

    /// The valid fixture with one textual replacement (which must match exactly once).
    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.components(separatedBy: old).count == 2, "fixture text not unique: \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }
}
