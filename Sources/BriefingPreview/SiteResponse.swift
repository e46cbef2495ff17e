import Foundation

/// What the preview answers to one request, decided without any networking so it can be tested alone.
public struct SiteResponse: Sendable {
    public var status: Int
    /// The file sent whole with status 200 or 404, when the answer is a file of the site.
    let file: ServedFile?
    private var ownHeaders: [String: String]
    private var ownBody: Data
    /// A HEAD request: the same headers, no body.
    var headOnly = false

    init(status: Int, file: ServedFile) {
        self.status = status
        self.file = file
        self.ownHeaders = [:]
        self.ownBody = Data()
    }

    init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.file = nil
        self.ownHeaders = headers
        self.ownBody = body
    }

    public var headers: [String: String] {
        guard let file else { return ownHeaders }
        var headers = [
            "Content-Type": file.contentType, "Content-Length": String(file.length), "ETag": file.etag,
            "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
        ]
        if status == 404 { headers["ETag"] = nil }
        return headers
    }

    public var body: Data { headOnly ? Data() : file?.contents ?? ownBody }

    /// The longest request target answered; the site's own addresses are far shorter.
    public static let maximumTargetLength = 2048

    /// The address of the live-reload script the preview adds to every HTML page it serves.
    public static let reloadScriptPath = "/__briefing/reload.js"
    /// The Server-Sent Events stream that tells pages to reload or show errors.
    public static let eventsPath = "/__briefing/events"

    /// Answers a GET or HEAD for a file of `site`.
    public static func respond(method: String, target: String, ifNoneMatch: String?, site: ServedSite) -> SiteResponse {
        guard method == "GET" || method == "HEAD" else {
            return text(405, "Method Not Allowed", extra: ["Allow": "GET, HEAD"])
        }
        guard target.utf8.count <= maximumTargetLength else { return text(414, "URI Too Long") }
        var response: SiteResponse
        switch PathResolver.resolve(target, in: site.paths) {
        case .file(let path):
            let found: ServedFile?
            do {
                found = try site.file(at: path)
            } catch {
                // Making a deferred file failed: the reason, as a build failure would give it.
                return text(
                    500, (error.diagnostics.map(\.description) + ["could not make \(path)"]).joined(separator: "\n"))
            }
            guard let file = found else { return text(404, "Not Found") }
            if let ifNoneMatch, matches(ifNoneMatch, etag: file.etag) {
                return SiteResponse(
                    status: 304, headers: ["ETag": file.etag, "Cache-Control": "no-cache"], body: Data())
            }
            response = SiteResponse(status: 200, file: file)
        case .redirect(let location):
            response = text(301, "Moved Permanently", extra: ["Location": location])
        case .notFound:
            response = site.files["404.html"].map { SiteResponse(status: 404, file: $0) } ?? text(404, "Not Found")
        case .refused(let reason):
            response = text(403, "Forbidden: \(reason)")
        }
        response.headOnly = method == "HEAD"
        return response
    }

    private static func text(_ status: Int, _ message: String, extra: [String: String] = [:]) -> SiteResponse {
        var headers = ["Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff"]
        headers.merge(extra) { $1 }
        let body = Data((message + "\n").utf8)
        headers["Content-Length"] = String(body.count)
        return SiteResponse(status: status, headers: headers, body: body)
    }

    /// `If-None-Match` holds a list of tags, or `*`; weak tags compare by their value.
    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// The tag of the reload script, which the preview adds to every page it serves but never to
    /// the built files.
    static let reloadTag = Array("<script src=\"\(reloadScriptPath)\" defer></script>\n".utf8)

    /// Where the reload script goes in a page: before its last `</body>`, or at the end.
    static func scriptOffset(in html: Data) -> Int {
        guard let range = html.range(of: Data("</body>".utf8), options: .backwards) else { return html.count }
        return html.distance(from: html.startIndex, to: range.lowerBound)
    }
}
