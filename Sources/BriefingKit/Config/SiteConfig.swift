/// Site settings from `briefing.yml`, overridden by command-line flags.
public struct SiteConfig: Hashable, Sendable, Codable {
    public var title: String?
    public var description: String?
    /// Absolute address the site will be served from; used in `sitemap.xml` and `robots.txt` only.
    public var baseURL: String
    public var language: String
    /// Publication date for articles that state none (`YYYY-MM-DD`).
    public var defaultDate: String?

    public init(
        title: String? = nil, description: String? = nil, baseURL: String = "http://localhost:8080/",
        language: String = "en", defaultDate: String? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.defaultDate = defaultDate
    }

    /// The base URL with exactly one trailing slash.
    public var normalizedBaseURL: String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}
