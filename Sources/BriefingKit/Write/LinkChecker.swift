import Foundation

/// Checks every internal link and `#anchor` of the rendered pages before anything is written.
///
/// Same-page anchors are checked too. A link with a scheme (`https:`, `mailto:`) leaves the site
/// and is not followed; a link starting with `/` is read against the site's own path.
public enum LinkChecker {
    /// The broken links, one error each, naming the page and the link.
    public static func check(_ files: [OutputFile], sitePath: String = "/", outputName: String = "Public")
        -> [Diagnostic]
    {
        let paths = Set(files.map(\.path))
        var ids: [String: Set<String>] = [:]
        var links: [(page: String, href: String)] = []
        for file in files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            ids[file.path] = Set(attributeValues("id", in: html))
            for href in attributeValues("href", in: html) + attributeValues("src", in: html) {
                links.append((file.path, href))
            }
        }
        var diagnostics: [Diagnostic] = []
        for (page, href) in links {
            guard let (target, fragment) = resolve(href, from: page, sitePath: sitePath) else { continue }
            let location = outputName + "/" + page
            guard paths.contains(target) else {
                diagnostics.append(.error(location, "broken link '\(href)': \(outputName)/\(target) does not exist"))
                continue
            }
            if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !(ids[target]?.contains(fragment) ?? false) {
                diagnostics.append(
                    .error(
                        location, "broken link '\(href)': \(outputName)/\(target) has no element with id '\(fragment)'")
                )
            }
        }
        return diagnostics
    }

    /// The output path and fragment a link points at, or nil when it leaves the site.
    static func resolve(_ rawHref: String, from page: String, sitePath: String) -> (String, String?)? {
        let href = rawHref.replacingOccurrences(of: "&amp;", with: "&")
        if href.isEmpty { return (page, nil) }
        if let colon = href.firstIndex(of: ":"), !href[..<colon].contains("/"), !href[..<colon].contains("#") {
            return nil
        }
        if href.hasPrefix("//") { return nil }
        var pathPart = href
        var fragment: String?
        if let hash = href.firstIndex(of: "#") {
            fragment = String(href[href.index(after: hash)...]).removingPercentEncoding
            pathPart = String(href[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        if pathPart.isEmpty { return (page, fragment) }

        var segments: [Substring]
        if pathPart.hasPrefix("/") {
            let base = sitePath.hasSuffix("/") ? sitePath : sitePath + "/"
            guard pathPart.hasPrefix(base) else { return ("<outside the site>" + pathPart, fragment) }
            segments = []
            pathPart = String(pathPart.dropFirst(base.count))
        } else {
            segments = page.split(separator: "/").dropLast()
        }
        for part in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                if segments.isEmpty { return ("<above the site root>/" + pathPart, fragment) }
                segments.removeLast()
            default: segments.append(part)
            }
        }
        var target = segments.joined(separator: "/")
        if pathPart.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return (target.removingPercentEncoding ?? target, fragment)
    }

    /// Values of an attribute in double quotes, as the templates write them.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(String(rest[valueStart..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return values
    }
}
