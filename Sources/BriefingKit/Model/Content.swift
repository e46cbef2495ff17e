/// Everything read from the content folder, before linking.
public struct Content: Equatable, Sendable {
    public var articles: [Article]
    public var parties: [Party]
    public var terms: [Term]
    /// The editors' events first, then those found in the text, as `Extraction.merge` joins
    /// them: linking checks the editors' slugs up to the first found event.
    public var events: [Event]
    /// Slugs of party files merged with `same_as`, and the party each joined.
    public var mergedParties: [String: String] = [:]

    public init(articles: [Article], parties: [Party] = [], terms: [Term] = [], events: [Event] = []) {
        self.articles = articles
        self.parties = parties
        self.terms = terms
        self.events = events
    }
}
