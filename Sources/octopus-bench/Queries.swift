/// 200 things a delegate might type into search during a session, grouped by kind. Each is typed
/// one character at a time, so every prefix ("p", "pr", "pre" …) is measured as a keystroke.
enum BenchQueries {
    static let articles = [
        "art 1", "art 2", "art 9", "art 16", "art 29", "art 32", "art 35", "art 42", "art 46", "art29",
        "article 16", "article 29", "Article 25", "article 21", "art. 32", "a29", "Art. 19", "article 35",
        "p 3", "protocol 3", "p-art6", "protocol article 7", "art 99", "article 48", "art 14",
    ]
    static let countries = [
        "portugal", "PT", "Côte d’Ivoire", "cote d ivoire", "cote d'ivoire", "ivory coast", "turquie",
        "turkiye", "Türkiye", "turkey", "São Tomé", "sao tome", "Sao Tome e Principe", "germany", "allemagne",
        "deutschland", "united kingdom", "royaume-uni", "united states", "etats-unis", "japan", "philippines",
        "dominican republic", "moldova", "north macedonia", "russian federation", "south africa",
        "afrique du sud", "argentina", "argentine", "senegal", "Sénégal", "morocco", "maroc", "sri lanka",
        "mauritius", "costa rica", "nigeria", "brazil", "hong kong",
    ]
    static let terms = [
        "preservation", "expedited preservation", "\"expedited preservation\"", "quick freeze",
        "mutual legal assistance", "mla", "mlat", "extradition", "dual criminality", "double criminality",
        "traffic data", "content data", "subscriber information", "interception", "lawful interception",
        "real-time collection", "search and seizure", "production order", "jurisdiction", "reservations",
        "declarations", "federal clause", "territorial application", "denunciation", "ratification",
        "entry into force", "illegal access", "hacking", "system interference", "denial of service", "ddos",
        "data interference", "misuse of devices", "computer-related fraud", "child pornography", "csam",
        "grooming", "racist and xenophobic material", "corporate liability", "conditions and safeguards",
        "transborder access", "cloud computing", "24/7 network", "point of contact", "spontaneous information",
        "electronic evidence", "ip address", "whois", "capacity building", "public private cooperation",
        "law enforcement", "judges and prosecutors", "money laundering", "phishing", "botnet",
    ]
    static let organisations = [
        "coe", "council of europe", "eu", "europol", "interpol", "enisa", "first", "icann", "unodc", "itu",
        "t-cy", "T-CY", "ecteg", "2centre", "moneyval", "fatf", "gafi", "cdpc", "cepol", "apwg", "g8",
        "lisbon network", "oecd", "un crime congress", "salvador",
    ]
    static let sessions = [
        "ws1", "ws 3", "workshop 6", "WS2", "opening", "closing session", "outlook", "update session",
        "cloud", "training", "high-tech crime units", "certs", "csirt", "registrars", "child protection",
    ]
    static let typos = [
        "preservaton", "interseption", "extradtion", "jurisdicton", "portgual", "ratifcation", "europl",
        "xenophobai", "rasist", "pornografy", "subscribr", "acession", "denunciaton", "safegaurds",
        "tranborder", "seziure", "procution order", "electronc evidence", "cybercirme", "convnetion",
        "budapest convetion", "mutal assistance", "spontaneus", "liabilty", "moneyvall",
    ]
    static let filtered = [
        "type:country europe", "type:article data", "type:org police", "type:session cloud",
        "type:term freeze", "type:treaty protocol", "data type:term", "budapest convention", "ets 185",
        "additional protocol", "lanzarote convention", "cets 201", "\"stored computer data\"",
        "preservation type:article", "type:country africa",
    ]

    static let all = articles + countries + terms + organisations + sessions + typos + filtered
}
