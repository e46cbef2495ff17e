import BriefingKit
import Foundation
import Synchronization
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
            OutputFile(path: "bare/index.html", text: "<p>No body tag</p>"),
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
        // A page with no `</body>` gets the script at its end.
        let bare = get("/bare/")
        #expect(
            String(decoding: bare.body, as: UTF8.self)
                == "<p>No body tag</p><script src=\"/__briefing/reload.js\" defer></script>\n")
        #expect(bare.headers["Content-Length"] == String(bare.body.count))
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
        #expect(state.site.files.count == 5)
        state.stopListening(id)
        #expect(state.listenerCount == 0)
        state.close()
        let (_, closed) = state.listen()
        var closedIterator = closed.makeAsyncIterator()
        #expect(await closedIterator.next() == nil)
    }

    /// How many times deferred files were made.
    final class Count: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    /// A deferred file that counts how often it is made, and fails when `fails` is set.
    static func deferred(_ path: String, _ text: String, made: Count, fails: Bool = false) -> DeferredFile {
        DeferredFile(path: path) { () throws(BuildFailure) -> Data in
            made.add()
            if fails { throw BuildFailure(stage: "render", diagnostics: [.error(path, "no way to make it")]) }
            return Data(text.utf8)
        }
    }

    @Test func aDeferredFileIsMadeOnTheFirstRequestOnly() throws {
        let made = Count()
        let pages = [OutputFile(path: "index.html", text: "<html><body>Home</body></html>")]
        let site = ServedSite(
            pages, deferred: [Self.deferred("briefing.json", "{}", made: made)], injectReload: true)
        #expect(site.paths == ["index.html", "briefing.json"])
        #expect(made.value == 0)
        let first = SiteResponse.respond(method: "GET", target: "/briefing.json", ifNoneMatch: nil, site: site)
        #expect(first.status == 200)
        #expect(String(decoding: first.body, as: UTF8.self) == "{}")
        #expect(first.headers["Content-Type"] == "application/json; charset=utf-8")
        let etag = try #require(first.headers["ETag"])
        let again = SiteResponse.respond(method: "GET", target: "/briefing.json", ifNoneMatch: etag, site: site)
        #expect(again.status == 304)
        #expect(made.value == 1)
    }

    @Test func aDeferredFileThatCannotBeMadeSaysWhy() {
        let made = Count()
        let site = ServedSite([], deferred: [Self.deferred("briefing.json", "{}", made: made, fails: true)])
        let answer = SiteResponse.respond(method: "GET", target: "/briefing.json", ifNoneMatch: nil, site: site)
        #expect(answer.status == 500)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("briefing.json: error: no way to make it"))
        // The failure is kept with the build, not retried on every request.
        _ = SiteResponse.respond(method: "GET", target: "/briefing.json", ifNoneMatch: nil, site: site)
        #expect(made.value == 1)
    }

    /// A site made from the last one keeps the files whose bytes are the same, makes the changed
    /// and new ones, and drops those no longer built, from its paths as well.
    @Test func aSiteReusingTheLastKeepsOnlyWhatWasBuiltAgain() throws {
        let first = ServedSite(
            [
                OutputFile(path: "index.html", text: "<html><body>One</body></html>"),
                OutputFile(path: "a/index.html", text: "<html><body>A</body></html>"),
                OutputFile(path: "b/index.html", text: "<html><body>B</body></html>"),
            ], injectReload: true)
        let second = ServedSite(
            [
                OutputFile(path: "index.html", text: "<html><body>Two</body></html>"),
                OutputFile(path: "a/index.html", text: "<html><body>A</body></html>"),
                OutputFile(path: "c/index.html", text: "<html><body>C</body></html>"),
            ], injectReload: true, reusing: first)
        #expect(second.paths == ["index.html", "a/index.html", "c/index.html"])
        #expect(second.files.keys.sorted() == ["a/index.html", "c/index.html", "index.html"])
        #expect(second.changedPaths(since: first) == ["b/index.html", "c/index.html", "index.html"])
        let home = try #require(second.files["index.html"])
        #expect(String(decoding: home.contents, as: UTF8.self).hasPrefix("<html><body>Two<script"))
        #expect(second.files["a/index.html"]?.etag == first.files["a/index.html"]?.etag)
        // The same files again: nothing changed, and the paths are the last site's.
        let third = ServedSite(
            [
                OutputFile(path: "index.html", text: "<html><body>Two</body></html>"),
                OutputFile(path: "a/index.html", text: "<html><body>A</body></html>"),
                OutputFile(path: "c/index.html", text: "<html><body>C</body></html>"),
            ], injectReload: true, reusing: second)
        #expect(third.changedPaths(since: second) == [])
        #expect(third.paths == second.paths)
    }

    @Test func deferredFilesCountAsChangedWhenAPageChanged() {
        let made = Count()
        func site(_ home: String, deferring paths: [String] = ["briefing.json"]) -> ServedSite {
            ServedSite(
                [OutputFile(path: "index.html", text: home)],
                deferred: paths.map { Self.deferred($0, "{}", made: made) })
        }
        #expect(site("a").changedPaths(since: site("a")) == [])
        #expect(site("b").changedPaths(since: site("a")) == ["briefing.json", "index.html"])
        #expect(site("a", deferring: []).changedPaths(since: site("a")) == ["briefing.json"])
        // Nothing is made to compare.
        #expect(made.value == 0)
    }
}
