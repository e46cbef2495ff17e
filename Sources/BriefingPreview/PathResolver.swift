import Foundation

/// Maps a request's raw path to a file of the site, refusing anything that could leave it.
///
/// Works on the path as sent, before any decoding by a framework, so that encoded tricks
/// (`%2e%2e`, `%2f`, `%5c`, `%00`) are seen and refused rather than normalised away.
public enum PathResolver {
    public enum Resolution: Equatable, Sendable {
        /// A file of the site, by its path relative to the site root.
        case file(String)
        /// A folder asked for without its trailing slash: send the browser to `location`.
        case redirect(location: String)
        /// Nothing at this address.
        case notFound
        /// A path that tries to leave the site or is malformed.
        case refused(reason: String)
    }

    public static func resolve(_ rawTarget: String, in paths: Set<String>) -> Resolution {
        var raw = rawTarget
        var query = ""
        if let mark = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            query = raw[mark] == "?" ? String(raw[mark...]) : ""
            raw = String(raw[..<mark])
        }
        guard raw.hasPrefix("/") else { return .refused(reason: "path must start with '/'") }
        let lowered = raw.lowercased()
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) {
            return .refused(reason: "encoded '/', '\\' or NUL in path")
        }
        guard let decoded = raw.removingPercentEncoding else {
            return .refused(reason: "invalid percent-encoding")
        }
        if decoded.contains("\\") || decoded.contains("\0")
            || decoded.unicodeScalars.contains(where: { $0.value < 0x20 })
        {
            return .refused(reason: "control character or backslash in path")
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) {
            return .refused(reason: "'.' or '..' segment in path")
        }
        let relative = segments.joined(separator: "/")
        if relative.isEmpty || decoded.hasSuffix("/") {
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            return paths.contains(index) ? .file(index) : .notFound
        }
        if paths.contains(relative) { return .file(relative) }
        if paths.contains(relative + "/index.html") {
            // Built from the normalised path: "//host" must never become a redirect to another host.
            let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
            return .redirect(location: "/" + encoded + "/" + query)
        }
        return .notFound
    }
}
