import Foundation
import Mustache
import Testing

@testable import BriefingKit

/// The seed's rendered pages, compared byte for byte with reviewed copies in `Golden/`.
///
/// After an intended change, regenerate them with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff before committing.
@Suite("Golden pages of the seed briefing")
struct GoldenTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden"
    ).path

    static func goldenName(_ path: String) -> String {
        path.replacingOccurrences(of: "/", with: "__")
    }

    /// The first line that differs, to keep a failure readable.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of file>"
            if left != right { return "line \(index + 1): built «\(left.prefix(160))», golden «\(right.prefix(160))»" }
        }
        return "no line differs"
    }

    @Test func renderedPagesMatchTheReviewedCopies() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = fixture.seedOptions()
        _ = try Builder.build(options)
        let files = Fixture.files(in: options.output).filter { !$0.key.hasPrefix("assets/") }
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update {
            try? FileManager.default.removeItem(atPath: Self.goldenFolder)
            try FileManager.default.createDirectory(atPath: Self.goldenFolder, withIntermediateDirectories: true)
        }
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let golden = Self.goldenFolder + "/" + Self.goldenName(path)
            if update {
                try data.write(to: URL(fileURLWithPath: golden))
                continue
            }
            guard let expected = FileManager.default.contents(atPath: golden) else {
                Issue.record(
                    "no golden copy of \(path): run UPDATE_GOLDEN=1 swift test --filter GoldenTests and review it")
                continue
            }
            let actual = String(decoding: data, as: UTF8.self)
            let reviewed = String(decoding: expected, as: UTF8.self)
            if actual != reviewed {
                Issue.record("\(path) differs from its golden copy: \(Self.firstDifference(actual, reviewed))")
            }
        }
        let goldenNames = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder)) ?? [])
        #expect(goldenNames == Set(files.keys.map(Self.goldenName)), "golden copies and built pages differ in number")
    }

    /// Templates read views through `child(named:)`, not reflection; every stored field of every
    /// view the seed renders must be reachable that way, nested views and lists included.
    @Test func everyViewFieldReachesTheTemplates() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let site = try #require(try Builder.render(fixture.seedOptions()).report.site)
        let renderer = PageRenderer(
            site: site, templates: try TemplateSet.load(from: Fixture.repository + "/Templates"))
        var views: [Any] = [
            renderer.home(), renderer.timeline(), renderer.partyList(), renderer.termList(), renderer.notFound(),
            renderer.sitemap(["index.html"]),
        ]
        views += site.articles.map { renderer.article($0, path: Routes.article($0.article.slug)) }
        views += site.parties.map { renderer.party($0, path: Routes.party($0.party.slug)) }
        views += site.terms.map { renderer.term($0, path: Routes.term($0.term.slug)) }
        var checked = Set<String>()
        func walk(_ value: Any) {
            if let list = value as? [Any] {
                list.forEach(walk)
                return
            }
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .class else { return }
            guard let parent = value as? any MustacheParent else {
                Issue.record("\(type(of: value)) is not readable by name")
                return
            }
            checked.insert("\(type(of: value))")
            for child in mirror.children {
                guard let label = child.label else { continue }
                let isNil =
                    Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
                if !isNil && parent.child(named: label) == nil {
                    Issue.record("\(type(of: value)).\(label) is not readable by name")
                }
                walk(child.value)
            }
        }
        views.forEach(walk)
        #expect(checked.count >= 14, "checked only \(checked.sorted())")
    }
}
