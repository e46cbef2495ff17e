import Foundation
import Testing

@testable import BriefingKit

@Suite("Loading scraped and Markdown articles")
struct LoaderTests {
    /// The seed's layout: standfirst, headline, blank line, headline again, dek, body with a repeated block.
    static let seedLayout = """
        Leaders talked for two hours on Tuesday about the war and agreed on very little at all.
        Leaders Talk: Little Agreed

        Leaders Talk: Little Agreed
        Talks yield limited progress as one side rejects the terms.
        First paragraph says what happened in the call.
        Second paragraph gives the “background” — with curly quotes.
        Third paragraph closes.
        Second paragraph gives the "background" - with  curly quotes.
        Third paragraph closes.
        """

    @Test func seedLayoutIsRecognised() throws {
        let article = try RawArticleParser.parse(Self.seedLayout, path: "a.txt", slug: "a")
        #expect(article.title == "Leaders Talk: Little Agreed")
        #expect(
            article.summary == "Leaders talked for two hours on Tuesday about the war and agreed on very little at all."
        )
        #expect(article.dek == "Talks yield limited progress as one side rejects the terms.")
        #expect(article.paragraphs.map(\.number) == [1, 2, 3])
        #expect(article.paragraphs.map(\.line) == [6, 7, 8])
        #expect(article.removed.map(\.line) == [4, 5, 9, 10])
        #expect(article.removed.map(\.isRepeat) == [true, false, true, true])
        #expect(article.removed[1].reason == "read as the sub-headline (dek)")
        #expect(article.removed[2].reason == "repeats line 7")
    }

    @Test func headlineFirstLayoutWithDatelineAndByline() throws {
        let text = """
            North and South Meet Next Week

            Saturday, May 14, 2005
            By Staff Reporter
            Meetings are scheduled for Monday and Tuesday between vice-ministers of the two countries, the first official talks in ten months.
            The initial element is a request for fertilizer.
            """
        let article = try RawArticleParser.parse(text, path: "k.txt", slug: "k")
        #expect(article.title == "North and South Meet Next Week")
        #expect(article.summary == nil)
        #expect(article.date == "2005-05-14")
        #expect(article.byline == "Staff Reporter")
        #expect(article.dek == nil)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].line == 5)
    }

    @Test func sentencesThatMentionADateOrStartWithByStayParagraphs() throws {
        let text = """
            Storm hits coast

            It struck on 3 March 2024.
            By Monday, talks resumed.
            Thousands lost power.
            """
        let article = try RawArticleParser.parse(text, path: "s.txt", slug: "s")
        #expect(article.date == nil)
        #expect(article.byline == nil)
        #expect(article.paragraphs.count == 3)
        #expect(article.removed.isEmpty)
    }

    @Test func aPhotoCaptionIsPageFurnitureNotTheDek() throws {
        let text = """
            Oil Stays Strong

            FILE - A ship is docked at an oil platform in the Gulf.
            FILE - A ship is docked at an oil platform in the Gulf.
            Oil prices rose again Thursday, building on momentum from an agreement to cut production for the first time since 2008.
            """
        let article = try RawArticleParser.parse(text, path: "o.txt", slug: "o")
        #expect(article.dek == nil)
        #expect(article.paragraphs.map(\.line) == [5])
        #expect(article.removed.map(\.line) == [3, 4])
        #expect(article.removed.allSatisfy { $0.reason.hasPrefix("page furniture") })
    }

    @Test func aShortSignOffClosingThePageIsFurnitureButAShortSentenceIsNot() throws {
        let text = """
            Oil prices rise

            Oil prices rose again Thursday after producers agreed to cut their output for the first time in years.
            Thousands lost power.
            VOA News
            SpaceRef staff editor.
            """
        let article = try RawArticleParser.parse(text, path: "o.txt", slug: "o")
        #expect(article.paragraphs.map(\.markdown).last == "Thousands lost power.")
        #expect(article.removed.map(\.line) == [5, 6])
        #expect(article.removed.allSatisfy { $0.reason.hasSuffix("(a short line closing the page)") })
    }

    @Test func pageFurnitureLeavesTheBodyAndIsListed() throws {
        let text = """
            Quake hits the coast

            An earthquake struck the coast on Wednesday, according to the survey, and sources said damage was light.
            Sources
            0:00 0:03:00 0:00
            XS
            This article features first-hand journalism by our members.
            This page is archived, and is no longer publicly editable.
            For more information on the flight, visit:
            Image: United States Geological Survey.
            Related news
            """
        let article = try RawArticleParser.parse(text, path: "q.txt", slug: "q")
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs[0].markdown.hasPrefix("An earthquake struck"))
        #expect(article.removed.map(\.line) == [4, 5, 6, 7, 8, 9, 10, 11])
        #expect(article.removed.allSatisfy { $0.reason.hasPrefix("page furniture") })
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let text = "\u{FEFF}Headline Here\r\n\r\nOne paragraph of body text that is long enough to read as body.\r\n"
        let article = try RawArticleParser.parse(text, path: "w.txt", slug: "w")
        #expect(article.title == "Headline Here")
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs[0].line == 3)
    }

    @Test func emptyAndHeadlineOnlyFilesAreErrorsWithTheirPlace() {
        #expect(
            throws: Diagnostic.error(
                "e.txt", line: 1, column: 1, "article is empty: expected a headline and at least one paragraph")
        ) {
            try RawArticleParser.parse("\n\n  \n", path: "e.txt", slug: "e")
        }
        #expect(throws: Diagnostic.error("h.txt", line: 2, column: 1, "article has a headline but no body paragraphs"))
        {
            try RawArticleParser.parse("\nJust a Headline\n", path: "h.txt", slug: "h")
        }
    }

    @Test func markdownSyntaxInScrapedTextStaysText() throws {
        let text = "Headline\n\n# not a heading *nor emphasis* <b>nor html</b> [nor a link](x) & 1. item\n"
        let article = try RawArticleParser.parse(text, path: "m.txt", slug: "m")
        let markdown = article.paragraphs[0].markdown
        #expect(
            Markdown.plainText(of: markdown)
                == "# not a heading *nor emphasis* <b>nor html</b> [nor a link](x) & 1. item")
        let numbered = try RawArticleParser.parse("Headline\n\n2015. A year to remember\n", path: "n.txt", slug: "n")
        #expect(Markdown.plainText(of: numbered.paragraphs[0].markdown) == "2015. A year to remember")
    }

    @Test func markdownArticleWithFrontMatterAndSections() throws {
        let text = """
            ---
            title: A Headline
            date: 2025-03-18
            source: Example News
            summary: The short version.
            ---

            First paragraph with *emphasis*.

            ## Background

            Second paragraph.

            First paragraph with *emphasis*.
            """
        let (article, warnings) = try MarkdownArticleParser.parse(text, path: "a.md", slug: "a")
        #expect(warnings.isEmpty)
        #expect(article.title == "A Headline")
        #expect(article.date == "2025-03-18")
        #expect(article.source == "Example News")
        #expect(article.paragraphs.map(\.markdown) == ["First paragraph with *emphasis*.", "Second paragraph."])
        #expect(article.paragraphs.map(\.line) == [8, 12])
        #expect(article.paragraphs[1].section == "Background")
        #expect(article.removed.map(\.line) == [14])
    }

    @Test func markdownArticleTakesItsTitleFromALeadingHeading() throws {
        let (article, _) = try MarkdownArticleParser.parse("# The Title\n\nBody.\n", path: "t.md", slug: "t")
        #expect(article.title == "The Title")
        #expect(article.paragraphs.count == 1)
    }

    @Test func markdownArticleWithoutTitleIsAnError() {
        #expect(
            throws: BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        "t.md", line: 1, column: 1,
                        "article has no title: add 'title:' to the front matter or start the body with '# Headline'")
                ])
        ) {
            try MarkdownArticleParser.parse("Body only.\n", path: "t.md", slug: "t")
        }
    }

    @Test func convertedMarkdownReadsBackAsTheSameArticle() throws {
        let raw = try RawArticleParser.parse(Self.seedLayout, path: "a.txt", slug: "a")
        let markdown = try ArticleConverter.markdown(raw)
        #expect(markdown.hasPrefix("---\ntitle: 'Leaders Talk: Little Agreed'\n"))
        let (again, warnings) = try MarkdownArticleParser.parse(markdown, path: "a.md", slug: "a")
        #expect(warnings.isEmpty)
        #expect(again.title == raw.title)
        #expect(again.dek == raw.dek)
        #expect(again.summary == raw.summary)
        #expect(
            again.paragraphs.map { Markdown.plainText(of: $0.markdown) }
                == raw.paragraphs.map { Markdown.plainText(of: $0.markdown) })
        #expect(again.removed.isEmpty)
    }

    @Test func sidecarMetadataOverridesWhatWasDetected() throws {
        var article = try RawArticleParser.parse(Self.seedLayout, path: "a.txt", slug: "a")
        let warnings = try MarkdownArticleParser.applySidecar(
            "date: 2025-03-19\nsource: Example Wire\ncolour: red\n", path: "a.yml", to: &article)
        #expect(article.date == "2025-03-19")
        #expect(article.source == "Example Wire")
        #expect(
            warnings.map(\.description) == [
                "a.yml:3:1: warning: unknown key 'colour' ignored (known keys: byline, date, dek, slug, source, summary, title, url)"
            ])
    }

    /// The folder is listed with one `lstat` of each entry: a link inside the folder is followed
    /// to the file or folder it names, and the stamps read while listing tell an edited sidecar.
    @Test func linksInsideTheFolderAreFollowedAndASidecarEditIsSeen() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-load-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/kept", withIntermediateDirectories: true)
        try Self.seedLayout.write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        try "date: 2025-03-19\n".write(toFile: root + "/a.yml", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: root + "/b.txt", withDestinationPath: "a.txt")
        try "---\nname: Leader One\nkind: person\n---\n".write(
            toFile: root + "/kept/leader-one.md", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: root + "/parties", withDestinationPath: "kept")

        let loader = ContentLoader(directory: root)
        var memo = ContentLoader.ArticleFiles(keeps: true)
        let (content, warnings) = try loader.load(memo: &memo)
        #expect(content.articles.map(\.slug) == ["a", "b"])
        #expect(content.articles.map(\.date) == ["2025-03-19", nil])
        #expect(content.parties.map(\.name) == ["Leader One"])
        #expect(
            warnings.map(\.description) == [
                "\(root)/kept: warning: folder ignored (known folders: parties, terms, events)"
            ])

        // The same size, so only the stamp's time tells the edit.
        try "date: 2025-03-20\n".write(toFile: root + "/a.yml", atomically: true, encoding: .utf8)
        let (again, _) = try loader.load(memo: &memo)
        #expect(again.articles.map(\.date) == ["2025-03-20", nil])
    }

    @Test func nearRepeatKeyIgnoresOnlyWhitespaceQuotesAndDashes() {
        #expect(Text.repeatKey("“Very  good” — he said’s") == Text.repeatKey("\"Very good\" - he said's"))
        #expect(Text.repeatKey("Very good") != Text.repeatKey("very good"))
        #expect(Text.repeatKey("Very good.") != Text.repeatKey("Very good"))
    }

    @Test func slugs() {
        #expect(Text.slug("Putin–Trump Call: Energy!") == "putin-trump-call-energy")
        #expect(Text.slug("Zürich Puskás") == "zurich-puskas")
    }
}
