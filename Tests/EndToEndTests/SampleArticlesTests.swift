import Foundation
import Testing

@testable import BriefingKit

/// The openly licensed sample articles kept beside the repository (not in it), each built
/// alone into a site with no editorial files: the loader must cope with every scrape.
@Suite("Sample articles build into sites")
struct SampleArticlesTests {
    static let folder = URL(fileURLWithPath: Fixture.repository).deletingLastPathComponent()
        .appendingPathComponent("shared/content/articles").path

    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(
        .enabled(if: !articles.isEmpty, "the sample articles are not next to this checkout"),
        arguments: articles)
    func buildsWithHeadlineAndDistinctParagraphs(_ name: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = fixture.root + "/Content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: content + "/" + name)
        var options = fixture.seedOptions(content: content)
        options.config = fixture.root + "/none.yml"
        let report = try Builder.build(options)

        let raw = Fixture.text(Self.folder + "/" + name)
        let firstLine = raw.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        let article = try #require(report.site?.articles.first?.article)
        #expect(article.title == firstLine)
        #expect(!article.paragraphs.isEmpty)
        let keys = article.paragraphs.map { Text.repeatKey(Markdown.plainText(of: $0.markdown)) }
        #expect(Set(keys).count == keys.count)
        var crawler = Crawler(folder: options.output)
        crawler.crawl(from: "index.html")
        #expect(crawler.broken == [])
        let page = Fixture.text(options.output + "/articles/\(article.slug)/index.html")
        #expect(page.contains(#"id="p\#(article.paragraphs.count)""#))
    }
}
