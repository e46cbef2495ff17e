import Testing

@testable import BriefingPreview

@Suite("Resolving request paths to site files")
struct PathResolverTests {
    static let paths: Set<String> = [
        "index.html", "parties/index.html", "parties/vladimir-putin/index.html", "assets/style.css", "404.html",
        "sitemap.xml", "a b/index.html",
    ]

    func resolve(_ target: String) -> PathResolver.Resolution {
        PathResolver.resolve(target, in: Self.paths)
    }

    @Test func filesFoldersAndRedirects() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/index.html") == .file("index.html"))
        #expect(resolve("/parties/") == .file("parties/index.html"))
        #expect(resolve("/parties/vladimir-putin/index.html?x=1#top") == .file("parties/vladimir-putin/index.html"))
        #expect(resolve("//assets//style.css") == .file("assets/style.css"))
        #expect(resolve("/parties") == .redirect(location: "/parties/"))
        #expect(resolve("/parties?q=1") == .redirect(location: "/parties/?q=1"))
        #expect(resolve("//parties") == .redirect(location: "/parties/"))
        #expect(resolve("/a%20b/") == .file("a b/index.html"))
        #expect(resolve("/missing.html") == .notFound)
        #expect(resolve("/assets/") == .notFound)
    }

    /// Every one of these tries to leave the site or smuggle a separator; all must be refused.
    static let traversals = [
        "/../etc/passwd", "/..", "/parties/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/etc/passwd", "/%2e./etc/passwd", "/parties/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd",
        "/%2f..%2f..%2fetc/passwd", "/assets%2fstyle.css", "/..%5c..%5cetc%5cpasswd", "/..\\..\\etc\\passwd",
        "/index.html%00.css", "/%00", "/%252e%252e/etc/passwd".removingPercentEncodingOnce, "/./index.html",
        "/parties/./index.html", "/%c0%ae%c0%ae/etc/passwd", "/%ff", "etc/passwd", "/\u{0}",
    ]

    @Test(arguments: traversals)
    func traversalIsRefused(_ target: String) {
        guard case .refused = resolve(target) else {
            Issue.record("\(target) was not refused: \(resolve(target))")
            return
        }
    }

    @Test func mediaTypes() {
        #expect(MediaTypes.contentType(forPath: "index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "assets/style.css") == "text/css; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "a/app.js") == "text/javascript; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "briefing.json") == "application/json; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "assets/favicon.svg") == "image/svg+xml; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "a.png") == "image/png")
        #expect(MediaTypes.contentType(forPath: "a.JPG") == "image/jpeg")
        #expect(MediaTypes.contentType(forPath: "a.webp") == "image/webp")
        #expect(MediaTypes.contentType(forPath: "a.woff2") == "font/woff2")
        #expect(MediaTypes.contentType(forPath: "Makefile") == "application/octet-stream")
        #expect(MediaTypes.contentType(forPath: ".hidden") == "application/octet-stream")
    }
}

extension String {
    /// `%252e` decoded once is `%2e`: what a double-encoding attack sends after one proxy decodes it.
    fileprivate var removingPercentEncodingOnce: String { removingPercentEncoding ?? self }
}
