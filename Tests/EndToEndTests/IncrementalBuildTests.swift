import Foundation
import Testing

@testable import BriefingKit

/// A rebuild through a `BuildCache` renders only what an edit touched; these tests check it
/// writes exactly the files a build from scratch writes, after edits of every kind.
@Suite("Rebuilding after an edit")
struct IncrementalBuildTests {
    /// The seed with its editorial files, and up to four of the sample articles beside it.
    static func content(_ fixture: Fixture) throws -> String {
        let content = try fixture.copyOfContent()
        for name in SampleArticlesTests.articles.prefix(4) {
            try FileManager.default.copyItem(
                atPath: SampleArticlesTests.folder + "/" + name, toPath: content + "/" + name)
        }
        return content
    }

    /// Rebuilds with the cache and from scratch, and expects the same files, byte for byte; the
    /// files the cached build defers are made (unless `makeDeferred` is false) and compared too.
    static func expectSameAsFreshBuild(
        _ options: BuildOptions, cache: BuildCache, _ what: String, makeDeferred: Bool = true,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> BuildReport {
        let (cached, deferred, report) = try Builder.render(options, cache: cache)
        let (fresh, nothingDeferred, _) = try Builder.render(options)
        #expect(nothingDeferred.isEmpty, sourceLocation: sourceLocation)
        // `briefing.json`, then the search index's files as a fresh build writes them.
        #expect(
            deferred.map(\.path)
                == ["briefing.json"] + fresh.map(\.path).filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") },
            sourceLocation: sourceLocation)
        let deferredPaths = Set(deferred.map(\.path))
        #expect(
            cached.map(\.path) == fresh.map(\.path).filter { !deferredPaths.contains($0) },
            "\(what): other files", sourceLocation: sourceLocation)
        guard makeDeferred else { return report }
        let freshByPath = Dictionary(fresh.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        for file in try cached + deferred.map({ try $0.made() }) where freshByPath[file.path] != file.contents {
            Issue.record("\(what): \(file.path) differs from a fresh build", sourceLocation: sourceLocation)
        }
        return report
    }

    /// Short Markdown articles `report-NN.md`, "Report N", dated in January 2025 on the day
    /// `day` gives, with the text `body` gives.
    static func reports(_ numbers: ClosedRange<Int>, day: (Int) -> Int, body: (Int) -> String) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: numbers.map { number in
                (
                    String(format: "report-%02d.md", number),
                    "---\ntitle: Report \(number)\ndate: 2025-01-\(String(format: "%02d", day(number)))\n---\n\n"
                        + body(number)
                )
            })
    }

    static func rendered(_ report: BuildReport) -> String {
        report.stages.first { $0.name == "render" }?.detail ?? ""
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func everyKindOfEditGivesWhatAFreshBuildGives() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try Self.content(fixture)
        let templates = fixture.root + "/Templates"
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: templates)
        var options = fixture.seedOptions(content: content)
        options.templates = templates
        let cache = BuildCache()
        let seed = content + "/putin-trump-call.txt"

        var report = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        let pageCount = report.pages
        #expect(!Self.rendered(report).contains("rendered again"))

        report = try Self.expectSameAsFreshBuild(options, cache: cache, "nothing changed")
        #expect(
            Self.rendered(report) == "nothing the site is made from changed: 0 of \(pageCount) pages rendered again")

        try Self.edit(seed) { $0.replacingOccurrences(of: "was off the table", with: "was not on offer") }
        // Two builds whose deferred files nobody asks for: the next build's are made from a memo
        // two builds old.
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a word changed", makeDeferred: false)
        // The same pages and articles: the sitemap and the feed are the files of the last build.
        #expect(Self.rendered(report).hasSuffix("rendered again, 6 other files (2 as they were)"))

        // A term named anew at the end of a paragraph that events cite: the term lists them.
        try Self.edit(seed) {
            $0.replacingOccurrences(
                of: "which continues to claim numerous lives.",
                with: "which continues to claim numerous lives. Neither side mentioned foreign military support.")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a term named beside events", makeDeferred: false)

        try Self.edit(seed) {
            $0.replacingOccurrences(
                of: "Both leaders have consented",
                with: "Trump said the talks would resume on Friday. Both leaders have consented")
        }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a sentence added", makeDeferred: false)

        try Self.edit(seed) {
            $0.replacingOccurrences(
                of: "Secretary of State Marco Rubio remarked",
                with: "Secretary of State Marco Rubio and NATO Secretary General Mark Rutte remarked")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a new party named")

        try Self.edit(content + "/parties/marco-rubio.md") {
            $0.replacingOccurrences(of: "US Secretary of State", with: "Secretary of State of the United States")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a party's role edited")

        try Self.edit(content + "/terms/ceasefire.md") {
            $0.replacingOccurrences(of: "for a set time or for good", with: "for a set time or for ever")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a term's definition edited")

        try Self.edit(templates + "/party.mustache") { $0.replacingOccurrences(of: "<h1>", with: "<h1 class=\"x\">") }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a template edited")
        #expect(!Self.rendered(report).contains("rendered again"))

        for name in SampleArticlesTests.articles.prefix(4) {
            try Self.edit(content + "/" + name) { text in
                var lines = text.components(separatedBy: "\n")
                lines[0] = "Edited: " + lines[0]
                return lines.joined(separator: "\n")
            }
            _ = try Self.expectSameAsFreshBuild(options, cache: cache, "the first line of \(name) edited")
        }

        try Self.edit(seed) { "Edited summary. " + $0 }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "the seed's first line edited")

        try Self.edit(seed) {
            $0.replacingOccurrences(of: "Putin and Trump Engage in Call", with: "Putin and Trump Hold a Call")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a headline edited")

        // An article removed, and added again: the pages showing it are rendered, not every page.
        // The oldest of the samples, so that the lead article, which every page's description
        // may quote, stays the same.
        let samples = Set(SampleArticlesTests.articles.prefix(4))
        let sample = try #require(
            report.site?.articles.map { ($0.article.path as NSString).lastPathComponent }.last(where: samples.contains))
        let text = try String(contentsOfFile: content + "/" + sample, encoding: .utf8)
        try FileManager.default.removeItem(atPath: content + "/" + sample)
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "an article removed")
        #expect(Self.rendered(report).contains(" pages rendered again"))
        try text.write(toFile: content + "/" + sample, atomically: true, encoding: .utf8)
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "an article added")
        #expect(Self.rendered(report).contains(" pages rendered again"))

        try Self.edit(seed) {
            $0.components(separatedBy: "\n").filter { !$0.hasPrefix("When the US delegation") }.joined(separator: "\n")
        }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "a paragraph removed")
    }

    /// Events added at the end of a long timeline can make a cut that was too near the end
    /// start a page: events of another article that kept their places move to the new page, and
    /// that article's page, which links them, must follow. Sentences are added to the later
    /// article a few at a time, each rebuild checked against a fresh one.
    /// Events added to the second article, whose events fall on day `day`: after all of the
    /// first article's, which keep their places, or before them, which move them all one place
    /// further at each step.
    @Test(arguments: [20, 1])
    func eventsThatKeepTheirPlacesOrMoveAlongButChangePageAreLinkedAnew(day: Int) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // The first article's 545 events are on the 3rd. Some of the additions move them to
        // another page (worked out from the slugs' hashes; the expectation at the end says
        // whether it still happens).
        func sentences(_ range: ClosedRange<Int>, _ day: Int, _ verb: String, _ separator: String) -> String {
            range.map {
                "On \(day) January 2025, President Vladimir Putin \(verb) the envoy of region number \($0) in Moscow."
            }.joined(separator: separator)
        }
        let options = try SeedSiteTests.rawOptions(
            fixture,
            [
                "a-envoys.md": "---\ntitle: Putin receives envoys\ndate: 2025-01-25\n---\n\n"
                    + sentences(1...545, 3, "received", "\n\n"),
                "b-envoys.md": "---\ntitle: Putin thanks envoys\ndate: 2025-01-25\n---\n\n"
                    + sentences(1...3, day, "thanked", " "),
            ])
        let cache = BuildCache()
        let path = options.content + "/b-envoys.md"
        func pages(_ events: [LinkedEvent]) -> [String: String?] {
            let pages = TimelinePages(events)
            return Dictionary(
                uniqueKeysWithValues: events.enumerated().map { ($1.event.slug, pages.name(ofEventAt: $0)) })
        }
        let site = try #require(try Self.expectSameAsFreshBuild(options, cache: cache, "first build").site)
        let first = Set(site.events.filter { $0.citations.first?.article == "a-envoys" }.map(\.event.slug))
        var last = pages(site.events)
        var moved = 0
        for step in 0..<12 {
            let number = 4 + step * 5
            // Sentences added to the last paragraph: the paragraphs are as many as before, so the
            // first article's events are the very ones the last build linked, at their places or
            // as far from the end.
            try Self.edit(path) { $0 + " " + sentences(number...(number + 4), day, "thanked", " ") }
            let report = try Self.expectSameAsFreshBuild(options, cache: cache, "sentences \(number) to \(number + 4)")
            let now = pages(try #require(report.site?.events))
            moved += first.filter { last[$0] != now[$0] }.count
            last = now
        }
        // Some of the first article's events moved, so the case was met.
        #expect(moved > 0)
    }

    /// An article renamed keeps its place among the articles, and so its place in the lists of
    /// articles naming each party: those lists name it anew.
    @Test func anArticleRenamedIsListedUnderItsNewName() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = try SeedSiteTests.rawOptions(
            fixture, Self.reports(1...25, day: { $0 }) { "President Vladimir Putin met envoy \($0) in Moscow.\n" })
        let cache = BuildCache()
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        try FileManager.default.moveItem(
            atPath: options.content + "/report-03.md", toPath: options.content + "/report-03-renamed.md")
        let report = try Self.expectSameAsFreshBuild(options, cache: cache, "an article renamed")
        #expect(Self.rendered(report).contains(" pages rendered again"))
    }

    /// A build that loads what the last one loaded, with the same settings and templates, is
    /// the last one's site: nothing is extracted, linked or rendered again. Anything else it
    /// reads that changed (settings, a template, an article changed and changed back) builds.
    @Test func aFileSavedUnchangedRebuildsNothingButAnyChangeRebuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        let templates = fixture.root + "/Templates"
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: templates)
        let config = fixture.root + "/briefing.yml"
        try FileManager.default.copyItem(atPath: Fixture.repository + "/briefing.yml", toPath: config)
        var options = fixture.seedOptions(content: content)
        options.templates = templates
        options.config = config
        let cache = BuildCache()
        let seed = content + "/putin-trump-call.txt"
        let original = try String(contentsOfFile: seed, encoding: .utf8)
        let nothing = "nothing the site is made from changed"

        var report = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        #expect(!Self.rendered(report).hasPrefix(nothing))
        // Saved as it was: a new stamp, the same text.
        try original.write(toFile: seed, atomically: true, encoding: .utf8)
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "saved unchanged")
        #expect(Self.rendered(report).hasPrefix(nothing))
        #expect(report.stages.map(\.name) == ["config", "load", "render"])

        try Self.edit(config) { $0.replacingOccurrences(of: "no full ceasefire", with: "no ceasefire yet") }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "the site's title edited")
        #expect(!Self.rendered(report).hasPrefix(nothing))

        // The templates are read again when one of their files changed, and only then.
        func templatesStage(_ report: BuildReport) -> String {
            report.stages.first { $0.name == "templates" }?.detail ?? ""
        }
        try Self.edit(templates + "/term.mustache") { $0 + "\n" }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a template edited")
        #expect(!Self.rendered(report).hasPrefix(nothing))
        #expect(!templatesStage(report).hasPrefix("as last loaded"))

        try Self.edit(seed) { $0.replacingOccurrences(of: "was off the table", with: "was not on offer") }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a word changed")
        #expect(templatesStage(report).hasPrefix("as last loaded"))
        try original.write(toFile: seed, atomically: true, encoding: .utf8)
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "the word changed back")
        #expect(!Self.rendered(report).hasPrefix(nothing))
        #expect(Self.rendered(report).contains("rendered again"))
    }

    /// A party named in many articles has pages listing them; an edit renders again the list
    /// page whose counts it changes, and every one when the articles naming the party change.
    @Test func editsReachAPartysPagesOfArticlesAsFarAsTheyChangeThem() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var files: [String: String] = [:]
        // 201 articles name Putin: three pages of them, the last listing one.
        for number in 1...201 {
            files[String(format: "report-%03d.md", number)] =
                "---\ntitle: Report \(number)\ndate: 2025-01-01\n---\n\nPresident Vladimir Putin met envoy \(number) in Moscow.\n\nThe talks were long.\n"
        }
        let options = try SeedSiteTests.rawOptions(fixture, files)
        let templates = try TemplateSet.load(from: options.templatesFolder, requireFolder: false)
        let cache = BuildCache()
        var site = try #require(try Self.expectSameAsFreshBuild(options, cache: cache, "first build").site)
        /// The pages a rebuild renders again after `change` to report 100, checked against a fresh build.
        func edit(_ what: String, _ change: (String) -> String) throws -> Set<String> {
            try Self.edit(options.content + "/report-100.md", change)
            let after = try #require(try Self.expectSameAsFreshBuild(options, cache: cache, what).site)
            let renderer = PageRenderer(site: after, templates: templates)
            let pages = try #require(renderer.pagesChanged(since: PageRenderer(site: site, templates: templates)))
            // Who is named with whom, updated from the last build, is what counting afresh gives.
            let updated = Relations(after, updating: Relations(site), from: site)
            let entities =
                after.parties.map { EntityRef.party($0.party.slug) } + after.terms.map { .term($0.term.slug) }
            #expect(entities.allSatisfy { updated.ties(of: $0) == renderer.relations.ties(of: $0) }, "\(what)")
            #expect(updated.partyPairs().map { "\($0)" } == renderer.relations.partyPairs().map { "\($0)" })
            site = after
            return Set(pages.map(renderer.path(of:)))
        }
        let list = "parties/vladimir-putin/articles/"

        // No party page shows the paragraph.
        var pages = try edit("a paragraph naming no party edited") {
            $0.replacingOccurrences(of: "long", with: "short")
        }
        #expect(pages.contains("articles/report-100/index.html"))
        // The archive gives each article's number of paragraphs, not its words.
        #expect(!pages.contains { $0.hasPrefix("archive/") })
        #expect(!pages.contains { $0.hasPrefix("parties/vladimir-putin/") })
        // Nor do the home page and the lists of parties and terms, which give counts of mentions.
        let lists: Set = ["index.html", "parties/index.html", "terms/index.html"]
        #expect(pages.isDisjoint(with: lists + ["search/index.html", "404.html"]))

        // Of the archive, only the page listing it (by slug among articles of one date: the first).
        pages = try edit("a paragraph added") { $0 + "\nThe envoy left.\n" }
        #expect(pages.filter { $0.hasPrefix("archive/") } == ["archive/index.html"])

        // Its page and the one list page the article is on (by slug among articles of one date: the first).
        pages = try edit("a second mention of the party") {
            $0.replacingOccurrences(of: "The talks", with: "Vladimir Putin's talks")
        }
        #expect(
            Set(pages.filter { $0.hasPrefix("parties/vladimir-putin/") })
                == ["parties/vladimir-putin/index.html", list + "index.html"])
        // The party's count of mentions, on the home page and the list of parties.
        #expect(pages.intersection(lists) == ["index.html", "parties/index.html"])

        // One article fewer changes the count every list page gives, and leaves two pages: the
        // third is gone, and the rebuild renders the party's pages, not every page.
        pages = try edit("an article no longer naming the party") {
            $0.replacingOccurrences(of: "President Vladimir Putin met", with: "The minister met")
                .replacingOccurrences(of: "Vladimir Putin's talks", with: "The talks")
        }
        #expect(pages.isSuperset(of: [list + "index.html", list + "2/index.html"]))
        #expect(!pages.contains(list + "3/index.html"))
        #expect(pages.count < 20, "\(pages.sorted().filter { !$0.hasPrefix("articles/") })")

        // Named again: the third page is back.
        pages = try edit("the party named again") {
            $0.replacingOccurrences(of: "The minister met", with: "President Vladimir Putin met")
        }
        #expect(pages.isSuperset(of: [list + "index.html", list + "2/index.html", list + "3/index.html"]))
        #expect(pages.count < 20, "\(pages.sorted().filter { !$0.hasPrefix("articles/") })")
    }

    /// A party's or term's page quotes sentences and links its first events: an edit that only
    /// moves a mention within its paragraph, or changes an event the page does not link, leaves
    /// the page as it was, and it is not rendered again.
    @Test func pagesShowingNothingAnEditChangedAreNotRenderedAgain() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(
            atPath: fixture.root + "/Content/terms", withIntermediateDirectories: true)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = try #require(calendar.date(from: DateComponents(year: 2024, month: 1, day: 1)))
        // A week apart, so that no two meetings are one event; the term is named in the sentence
        // before each, in the paragraph the event cites.
        let count = PageRenderer.entityListLimit + 20
        var files = ["terms/truce-talks.md": "---\nname: truce talks\n---\n"]
        for number in 1...count {
            let day = calendar.dateComponents(
                [.year, .month, .day], from: calendar.date(byAdding: .day, value: 7 * number, to: start)!)
            files[String(format: "report-%03d.md", number)] =
                "---\ntitle: Report \(number)\ndate: \(String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!))\n---\n\nThe truce talks were long. President Vladimir Putin met envoy \(number) in Moscow on Monday.\n"
        }
        let options = try SeedSiteTests.rawOptions(fixture, files)
        let templates = try TemplateSet.load(from: options.templatesFolder, requireFolder: false)
        let cache = BuildCache()
        var site = try #require(try Self.expectSameAsFreshBuild(options, cache: cache, "first build").site)
        let term = try #require(site.terms.first { $0.term.slug == "truce-talks" })
        #expect(term.events.count == count)
        func edit(_ number: Int, _ what: String, _ change: (String) -> String) throws -> Set<String> {
            try Self.edit(options.content + String(format: "/report-%03d.md", number), change)
            let after = try #require(try Self.expectSameAsFreshBuild(options, cache: cache, what).site)
            let renderer = PageRenderer(site: after, templates: templates)
            let pages = try #require(renderer.pagesChanged(since: PageRenderer(site: site, templates: templates)))
            site = after
            return Set(pages.map(renderer.path(of:)))
        }
        let (party, termPage) = ("parties/vladimir-putin/index.html", "terms/truce-talks/index.html")

        // Putin's mention moves along its paragraph; its sentence is the same.
        var pages = try edit(5, "a word before a mention") {
            $0.replacingOccurrences(of: "were long", with: "were very long")
        }
        #expect(pages.contains("articles/report-005/index.html"))
        #expect(pages.contains(termPage))
        #expect(!pages.contains(party))

        // The newest meeting is past the events the term's page links; the oldest is the first.
        pages = try edit(count, "an event the term's page does not link") {
            $0.replacingOccurrences(of: "on Monday", with: "on Monday evening")
        }
        #expect(pages.contains(party))
        #expect(!pages.contains(termPage))
        pages = try edit(1, "the first event the term's page links") {
            $0.replacingOccurrences(of: "on Monday", with: "on Monday evening")
        }
        #expect(pages.isSuperset(of: [party, termPage]))
    }

    /// The sitemap lists the pages and the feed the articles' headlines and summaries: an edit
    /// that changes neither keeps both files as the last build made them.
    @Test func theSitemapAndFeedAreMadeAgainOnlyWhenWhatTheyListChanged() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var files: [String: String] = [:]
        for number in 1...3 {
            files["report-\(number).md"] =
                "---\ntitle: Report \(number)\ndate: 2025-01-0\(number)\nsummary: Talks, day \(number).\n---\n\nPresident Vladimir Putin met envoy \(number) in Moscow.\n\nThe talks were long.\n"
        }
        let options = try SeedSiteTests.rawOptions(fixture, files)
        let cache = BuildCache()
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        var edits: [String: String] = [:]
        for (what, old, new) in [
            ("a word", "were long", "were short"), ("a summary", "Talks, day 2.", "Talks, second day."),
            (
                "a paragraph added", "were short.\n",
                "were short.\n\nPresident Donald Trump met envoy 2 in Washington.\n"
            ),
        ] {
            try Self.edit(options.content + "/report-2.md") { $0.replacingOccurrences(of: old, with: new) }
            let report = try Self.expectSameAsFreshBuild(options, cache: cache, what)
            edits[what] = Self.rendered(report).components(separatedBy: "other files ").last
        }
        // A new party, Trump, has a page of his own, which the sitemap lists; the feed is the same.
        #expect(
            edits == [
                "a word": "(2 as they were)", "a summary": "(1 as they were)", "a paragraph added": "(1 as they were)",
            ])
    }

    /// A person named for the first time, renamed or no longer named changes the parties, and
    /// with them every name extraction and linking look for; yet only the article naming them
    /// is read again, and only the pages showing them are rendered again.
    @Test func aPersonNamedOrGoneRebuildsOnlyWhatNamesThem() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = try SeedSiteTests.rawOptions(
            fixture,
            Self.reports(1...40, day: { $0 % 28 + 1 }) {
                "President Vladimir Putin met envoy \($0) in Moscow on Monday.\n\nThe talks were long.\n"
            })
        let cache = BuildCache()
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        let report = options.content + "/report-10.md"
        /// How many articles the last build read again for terms, events and mentions.
        func articlesReadAgain() -> [Int] {
            let state = cache.take()
            defer { cache.restore(state) }
            return [
                state.selections.perArticle.computed, state.events.perArticle.computed,
                state.linkedArticles.linked.computed,
            ]
        }
        func renderedAgain(_ report: BuildReport) -> Int {
            Int(Self.rendered(report).split(separator: " ").first ?? "") ?? -1
        }

        try Self.edit(report) { $0 + "\nDeputy Minister Tomas Kerrowa declined to comment on Tuesday.\n" }
        var built = try Self.expectSameAsFreshBuild(options, cache: cache, "a person named")
        var site = try #require(built.site)
        #expect(site.party("tomas-kerrowa") != nil)
        #expect(articlesReadAgain() == [1, 1, 1])
        #expect((1..<built.pages / 4).contains(renderedAgain(built)), "\(Self.rendered(built))")

        try Self.edit(report) { $0.replacingOccurrences(of: "Tomas Kerrowa", with: "Tomas Kerrowin") }
        built = try Self.expectSameAsFreshBuild(options, cache: cache, "the person renamed")
        site = try #require(built.site)
        #expect(site.party("tomas-kerrowa") == nil && site.party("tomas-kerrowin") != nil)
        #expect(articlesReadAgain() == [1, 1, 1])
        #expect((1..<built.pages / 4).contains(renderedAgain(built)), "\(Self.rendered(built))")

        // Moscow acting stands for Russia's government, and every article names Moscow: all are
        // read again. The person is gone, and so are their pages.
        try Self.edit(report) {
            $0.replacingOccurrences(of: "Deputy Minister Tomas Kerrowin declined", with: "Moscow declined")
        }
        built = try Self.expectSameAsFreshBuild(options, cache: cache, "a government named, the person gone")
        site = try #require(built.site)
        #expect(site.party("government-of-russia") != nil && site.party("tomas-kerrowin") == nil)
        #expect(articlesReadAgain() == [40, 40, 40])

        try Self.edit(report) { $0.replacingOccurrences(of: "Moscow declined", with: "No one declined") }
        built = try Self.expectSameAsFreshBuild(options, cache: cache, "no longer named")
        site = try #require(built.site)
        #expect(site.party("government-of-russia") == nil)
    }

    /// A newsroom adds the newest article: with the site's title and description in its
    /// settings, the lead article shows on the home page alone, and the pages showing the new
    /// article are rendered again, not every page. Without them, every page's title is the new
    /// lead's headline, and every page is.
    @Test func aNewerArticleAddedRendersEveryPageOnlyWhereItIsEveryPagesTitle() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var options = try SeedSiteTests.rawOptions(
            fixture,
            Self.reports(1...28, day: { $0 }) {
                "President Vladimir Putin met envoy \($0) in Moscow on Monday.\n\nThe talks were long.\n"
            })
        let settings = fixture.root + "/briefing.yml"
        try "title: Talks in Moscow\ndescription: A briefing on the envoys' talks.\n".write(
            toFile: settings, atomically: true, encoding: .utf8)
        options.config = settings
        let cache = BuildCache()
        var report = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        let newer =
            "---\ntitle: Report 31\ndate: 2025-02-01\nsummary: The envoy came.\n---\n\nPresident Vladimir Putin met envoy 31 in Moscow.\n"
        try newer.write(toFile: options.content + "/report-31.md", atomically: true, encoding: .utf8)
        func renderedAgain(_ report: BuildReport) -> Bool {
            let rendered = Self.rendered(report)
            let again = Int(rendered.split(separator: " ").first ?? "") ?? -1
            return rendered.contains(" pages rendered again") && (1..<report.pages / 2).contains(again)
        }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a newer article added")
        #expect(report.site?.articles.first?.article.slug == "report-31")
        #expect(renderedAgain(report), "\(Self.rendered(report))")
        // The lead article's summary, which the home page shows.
        try Self.edit(options.content + "/report-31.md") {
            $0.replacingOccurrences(of: "The envoy came.", with: "The envoy arrived.")
        }
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "the lead article's summary edited")
        #expect(renderedAgain(report), "\(Self.rendered(report))")

        // Without the settings, the title of every page is the lead article's headline.
        options.config = fixture.root + "/none.yml"
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "the settings gone")
        try newer.replacingOccurrences(of: "31", with: "32").replacingOccurrences(of: "-01\n", with: "-02\n").write(
            toFile: options.content + "/report-32.md", atomically: true, encoding: .utf8)
        report = try Self.expectSameAsFreshBuild(options, cache: cache, "a newer article added, no settings")
        #expect(!Self.rendered(report).contains("rendered again"), "\(Self.rendered(report))")
    }

    /// Without a site description, the lead article's summary describes every page that has
    /// none of its own, so editing it reaches those pages.
    @Test func theLeadArticlesSummaryIsEveryPlainPagesDescription() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        var options = fixture.seedOptions(content: content)
        options.config = fixture.root + "/none.yml"
        let cache = BuildCache()
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "first build")
        try Self.edit(content + "/putin-trump-call.txt") { "An edited summary. " + $0 }
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "the lead article's summary edited")
    }

    @Test func aDeferredFileMadeAfterTheNextBuildIsStillItsOwnBuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        let options = fixture.seedOptions(content: content)
        let cache = BuildCache()
        let (_, before, _) = try Builder.render(options, cache: cache)
        let freshBefore = try Builder.render(options).files.filter { $0.path.hasSuffix("briefing.json") }
        try Self.edit(content + "/putin-trump-call.txt") {
            $0.replacingOccurrences(of: "was off the table", with: "was not on offer")
        }
        let (_, after, _) = try Builder.render(options, cache: cache)
        let freshAfter = try Builder.render(options).files.filter { $0.path.hasSuffix("briefing.json") }
        #expect(freshBefore != freshAfter)
        // The later build's first, so the memo holds its encoding when the earlier one is made.
        #expect([try after[0].made()] == freshAfter)
        #expect([try before[0].made()] == freshBefore)
    }

    @Test func aBrokenEditKeepsTheCacheUsableForTheFix() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        let options = fixture.seedOptions(content: content)
        let cache = BuildCache()
        _ = try Builder.render(options, cache: cache)
        let party = content + "/parties/marco-rubio.md"
        let good = try String(contentsOfFile: party, encoding: .utf8)
        try "---\nname: Rubio\nkind: nobody\n---\n".write(toFile: party, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try Builder.render(options, cache: cache) }
        try good.write(toFile: party, atomically: true, encoding: .utf8)
        _ = try Self.expectSameAsFreshBuild(options, cache: cache, "after the fix")
    }
}
