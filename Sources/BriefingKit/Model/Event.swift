/// Something that happened, or is planned, as reported by the articles.
///
/// A large briefing holds tens of thousands of events, and every step of a rebuild hands the
/// whole list on: the fields are kept together in one object, so that copying or letting go of
/// an event retains or releases one reference rather than each of its eight strings and lists.
/// A change to a field copies the object first when another event still shares it.
public struct Event: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case past, planned
    }

    public var slug: String {
        get { fields.values.slug }
        set { unique().values.slug = newValue }
    }
    public var summary: String {
        get { fields.values.summary }
        set { unique().values.summary = newValue }
    }
    /// Calendar date when known, `YYYY-MM-DD`.
    public var date: String? {
        get { fields.values.date }
        set { unique().values.date = newValue }
    }
    /// The time as the article words it ("the week prior"), shown when there is no date or beside it.
    public var when: String? {
        get { fields.values.when }
        set { unique().values.when = newValue }
    }
    /// Position among events on the same date or without one; lower comes first.
    public var order: Int {
        get { fields.values.order }
        set { unique().values.order = newValue }
    }
    /// Citations as written (`article-slug#pN`), with their place in the file.
    public var sources: [Located<String>] {
        get { fields.values.sources }
        set { unique().values.sources = newValue }
    }
    /// Party slugs as written, with their place in the file.
    public var parties: [Located<String>] {
        get { fields.values.parties }
        set { unique().values.parties = newValue }
    }
    public var description: String {
        get { fields.values.description }
        set { unique().values.description = newValue }
    }
    public var path: String {
        get { fields.values.path }
        set { unique().values.path = newValue }
    }
    public var status: Status {
        get { fields.values.status }
        set { unique().values.status = newValue }
    }
    /// Set by an editor to drop an event the extractor found by mistake.
    public var hidden: Bool? {
        get { fields.values.hidden }
        set { unique().values.hidden = newValue }
    }

    private var fields: Fields

    public init(
        slug: String, summary: String, date: String? = nil, when: String? = nil, order: Int = 0,
        status: Status = .past, sources: [Located<String>], parties: [Located<String>] = [],
        description: String = "", path: String
    ) {
        fields = Fields(
            Values(
                slug: slug, summary: summary, date: date, when: when, order: order, sources: sources,
                parties: parties, description: description, path: path, status: status, hidden: nil))
    }

    /// The fields, copied first if another event shares them.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = Fields(fields.values) }
        return fields
    }

    public static func == (a: Event, b: Event) -> Bool {
        a.fields === b.fields || a.fields.values == b.fields.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields.values) }

    /// Coded as the fields themselves, as it was before they were kept together.
    public init(from decoder: any Decoder) throws { fields = Fields(try Values(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.values.encode(to: encoder) }

    /// The fields of one event. Changed only through `unique()`, that is while no other event
    /// holds them: no thread ever sees a change to fields another can read.
    private final class Fields: @unchecked Sendable {
        var values: Values
        init(_ values: Values) { self.values = values }
    }

    private struct Values: Hashable, Codable {
        var slug: String
        var summary: String
        var date: String?
        var when: String?
        var order: Int
        var sources: [Located<String>]
        var parties: [Located<String>]
        var description: String
        var path: String
        var status: Status
        var hidden: Bool?
    }
}
