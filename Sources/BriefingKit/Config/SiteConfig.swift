/// Site settings from `briefing.yml`, overridden by command-line flags.
public struct SiteConfig: Hashable, Sendable, Codable {
    public var title: String?
    public var description: String?
    /// Absolute address the site will be served from, when it is known. Canonical links, Open
    /// Graph tags and absolute addresses in structured data appear only when it is set.
    public var baseURL: String?
    public var language: String
    /// Publication date for articles that state none (`YYYY-MM-DD`).
    public var defaultDate: String?

    public init(
        title: String? = nil, description: String? = nil, baseURL: String? = nil,
        language: String = "en", defaultDate: String? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.defaultDate = defaultDate
    }

    /// Where `sitemap.xml`, `robots.txt` and the feed point when no base URL is set: the preview server's address.
    public static let previewBaseURL = "http://localhost:8080/"

    /// The base URL, or the preview address, with exactly one trailing slash.
    public var normalizedBaseURL: String {
        var url = baseURL ?? Self.previewBaseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}
