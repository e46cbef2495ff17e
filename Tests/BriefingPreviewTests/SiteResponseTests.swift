import BriefingKit
import Foundation
import Testing

@testable import BriefingPreview

@Suite("Answers of the preview's static server")
struct SiteResponseTests {
    static let site = ServedSite(
        [
            OutputFile(path: "index.html", text: "<html><body><p>Home</p></body></html>"),
            OutputFile(path: "parties/index.html", text: "<html><body>Parties</body></html>"),
            OutputFile(path: "404.html", text: "<html><body>Not here</body></html>"),
            OutputFile(path: "assets/style.css", text: "body{}"),
        ], injectReload: true)

    func get(_ target: String, method: String = "GET", ifNoneMatch: String? = nil) -> SiteResponse {
        SiteResponse.respond(method: method, target: target, ifNoneMatch: ifNoneMatch, site: Self.site)
    }

    @Test func htmlGetsTheReloadScriptOthersDoNot() {
        let home = get("/")
        #expect(home.status == 200)
        #expect(
            String(decoding: home.body, as: UTF8.self)
                == "<html><body><p>Home</p><script src=\"/__briefing/reload.js\" defer></script>\n</body></html>")
        #expect(home.headers["Content-Length"] == String(home.body.count))
        #expect(home.headers["Content-Type"] == "text/html; charset=utf-8")
        let css = get("/assets/style.css")
        #expect(String(decoding: css.body, as: UTF8.self) == "body{}")
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
    }

    @Test func etagRevalidationGivesNotModified() throws {
        let first = get("/assets/style.css")
        let etag = try #require(first.headers["ETag"])
        #expect(etag.hasPrefix("\"") && etag.count == 18)
        let again = get("/assets/style.css", ifNoneMatch: etag)
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(get("/assets/style.css", ifNoneMatch: "\"other\", \(etag)").status == 304)
        #expect(get("/assets/style.css", ifNoneMatch: "W/\(etag)").status == 304)
        #expect(get("/assets/style.css", ifNoneMatch: "\"other\"").status == 200)
    }

    @Test func headHasTheHeadersButNoBody() {
        let head = get("/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(get("/").body.count))
    }

    @Test func missingPagesGetTheSites404PageAndStatus() {
        let missing = get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Not here"))
        #expect(missing.headers["ETag"] == nil)
    }

    @Test func redirectsRefusalsAndMethods() {
        let folder = get("/parties")
        #expect(folder.status == 301)
        #expect(folder.headers["Location"] == "/parties/")
        #expect(get("/%2e%2e/etc/passwd").status == 403)
        #expect(get("/" + String(repeating: "a", count: 3000)).status == 414)
        let post = get("/", method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["Allow"] == "GET, HEAD")
    }

    @Test func stateTellsListenersAboutBuildsAndErrors() async {
        let state = PreviewState()
        let (id, states) = state.listen()
        var iterator = states.makeAsyncIterator()
        #expect(await iterator.next() == .state(BuildState(generation: 0, errors: [])))
        state.publish(Self.site)
        #expect(await iterator.next() == .state(BuildState(generation: 1, errors: [])))
        state.publish(errors: ["a.md:1:1: error: bad"])
        #expect(await iterator.next() == .state(BuildState(generation: 1, errors: ["a.md:1:1: error: bad"])))
        // The same site again clears the errors without asking pages to reload.
        state.publish(Self.site)
        #expect(await iterator.next() == .state(BuildState(generation: 1, errors: [])))
        state.heartbeat()
        #expect(await iterator.next() == .heartbeat)
        #expect(state.site.files.count == 4)
        state.stopListening(id)
        #expect(state.listenerCount == 0)
        state.close()
        let (_, closed) = state.listen()
        var closedIterator = closed.makeAsyncIterator()
        #expect(await closedIterator.next() == nil)
    }
}
