/// The parts of a record that search reads, and how much a match in each one counts.
enum SearchField: UInt8, CaseIterable, Sendable {
    case id, title, alias, heading, body

    /// BM25F weight. A word in a record's id, title or one of its names says far more about what
    /// the record *is* than the same word somewhere in its prose, so those fields count well above
    /// the body; headings (topic titles, chapters, regions) sit in between.
    var weight: Float {
        switch self {
        case .id: 8
        case .title: 5
        case .alias: 4
        case .heading: 2
        case .body: 1
        }
    }

    /// BM25 length normalisation (`b`). Long bodies repeat words by sheer length, so they are
    /// normalised strongly; an id or a name is short by nature and is not normalised at all.
    var lengthNormalisation: Float {
        switch self {
        case .id: 0
        case .title, .alias: 0.5
        case .heading: 0.5
        case .body: 0.75
        }
    }

    /// Which passages may be shown as a snippet, best first. Titles and ids never are: a hit
    /// shows its title already, and repeating it would hide the text that explains the match.
    var snippetRank: Int? {
        switch self {
        case .body: 0
        case .heading: 1
        case .alias: 2
        case .id, .title: nil
        }
    }
}
