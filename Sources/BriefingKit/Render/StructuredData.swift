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
        encode(compact(["@type": "WebSite", "name": name, "description": description, "url": url(Routes.home)]))
    }

    func article(_ article: Article, path: String, about: [Party], mentions: [Party], terms: [Term]) -> String {
        var object = compact([
            "@type": "NewsArticle", "headline": article.title, "description": article.summary ?? article.dek,
            "datePublished": article.date, "url": url(path), "mainEntityOfPage": url(path),
            "isBasedOn": article.url,
        ])
        if let byline = article.byline { object["author"] = ["@type": "Person", "name": byline] }
        if let source = article.source { object["publisher"] = ["@type": "Organization", "name": source] }
        if !about.isEmpty { object["about"] = about.map(party) }
        let mentioned = mentions.map(party) + terms.map { term($0, full: false) }
        if !mentioned.isEmpty { object["mentions"] = mentioned }
        return encode(object)
    }

    func partyPage(_ value: Party) -> String {
        var object = party(value)
        if !value.aliases.isEmpty { object["alternateName"] = value.aliases }
        if let role = value.role, value.kind == .person { object["jobTitle"] = role }
        return encode(object)
    }

    func termPage(_ value: Term, description: String?) -> String {
        var object = term(value, full: true)
        if let description, object["description"] == nil { object["description"] = description }
        return encode(object)
    }

    private func party(_ party: Party) -> [String: Any] {
        let type =
            switch party.kind {
            case .person: "Person"
            case .country: "Country"
            case .government: "GovernmentOrganization"
            case .organisation, .group: "Organization"
            }
        return compact(["@type": type, "name": party.name, "url": url(Routes.party(party.slug))])
    }

    private func term(_ term: Term, full: Bool) -> [String: Any] {
        var object = compact([
            "@type": "DefinedTerm", "name": term.name, "url": url(Routes.term(term.slug)),
            "description": term.definition.isEmpty ? nil : term.definition,
        ])
        if full {
            if !term.aliases.isEmpty { object["alternateName"] = term.aliases }
            object["inDefinedTermSet"] = compact([
                "@type": "DefinedTermSet", "name": "Key terms", "url": url(Routes.terms),
            ])
        }
        return object
    }

    private func compact(_ fields: [String: String?]) -> [String: Any] {
        fields.compactMapValues { $0 }
    }

    /// Encodes with sorted keys, so builds are reproducible, and with `<`, `>` and `&` escaped, so
    /// no text of an article can close the `<script>` element the JSON sits in.
    private func encode(_ object: [String: Any]) -> String {
        var document = object
        document["@context"] = "https://schema.org"
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]) else {
            return "{}"
        }
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
