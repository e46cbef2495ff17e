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
                if link.utf8.contains(0) {
                    linkBytes += link.utf8.filter { $0 != 0 }
                } else {
                    linkBytes.append(contentsOf: link.utf8)
                }
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

    /// Checks the pages of a whole build as they are written, keeping each page's ids and the
    /// targets of links to pages not yet written, instead of every page's links until the end:
    /// at 10,000 articles the links of all pages took a quarter of a gigabyte.
    ///
    /// `broken` says whether any link fails; which links, on which pages, is then found by reading
    /// the pages again (`check`), so the errors read exactly as a check of all pages at once gives.
    public struct Tracker: Sendable {
        /// A page's ids, and the pages its links point at with the anchors asked of each ("" for
        /// the page alone; a file that is not a page is asked for itself only).
        public struct Targets: Sendable {
            var path: String
            var ids: Set<String>
            var targets: [String: Set<String>]
        }

        /// The ids of each HTML page seen.
        private var ids: [String: Set<String>] = [:]
        /// Targets of pages not yet seen, with the anchors asked of them.
        private var waiting: [String: Set<String>] = [:]
        /// Whether a link already failed.
        private var failed = false

        public init() {}

        /// What one page offers and links to; pages are resolved on all cores, then added in order.
        public static func targets(of page: PageLinks, sitePath: String) -> Targets {
            let links = page.links
            var targets: [String: Set<String>] = Dictionary(minimumCapacity: links.count)
            for href in links {
                let (pathPart, fragment) = split(href)
                guard let target = LinkChecker.target(of: pathPart, from: page.path, sitePath: sitePath) else {
                    continue
                }
                targets[target, default: []].insert(target.hasSuffix(".html") ? fragment ?? "" : "")
            }
            return Targets(path: page.path, ids: page.ids, targets: targets)
        }

        /// Takes in one page: checks the links waiting for it, and its links to pages already seen.
        public mutating func add(_ page: Targets) {
            ids[page.path] = page.ids
            if let anchors = waiting.removeValue(forKey: page.path) {
                for anchor in anchors where !anchor.isEmpty && !page.ids.contains(anchor) { failed = true }
            }
            for (target, anchors) in page.targets {
                if let found = ids[target] {
                    for anchor in anchors where !anchor.isEmpty && !found.contains(anchor) { failed = true }
                } else {
                    waiting[target, default: []].formUnion(anchors)
                }
            }
        }

        /// Whether any link fails, once every file of the site is written; `paths` are all its files.
        public func broken(paths: Set<String>) -> Bool {
            // What still waits is not an HTML page: only the file itself can be asked of it.
            failed || waiting.contains { target, anchors in !paths.contains(target) || anchors != [""] }
        }
    }

    /// The ids and links of an HTML page; nil for other files. The page's bytes are read where
    /// they lie, and an attribute's name is told by its bytes, whatever its letter case.
    public static func links(of file: OutputFile) -> PageLinks? {
        guard file.path.hasSuffix(".html") else { return nil }
        var ids = Set<String>()
        var links: [String] = []
        file.contents.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            scanAttributes(in: bytes) { name, value in
                func lower(_ offset: Int) -> UInt8 { bytes[name.lowerBound + offset] | 0x20 }
                switch name.count {
                case 2 where lower(0) == UInt8(ascii: "i") && lower(1) == UInt8(ascii: "d"):
                    ids.insert(String(decoding: bytes[value], as: UTF8.self))
                case 3
                where lower(0) == UInt8(ascii: "s") && lower(1) == UInt8(ascii: "r") && lower(2) == UInt8(ascii: "c"),
                    4
                where lower(0) == UInt8(ascii: "h") && lower(1) == UInt8(ascii: "r") && lower(2) == UInt8(ascii: "e")
                    && lower(3) == UInt8(ascii: "f"):
                    links.append(String(decoding: bytes[value], as: UTF8.self))
                default: break
                }
            }
        }
        return PageLinks(path: file.path, ids: ids, links: links)
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
        guard let hash = href.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (href, nil) }
        let raw = String(href[href.utf8.index(after: hash)...])
        return (String(href[..<hash]), raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw)
    }

    /// The output path a link's part before `#` points at, from `page`; nil when it leaves the site.
    static func target(of href: String, from page: String, sitePath: String) -> String? {
        if let target = climbedTarget(of: href, from: page) { return target }
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

    /// The target of the commonest link, one that climbs to the root and names a file from there
    /// ("../../parties/x/index.html" from "articles/y/index.html"): the rest of the link as it is.
    /// Nil for any other link, which `target(of:from:sitePath:)` works out step by step.
    private static func climbedTarget(of href: String, from page: String) -> String? {
        let depth = page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        let bytes = href.utf8
        guard bytes.count > 3 * depth else { return nil }
        var index = bytes.startIndex
        for _ in 0..<depth {
            let next = bytes.index(index, offsetBy: 3)
            guard bytes[index..<next].elementsEqual("../".utf8) else { return nil }
            index = next
        }
        // Plain segments only: none empty, none starting with a dot, no query, no escapes.
        var previous = UInt8(ascii: "/")
        for byte in bytes[index...] {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "#"): return nil
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/"): return nil
            case UInt8(ascii: ".") where previous == UInt8(ascii: "/"): return nil
            default: previous = byte
            }
        }
        guard previous != UInt8(ascii: "/") else { return nil }
        return String(href[index...])
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
        bytes.withUnsafeBufferPointer { bytes in
            scanAttributes(in: bytes) { name, value in
                let name =
                    wanted == nil || (2...4).contains(name.count)
                    ? String(decoding: bytes[name], as: UTF8.self).lowercased() : "-"
                guard wanted?.contains(name) ?? true else { return }
                result.append((name, String(decoding: bytes[value], as: UTF8.self)))
            }
        }
        return result
    }

    /// Calls `body` with the places of the name and the value (empty when there is none) of every
    /// attribute of every start tag, in order. Comments are skipped.
    static func scanAttributes(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Range<Int>) -> Void) {
        let count = bytes.count
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        let less = UInt8(ascii: "<")
        let greater = UInt8(ascii: ">")
        let dash = UInt8(ascii: "-")
        let equals = UInt8(ascii: "=")
        while index < count {
            guard bytes[index] == less else {
                index += 1
                continue
            }
            if index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == dash,
                bytes[index + 3] == dash
            {
                // The comment ends at the first "-->", which may share the dashes of its start ("<!-->").
                var close = index + 2
                while close + 2 < count,
                    !(bytes[close] == dash && bytes[close + 1] == dash && bytes[close + 2] == greater)
                {
                    close += 1
                }
                guard close + 2 < count else { break }
                index = close + 3
                continue
            }
            index += 1
            guard index < count, isLetter(bytes[index]) else { continue }
            while index < count, !isSpace(bytes[index]), bytes[index] != greater { index += 1 }
            // Attributes until the end of the tag.
            while index < count, bytes[index] != greater {
                while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                let nameStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != equals, bytes[index] != greater {
                    index += 1
                }
                let nameEnd = index
                while index < count, isSpace(bytes[index]) { index += 1 }
                var value = index..<index
                if index < count, bytes[index] == equals {
                    index += 1
                    while index < count, isSpace(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < count, bytes[index] != quote { index += 1 }
                        value = valueStart..<min(index, count)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < count, !isSpace(bytes[index]), bytes[index] != greater { index += 1 }
                        value = valueStart..<index
                    }
                }
                if nameEnd > nameStart {
                    body(nameStart..<nameEnd, value)
                } else if index < count, bytes[index] != greater {
                    index += 1
                }
            }
        }
    }
}
