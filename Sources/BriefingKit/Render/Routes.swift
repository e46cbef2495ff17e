/// Where each page lives in the output, relative to the site root.
///
/// Links name `index.html` explicitly so the site also works opened from disk (`file://`),
/// where a folder does not open its index page.
enum Routes {
    static let home = "index.html"
    static let timeline = "timeline/index.html"
    static let parties = "parties/index.html"
    static let terms = "terms/index.html"
    static let notFound = "404.html"
    static let search = "search/index.html"
    /// The search page's index, a script so that it loads from `file://` too, where fetching a file is refused.
    static let searchIndex = "search/index.js"
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"

    static func article(_ slug: String) -> String { "articles/\(slug)/index.html" }
    static func party(_ slug: String) -> String { "parties/\(slug)/index.html" }
    static func term(_ slug: String) -> String { "terms/\(slug)/index.html" }

    static func paragraph(_ citation: Citation) -> String { article(citation.article) + "#p\(citation.paragraph)" }
    /// The timeline's pages: the first at `timeline/`, each other in a folder of its name
    /// (`TimelinePages` says where pages start and what they are named).
    static func timeline(named name: String?) -> String {
        name.map { "timeline/\($0)/index.html" } ?? timeline
    }
    /// An event on the timeline page at `page`.
    static func event(_ slug: String, on page: String) -> String { page + "#event-\(slug)" }
    /// Every article, newest first, when there are more than the home page lists: `archive/`,
    /// then `archive/2/` and so on. A folder of its own, so no article's slug can take its place.
    static func archive(page: Int) -> String { page <= 1 ? "archive/index.html" : "archive/\(page)/index.html" }

    /// Every article naming a party or term, when there are more than its page lists: in the
    /// entity's own folder, `parties/SLUG/articles/`, then `parties/SLUG/articles/2/` and so on.
    static func entityArticles(_ ref: EntityRef, page: Int) -> String {
        let folder = entity(ref).dropLast("index.html".count) + "articles/"
        return page <= 1 ? folder + "index.html" : folder + "\(page)/index.html"
    }

    static func entity(_ ref: EntityRef) -> String {
        switch ref {
        case .party(let slug): party(slug)
        case .term(let slug): term(slug)
        }
    }

    /// The relative path from a page back to the site root ("", "../", "../../").
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The address a page is published under: its folder for `index.html` pages.
    static func canonical(_ path: String) -> String {
        path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }
}
