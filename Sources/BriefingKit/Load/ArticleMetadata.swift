/// Article metadata from front matter or a sidecar `.yml` file.
struct ArticleMetadata {
    static let keys: Set<String> = ["title", "date", "source", "url", "summary", "dek", "byline", "slug"]

    var title: String?
    var date: String?
    var source: String?
    var url: String?
    var summary: String?
    var dek: String?
    var byline: String?
    var slug: String?

    init() {}

    init(_ frontMatter: FrontMatter, log: inout DiagnosticLog) {
        log.record(contentsOf: frontMatter.unknownKeys(known: Self.keys))
        title = frontMatter.string("title", log: &log)
        date = frontMatter.date("date", log: &log)
        source = frontMatter.string("source", log: &log)
        url = frontMatter.string("url", log: &log)
        if let url, ConfigLoader.validateAbsoluteURL(url) != nil {
            log.record(
                Diagnostic(
                    .error, at: frontMatter.location(of: "url"),
                    "url must be an absolute http(s) address, not '\(url)'"))
            self.url = nil
        }
        summary = frontMatter.string("summary", log: &log)
        dek = frontMatter.string("dek", log: &log)
        byline = frontMatter.string("byline", log: &log)
        if let slug = frontMatter.string("slug", log: &log) {
            if slug == Text.slug(slug) {
                self.slug = slug
            } else {
                log.record(
                    Diagnostic(
                        .error, at: frontMatter.location(of: "slug"),
                        "slug '\(slug)' may hold only lowercase letters, digits and '-' (try '\(Text.slug(slug))')"))
            }
        }
    }

    /// Fills the article's fields that the metadata states; stated values win over detected ones.
    func apply(to article: inout Article) {
        if let title { article.title = title }
        if let date { article.date = date }
        if let source { article.source = source }
        if let url { article.url = url }
        if let summary { article.summary = summary }
        if let dek { article.dek = dek }
        if let byline { article.byline = byline }
        if let slug { article.slug = slug }
    }
}
