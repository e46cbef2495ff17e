import Testing

@testable import BriefingKit

@Suite("The cmark wrapper")
struct MarkdownTests {
    @Test func linksAreInsertedIntoTextNodes() {
        let source = "Putin met *Trump* and Putin left."
        let runs = Markdown.textRuns(of: source)
        #expect(runs.compactMap(\.segment) == [0, 1, 2])
        #expect(runs.map(\.text).joined() == "Putin met Trump and Putin left.")
        let html = Markdown.html(
            source,
            links: [
                .init(segment: 0, start: 0, end: 5, url: "p/index.html", title: "Vladimir Putin"),
                .init(segment: 1, start: 0, end: 5, url: "t/index.html", title: "Donald Trump"),
                .init(segment: 2, start: 5, end: 10, url: "p/index.html", title: "Vladimir Putin"),
            ])
        #expect(
            html
                == "<p><a href=\"p/index.html\" title=\"Vladimir Putin\">Putin</a> met <em><a href=\"t/index.html\" title=\"Donald Trump\">Trump</a></em> and <a href=\"p/index.html\" title=\"Vladimir Putin\">Putin</a> left.</p>\n"
        )
    }

    @Test func textSplitByCmarkIsJoinedSoNamesAcrossItAreOneSegment() {
        let runs = Markdown.textRuns(of: "Ballon d\\[Or\\] and AT\\&T win!")
        #expect(runs.count == 1)
        #expect(runs[0].text == "Ballon d[Or] and AT&T win!")
    }

    @Test func existingLinksAreNotNested() {
        let html = Markdown.html(
            "[Putin](https://example.org)", links: [.init(segment: 0, start: 0, end: 5, url: "x", title: "y")])
        #expect(html == "<p><a href=\"https://example.org\">Putin</a></p>\n")
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = Markdown.html(
            "Hi <script>alert(1)</script> [x](javascript:alert(1))\n\n<div onclick=\"x\">block</div>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func topLevelBlocksWithTheirLines() {
        let blocks = Markdown.blocks(of: "# Title\n\nOne\ntwo\n\n## Part\n\n- a\n- b\n")
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .other])
        #expect(blocks.map(\.startLine) == [1, 3, 6, 8])
        #expect(blocks.map(\.endLine) == [1, 4, 6, 9])
        #expect(blocks[1].plainText == "One two")
    }
}
