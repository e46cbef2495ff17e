import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Answers HTTP requests from the in-memory site, plus the reload script and the event stream.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        switch path {
        case SiteResponse.eventsPath where request.method == .get:
            return events()
        case SiteResponse.reloadScriptPath where request.method == .get || request.method == .head:
            let body = Data(ReloadScript.source.utf8)
            return response(
                SiteResponse(
                    status: 200,
                    headers: [
                        "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache",
                        "Content-Length": String(body.count),
                    ], body: request.method == .head ? Data() : body))
        default:
            return response(
                SiteResponse.respond(
                    method: request.method.rawValue, target: target, ifNoneMatch: request.headers[.ifNoneMatch],
                    site: state.site))
        }
    }

    private func response(_ site: SiteResponse) -> Response {
        if let file = site.file {
            var fields = file.fields
            if site.status == 404 { fields[.eTag] = nil }
            return Response(
                status: HTTPResponse.Status(code: site.status), headers: fields,
                body: site.headOnly ? ResponseBody() : ResponseBody(byteBuffer: file.buffer))
        }
        var fields = HTTPFields()
        for (name, value) in site.headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: site.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: site.body)))
    }

    /// Server-Sent Events: one `build` event with the current state, then one per build.
    private func events() -> Response {
        let state = self.state
        let body = ResponseBody { writer in
            let (id, states) = state.listen()
            defer { state.stopListening(id) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            // Ends with the server's graceful shutdown, so Ctrl-C does not wait on open pages.
            for await signal in states.cancelOnGracefulShutdown() {
                switch signal {
                case .state(let current):
                    let json = String(decoding: try encoder.encode(current), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: build\ndata: \(json)\n\n"))
                case .heartbeat:
                    // A comment line: browsers ignore it, and writing it fails once the page has gone.
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: body)
    }
}
