/// A key term a reader needs explained.
public struct Term: Hashable, Sendable, Codable {
    public var slug: String
    public var name: String
    public var aliases: [String]
    /// One-sentence definition shown in lists and on the term page; empty until an editor writes one.
    public var definition: String
    /// Longer explanation in Markdown, from the file's body.
    public var description: String
    public var path: String
    /// Set by an editor to drop a term the extractor found by mistake.
    public var hidden: Bool?

    public init(
        slug: String, name: String, aliases: [String] = [], definition: String, description: String = "",
        path: String
    ) {
        self.slug = slug
        self.name = name
        self.aliases = aliases
        self.definition = definition
        self.description = description
        self.path = path
    }
}
