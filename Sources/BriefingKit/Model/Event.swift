/// Something that happened, or is planned, as reported by the articles.
public struct Event: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case past, planned
    }

    public var slug: String
    public var summary: String
    /// Calendar date when known, `YYYY-MM-DD`.
    public var date: String?
    /// The time as the article words it ("the week prior"), shown when there is no date or beside it.
    public var when: String?
    /// Position among events on the same date or without one; lower comes first.
    public var order: Int
    /// Citations as written (`article-slug#pN`), with their place in the file.
    public var sources: [Located<String>]
    /// Party slugs as written, with their place in the file.
    public var parties: [Located<String>]
    public var description: String
    public var path: String
    /// After the fields of eight and sixteen bytes, with the other one-byte field, so that no
    /// padding lies between fields: the rebuild compares events by their bytes.
    public var status: Status
    /// Set by an editor to drop an event the extractor found by mistake.
    public var hidden: Bool?

    public init(
        slug: String, summary: String, date: String? = nil, when: String? = nil, order: Int = 0,
        status: Status = .past, sources: [Located<String>], parties: [Located<String>] = [],
        description: String = "", path: String
    ) {
        self.slug = slug
        self.summary = summary
        self.date = date
        self.when = when
        self.order = order
        self.status = status
        self.sources = sources
        self.parties = parties
        self.description = description
        self.path = path
    }
}
