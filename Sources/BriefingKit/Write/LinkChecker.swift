import Foundation

/// Checks every internal link and `#anchor` of the rendered pages before anything is written.
///
/// Same-page anchors are checked too. A link with a scheme (`https:`, `mailto:`) leaves the site
/// and is not followed; a link starting with `/` is read against the site's own path.
public enum LinkChecker {
    /// What a page offers and asks for: its element ids and the targets of its links.
    public struct PageLinks: Sendable {
        public var path: String
        public var ids: Set<String>
        /// Each different link once, in the order the page first has it, as UTF-8 ended by a zero
        /// byte: the links of every page are kept until all pages are written, and one buffer
        /// per page takes a fraction of the memory of a string per link.
        private var linkBytes: [UInt8]

        public init(path: String, ids: Set<String>, links: [String]) {
            self.path = path
            self.ids = ids
            var seen = Set<String>()
            linkBytes = []
            for link in links where seen.insert(link).inserted {
                linkBytes += link.utf8.filter { $0 != 0 }
                linkBytes.append(0)
            }
        }

        /// The page's links, each once.
        public var links: [String] {
            linkBytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// The ids and links of an HTML page; nil for other files.
    public static func links(of file: OutputFile) -> PageLinks? {
        guard file.path.hasSuffix(".html") else { return nil }
        let attributes = attributes(in: [UInt8](file.contents), only: ["id", "href", "src"])
        return PageLinks(
            path: file.path, ids: Set(attributes.filter { $0.name == "id" }.map(\.value)),
            links: attributes.filter { $0.name == "href" || $0.name == "src" }.map(\.value))
    }

    /// The broken links, one error each, naming the page and the link.
    public static func check(_ files: [OutputFile], sitePath: String = "/", outputName: String = "Public")
        -> [Diagnostic]
    {
        check(
            Parallel.map(files) { links(of: $0) }.compactMap { $0 }, paths: Set(files.map(\.path)),
            sitePath: sitePath, outputName: outputName)
    }

    /// The broken links among pages already reduced to their ids and links; `paths` are all the
    /// files of the site, and `ids` the ids of every page when `pages` are only some of them.
    public static func check(
        _ pages: [PageLinks], paths: Set<String>, ids: [String: Set<String>]? = nil, sitePath: String = "/",
        outputName: String = "Public"
    ) -> [Diagnostic] {
        let ids = ids ?? Dictionary(pages.map { ($0.path, $0.ids) }, uniquingKeysWith: { first, _ in first })
        // Pages are checked in one run of neighbouring pages per core, so that each run still resolves
        // a shared link once; the errors keep the pages' order.
        let chunkSize = max(64, pages.count / ProcessInfo.processInfo.activeProcessorCount + 1)
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map {
            Array(pages[$0..<min($0 + chunkSize, pages.count)])
        }
        return Parallel.map(chunks) { chunk in
            check(chunk, paths: paths, ids: ids, sitePath: sitePath, outputName: outputName)
        }.flatMap { $0 }
    }

    private static func check(
        _ pages: [PageLinks], paths: Set<String>, ids: [String: Set<String>], sitePath: String, outputName: String
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Pages in one folder share most links ("../../parties/x/index.html"): each is resolved
        // and checked once per folder; a same-page anchor is checked on its own page.
        var checked: [String: Set<String>] = [:]
        var targets: [String: [String: String?]] = [:]
        for page in pages {
            let folder = page.path.lastIndex(of: "/").map { String(page.path[..<$0]) } ?? ""
            let depth = page.path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            let climb = String(repeating: "../", count: depth)
            for href in page.links {
                // "", "#x" and "?v=1#x" all point back at the page itself.
                let samePage = href.utf8.first.map { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? true
                // A link that climbs to the root first ("../../parties/…") means the same from
                // every folder as deep: check it once per depth.
                let scope = depth > 0 && href.utf8.starts(with: climb.utf8) ? "\u{0}\(depth)" : folder
                if !samePage, checked[scope, default: []].contains(href) { continue }
                // Many links share a page and differ in their anchor ("…/index.html#p3"): the page
                // part is resolved once per scope, and the anchor looked up on it.
                let (pathPart, fragment) = split(href)
                let target: String?
                if samePage {
                    target = Self.target(of: pathPart, from: page.path, sitePath: sitePath)
                } else if let known = targets[scope]?[pathPart] {
                    target = known
                } else {
                    target = Self.target(of: pathPart, from: page.path, sitePath: sitePath)
                    targets[scope, default: [:]][pathPart] = .some(target)
                }
                guard let target else { continue }
                let location = outputName + "/" + page.path
                var broken: String?
                if !paths.contains(target) {
                    broken = "broken link '\(href)': \(outputName)/\(target) does not exist"
                } else if let fragment, !fragment.isEmpty, target.hasSuffix(".html"),
                    !(ids[target]?.contains(fragment) ?? false)
                {
                    broken = "broken link '\(href)': \(outputName)/\(target) has no element with id '\(fragment)'"
                }
                if let broken {
                    diagnostics.append(.error(location, broken))
                } else if !samePage {
                    checked[scope, default: []].insert(href)
                }
            }
        }
        return diagnostics
    }

    /// The output path and fragment a link points at, or nil when it leaves the site.
    static func resolve(_ rawHref: String, from page: String, sitePath: String) -> (String, String?)? {
        let (pathPart, fragment) = split(rawHref)
        return target(of: pathPart, from: page, sitePath: sitePath).map { ($0, fragment) }
    }

    /// A link's part before `#` and its fragment, percent-decoded, with `&amp;` read as `&`.
    static func split(_ rawHref: String) -> (path: String, fragment: String?) {
        let href =
            rawHref.utf8.contains(UInt8(ascii: "&")) ? rawHref.replacingOccurrences(of: "&amp;", with: "&") : rawHref
        guard let hash = href.firstIndex(of: "#") else { return (href, nil) }
        let raw = String(href[href.index(after: hash)...])
        return (String(href[..<hash]), raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw)
    }

    /// The output path a link's part before `#` points at, from `page`; nil when it leaves the site.
    static func target(of href: String, from page: String, sitePath: String) -> String? {
        if let colon = href.firstIndex(of: ":"), !href[..<colon].utf8.contains(UInt8(ascii: "/")) { return nil }
        if href.hasPrefix("//") { return nil }
        var pathPart = href
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        if pathPart.isEmpty { return page }

        var segments: [Substring]
        if pathPart.hasPrefix("/") {
            let base = sitePath.hasSuffix("/") ? sitePath : sitePath + "/"
            guard pathPart.hasPrefix(base) else { return "<outside the site>" + pathPart }
            segments = []
            pathPart = String(pathPart.dropFirst(base.count))
        } else {
            segments = page.split(separator: "/").dropLast()
        }
        for part in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                if segments.isEmpty { return "<above the site root>/" + pathPart }
                segments.removeLast()
            default: segments.append(part)
            }
        }
        var target = segments.joined(separator: "/")
        if pathPart.hasSuffix("/") || target.isEmpty { target += target.isEmpty ? "index.html" : "/index.html" }
        return target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding ?? target : target
    }

    /// Values of an attribute in the page's tags, whatever the quoting, spacing or letter case.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let wanted = name.lowercased()
        return attributes(in: html).filter { $0.name == wanted }.map(\.value)
    }

    /// Every attribute of every start tag, names lowercased. Comments are skipped.
    static func attributes(in html: String, only wanted: Set<String>? = nil) -> [(name: String, value: String)] {
        attributes(in: Array(html.utf8), only: wanted)
    }

    static func attributes(in bytes: [UInt8], only wanted: Set<String>? = nil) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"),
                bytes[index + 3] == UInt8(ascii: "-")
            {
                let rest = String(decoding: bytes[index...], as: UTF8.self)
                guard let close = rest.range(of: "-->") else { break }
                index += rest.utf8.distance(from: rest.startIndex, to: close.upperBound)
                continue
            }
            index += 1
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            // Attributes until the end of the tag.
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                let nameStart = index
                while index < bytes.count, !isSpace(bytes[index]),
                    ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(bytes[index])
                {
                    index += 1
                }
                let name =
                    wanted == nil || (2...4).contains(index - nameStart)
                    ? String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased() : "-"
                let keep = wanted?.contains(name) ?? true
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        if keep { value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self) }
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                            index += 1
                        }
                        if keep { value = String(decoding: bytes[valueStart..<index], as: UTF8.self) }
                    }
                }
                if !name.isEmpty {
                    if keep { result.append((name, value)) }
                } else if index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
            }
        }
        return result
    }
}
