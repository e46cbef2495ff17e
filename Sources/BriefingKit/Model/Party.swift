/// Someone who acts in the story: a person, a government, an organisation, a country or a group.
public struct Party: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case person, government, organisation, country, group
    }

    public var slug: String
    public var name: String
    public var kind: Kind
    /// The role as the text states it ("Secretary of State").
    public var role: String?
    /// Other names the text uses; the name itself is always matched too.
    public var aliases: [String]
    /// Longer description in Markdown, from the file's body.
    public var description: String
    public var path: String
    /// Slug of the party this file describes too; its names join that party's aliases.
    public var sameAs: Located<String>?
    /// Set by an editor to drop a party the extractor found by mistake.
    public var hidden: Bool?

    public init(
        slug: String, name: String, kind: Kind, role: String? = nil, aliases: [String] = [],
        description: String = "", path: String
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.role = role
        self.aliases = aliases
        self.description = description
        self.path = path
    }
}
