import Foundation

/// schema.org descriptions of pages as JSON-LD, for search engines and link previews: a
/// `NewsArticle` about and mentioning its parties and terms, a `Person`, `Organization` or
/// `Place` for each party, a `DefinedTerm` for each term.
///
/// Addresses are absolute when the site's base URL is set and left out otherwise: JSON-LD is
/// read apart from the page, where a relative address means nothing.
struct StructuredData {
    /// The site's base URL with one trailing slash, or nil when it is not set.
    let baseURL: String?

    func url(_ path: String) -> String? {
        baseURL.map { $0 + Routes.canonical(path) }
    }

    func website(name: String, description: String) -> String {
        encode(Node(type: "WebSite", name: name, description: description, url: url(Routes.home)))
    }

    func article(_ article: Article, path: String, about: [Party], mentions: [Party], terms: [Term]) -> String {
        var object = Node(type: "NewsArticle", description: article.summary ?? article.dek, url: url(path))
        object.headline = article.title
        object.datePublished = article.date
        object.mainEntityOfPage = url(path)
        object.isBasedOn = article.url
        object.author = article.byline.map { Reference(type: "Person", name: $0) }
        object.publisher = article.source.map { Reference(type: "Organization", name: $0) }
        if !about.isEmpty { object.about = about.map(party) }
        let mentioned = mentions.map(party) + terms.map { term($0, full: false) }
        if !mentioned.isEmpty { object.mentions = mentioned }
        return encode(object)
    }

    func partyPage(_ value: Party) -> String {
        var object = party(value)
        if !value.aliases.isEmpty { object.alternateName = value.aliases }
        if value.kind == .person { object.jobTitle = value.role }
        return encode(object)
    }

    func termPage(_ value: Term, description: String?) -> String {
        var object = term(value, full: true)
        if object.description == nil { object.description = description }
        return encode(object)
    }

    private func party(_ party: Party) -> Node {
        let type =
            switch party.kind {
            case .person: "Person"
            case .country: "Country"
            case .government: "GovernmentOrganization"
            case .organisation, .group: "Organization"
            }
        return Node(type: type, name: party.name, url: url(Routes.party(party.slug)))
    }

    private func term(_ term: Term, full: Bool) -> Node {
        var object = Node(
            type: "DefinedTerm", name: term.name, description: term.definition.isEmpty ? nil : term.definition,
            url: url(Routes.term(term.slug)))
        if full {
            if !term.aliases.isEmpty { object.alternateName = term.aliases }
            object.inDefinedTermSet = Reference(type: "DefinedTermSet", name: "Key terms", url: url(Routes.terms))
        }
        return object
    }

    /// A schema.org thing; fields left nil are left out of the JSON.
    private struct Node: Encodable {
        var context: String?
        var type: String
        var name: String?
        var headline: String?
        var description: String?
        var url: String?
        var datePublished: String?
        var mainEntityOfPage: String?
        var isBasedOn: String?
        var author: Reference?
        var publisher: Reference?
        var about: [Node]?
        var mentions: [Node]?
        var alternateName: [String]?
        var jobTitle: String?
        var inDefinedTermSet: Reference?

        init(type: String, name: String? = nil, description: String? = nil, url: String? = nil) {
            self.type = type
            self.name = name
            self.description = description
            self.url = url
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type = "@type", name, headline, description, url, datePublished
            case mainEntityOfPage, isBasedOn, author, publisher, about, mentions, alternateName, jobTitle
            case inDefinedTermSet
        }
    }

    /// A thing named inside another: an author, a publisher, a set of terms.
    private struct Reference: Encodable {
        var type: String
        var name: String
        var url: String?

        enum CodingKeys: String, CodingKey {
            case type = "@type", name, url
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Encodes with sorted keys, so builds are reproducible, and with `<`, `>` and `&` escaped, so
    /// no text of an article can close the `<script>` element the JSON sits in.
    private func encode(_ object: Node) -> String {
        var document = object
        document.context = "https://schema.org"
        guard let data = try? Self.encoder.encode(document) else { return "{}" }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(data.count)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): escaped.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
