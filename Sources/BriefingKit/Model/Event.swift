/// Something that happened or is planned, as the timeline shows it.
///
/// A value, as the other models are, but its fields live in one shared object that is copied
/// only when a copy is changed: a briefing of 1,000 articles has 42,000 events, and each step
/// that hands them on (naming them apart, merging repeats, joining the editors' events, linking)
/// would otherwise retain and release every one of their eight strings and lists. Two events
/// holding the same object are equal without comparing their fields.
public struct Event: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case past, planned
    }

    public var slug: String {
        get { storage.slug }
        set { unique().slug = newValue }
    }
    public var summary: String {
        get { storage.summary }
        set { unique().summary = newValue }
    }
    /// Calendar date when known, `YYYY-MM-DD`.
    public var date: String? {
        get { storage.date }
        set { unique().date = newValue }
    }
    /// The time as the article words it ("the week prior"), shown when there is no date or beside it.
    public var when: String? {
        get { storage.when }
        set { unique().when = newValue }
    }
    /// Position among events on the same date or without one; lower comes first.
    public var order: Int {
        get { storage.order }
        set { unique().order = newValue }
    }
    public var status: Status {
        get { storage.status }
        set { unique().status = newValue }
    }
    /// Citations as written (`article-slug#pN`), with their place in the file.
    public var sources: [Located<String>] {
        get { storage.sources }
        set { unique().sources = newValue }
    }
    /// Party slugs as written, with their place in the file.
    public var parties: [Located<String>] {
        get { storage.parties }
        set { unique().parties = newValue }
    }
    public var description: String {
        get { storage.description }
        set { unique().description = newValue }
    }
    public var path: String {
        get { storage.path }
        set { unique().path = newValue }
    }
    /// Set by an editor to drop an event the extractor found by mistake.
    public var hidden: Bool? {
        get { storage.hidden }
        set { unique().hidden = newValue }
    }

    public init(
        slug: String, summary: String, date: String? = nil, when: String? = nil, order: Int = 0,
        status: Status = .past, sources: [Located<String>], parties: [Located<String>] = [],
        description: String = "", path: String
    ) {
        storage = Storage(
            slug: slug, summary: summary, date: date, when: when, order: order, status: status, sources: sources,
            parties: parties, description: description, path: path, hidden: nil)
    }

    // MARK: - Storage

    /// The fields. Only `unique()` hands it out for writing, after making it this event's own.
    private final class Storage: @unchecked Sendable {
        var slug: String
        var summary: String
        var date: String?
        var when: String?
        var order: Int
        var status: Status
        var sources: [Located<String>]
        var parties: [Located<String>]
        var description: String
        var path: String
        var hidden: Bool?

        init(
            slug: String, summary: String, date: String?, when: String?, order: Int, status: Status,
            sources: [Located<String>], parties: [Located<String>], description: String, path: String,
            hidden: Bool?
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
            self.hidden = hidden
        }

        func copy() -> Storage {
            Storage(
                slug: slug, summary: summary, date: date, when: when, order: order, status: status,
                sources: sources, parties: parties, description: description, path: path, hidden: hidden)
        }
    }

    private var storage: Storage

    /// The storage, copied first if another event shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    // MARK: - Equality, hashing and coding, by the fields

    public static func == (a: Event, b: Event) -> Bool {
        if a.storage === b.storage { return true }
        let a = a.storage
        let b = b.storage
        return a.slug == b.slug && a.summary == b.summary && a.date == b.date && a.when == b.when
            && a.order == b.order && a.status == b.status && a.sources == b.sources && a.parties == b.parties
            && a.description == b.description && a.path == b.path && a.hidden == b.hidden
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slug)
        hasher.combine(summary)
        hasher.combine(date)
        hasher.combine(when)
        hasher.combine(order)
        hasher.combine(status)
        hasher.combine(sources)
        hasher.combine(parties)
        hasher.combine(description)
        hasher.combine(path)
        hasher.combine(hidden)
    }

    private enum CodingKeys: String, CodingKey {
        case slug, summary, date, when, order, status, sources, parties, description, path, hidden
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            slug: try container.decode(String.self, forKey: .slug),
            summary: try container.decode(String.self, forKey: .summary),
            date: try container.decodeIfPresent(String.self, forKey: .date),
            when: try container.decodeIfPresent(String.self, forKey: .when),
            order: try container.decode(Int.self, forKey: .order),
            status: try container.decode(Status.self, forKey: .status),
            sources: try container.decode([Located<String>].self, forKey: .sources),
            parties: try container.decode([Located<String>].self, forKey: .parties),
            description: try container.decode(String.self, forKey: .description),
            path: try container.decode(String.self, forKey: .path))
        hidden = try container.decodeIfPresent(Bool.self, forKey: .hidden)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(when, forKey: .when)
        try container.encode(order, forKey: .order)
        try container.encode(status, forKey: .status)
        try container.encode(sources, forKey: .sources)
        try container.encode(parties, forKey: .parties)
        try container.encode(description, forKey: .description)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(hidden, forKey: .hidden)
    }
}

extension Event: CustomReflectable {
    /// The fields, not the shared object holding them, in dumps and test failures.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "slug": slug, "summary": summary, "date": date as Any, "when": when as Any, "order": order,
                "status": status, "sources": sources, "parties": parties, "description": description,
                "path": path, "hidden": hidden as Any,
            ], displayStyle: .struct)
    }
}
