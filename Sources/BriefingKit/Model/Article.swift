/// A news article after loading: metadata plus de-duplicated, numbered paragraphs.
public struct Article: Hashable, Sendable, Codable {
    public var slug: String
    public var title: String
    /// Sub-headline shown under the headline.
    public var dek: String?
    /// One-sentence standfirst, shown on the home page.
    public var summary: String?
    /// Publication date, `YYYY-MM-DD`.
    public var date: String?
    public var source: String?
    public var url: String?
    public var byline: String?
    public var paragraphs: [Paragraph]
    /// The file the article was read from, relative to the content folder.
    public var path: String
    /// Lines the loader dropped (repeats, duplicate headline), so nothing disappears unexplained.
    public var removed: [RemovedBlock]

    public init(
        slug: String, title: String, dek: String? = nil, summary: String? = nil, date: String? = nil,
        source: String? = nil, url: String? = nil, byline: String? = nil, paragraphs: [Paragraph],
        path: String, removed: [RemovedBlock] = []
    ) {
        self.slug = slug
        self.title = title
        self.dek = dek
        self.summary = summary
        self.date = date
        self.source = source
        self.url = url
        self.byline = byline
        self.paragraphs = paragraphs
        self.path = path
        self.removed = removed
    }
}

/// A line of the source the loader took out of the body, and why: a repeat, or metadata it read.
public struct RemovedBlock: Hashable, Sendable, Codable {
    /// Whether the line was dropped as a repeat rather than read as metadata.
    public var isRepeat: Bool { reason.hasPrefix("repeats") }

    public var line: Int
    public var reason: String
    public var text: String

    public init(line: Int, reason: String, text: String) {
        self.line = line
        self.reason = reason
        self.text = text
    }
}
