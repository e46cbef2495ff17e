import Foundation

@testable import BriefingKit

/// Paths of the repository and a scratch folder for one test's builds.
struct Fixture {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Options that build the repository's seed briefing into `output` inside the scratch folder.
    func seedOptions(output: String = "Public", content: String? = nil) -> BuildOptions {
        BuildOptions(
            content: content ?? Self.repository + "/Content", templates: Self.repository + "/Templates",
            output: root + "/" + output, config: Self.repository + "/briefing.yml")
    }

    /// A copy of the repository's content folder that a test may change.
    func copyOfContent() throws -> String {
        let copy = root + "/Content"
        try FileManager.default.copyItem(atPath: Self.repository + "/Content", toPath: copy)
        return copy
    }

    /// Every file under a folder, relative path → bytes.
    static func files(in folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: folder + "/" + relative) {
                files[relative] = data
            }
        }
        return files
    }

    static func text(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

/// A small crawler written apart from the build's own link check, so the two check each other.
struct Crawler {
    struct Link: Hashable {
        var page: String
        var href: String
    }

    let folder: String
    private(set) var visited: Set<String> = []
    private(set) var broken: [String] = []
    private(set) var links: [Link] = []

    init(folder: String) {
        self.folder = folder
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Follows every relative link from `start`, checking that each file and fragment exists.
    mutating func crawl(from start: String) {
        var queue = [start]
        while let page = queue.popLast() {
            guard visited.insert(page).inserted else { continue }
            let html = Fixture.text(folder + "/" + page)
            for href in Self.matches(#"(?:href|src)="([^"]*)""#, in: html) {
                links.append(Link(page: page, href: href))
                if href.contains("://") || href.hasPrefix("mailto:") { continue }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let base = URL(fileURLWithPath: folder + "/" + page)
                let target =
                    parts[0].isEmpty
                    ? base : URL(fileURLWithPath: parts[0], relativeTo: base.deletingLastPathComponent())
                let path = target.standardizedFileURL.path
                guard path.hasPrefix(folder + "/"), FileManager.default.fileExists(atPath: path) else {
                    broken.append("\(page): \(href) (no file)")
                    continue
                }
                let relative = String(path.dropFirst(folder.count + 1))
                if parts.count == 2, !parts[1].isEmpty {
                    let ids = Self.matches(#"\bid="([^"]*)""#, in: Fixture.text(path))
                    if !ids.contains(parts[1]) { broken.append("\(page): \(href) (no id)") }
                }
                if relative.hasSuffix(".html") { queue.append(relative) }
            }
        }
    }
}
