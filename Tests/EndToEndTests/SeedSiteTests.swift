import Foundation
import Synchronization
import Testing

@testable import BriefingKit

@Suite("Building the seed briefing end to end", .serialized)
struct SeedSiteTests {
    static let rawSeed = Fixture.text(Fixture.repository + "/Content/putin-trump-call.txt")

    /// Options building a content folder that holds only the given article files, with no configuration.
    static func rawOptions(_ fixture: Fixture, _ files: [String: String]) throws -> BuildOptions {
        let content = fixture.root + "/Content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: content + "/" + name, atomically: true, encoding: .utf8)
        }
        var options = fixture.seedOptions(content: content)
        options.config = fixture.root + "/none.yml"
        return options
    }

    @Test func theSeedBuildsIntoACompleteLinkedSite() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = fixture.seedOptions()
        var lines: [String] = []
        let report = try Builder.build(options) { lines.append($0) }
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(
            lines.map { String($0.prefix(9)).trimmingCharacters(in: .whitespaces) } == [
                "config", "load", "extract", "link", "templates", "prepare", "render", "check", "write",
            ])

        let output = options.output
        let files = Fixture.files(in: output)
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let site = try #require(report.site)
        #expect(site.parties.count >= 8)
        #expect(site.terms.count >= 6)
        // Home, article, timeline, parties, terms, search and 404, then one page per party and term.
        #expect(pages.count == 7 + site.parties.count + site.terms.count)
        for required in [
            "index.html", "404.html", "timeline/index.html", "parties/index.html", "terms/index.html",
            "articles/putin-trump-call/index.html", "sitemap.xml", "robots.txt", "briefing.json", "assets/style.css",
            "assets/briefing.js", "search/index.html", "search/index.js", "feed.xml",
        ] {
            #expect(files[required] != nil, "missing \(required)")
        }

        // The article: 7 paragraphs with anchors p1…p7, none repeated.
        let article = Fixture.text(output + "/articles/putin-trump-call/index.html")
        let anchors = Crawler.matches(#"<section class="paragraph" id="(p\d+)""#, in: article)
        #expect(anchors == (1...7).map { "p\($0)" })
        let paragraphs = Crawler.matches(#"(?s)<section class="paragraph"[^>]*>.*?(<p>.*?</p>)"#, in: article)
        #expect(paragraphs.count == 7)
        #expect(Set(paragraphs).count == 7)
        #expect(article.components(separatedBy: "asserted that any lasting").count == 2)
        #expect(
            article.contains(#"<h1>Putin and Trump Engage in Call: Energy Attack Pause but No Full Ceasefire</h1>"#))
        #expect(
            article.contains(
                #"<p class="dek">Recent negotiations yield limited progress as Putin rejects comprehensive ceasefire terms.</p>"#
            ))

        // Every page is reachable from the home page, and every link and anchor resolves.
        var crawler = Crawler(folder: output)
        crawler.crawl(from: "index.html")
        #expect(crawler.broken == [])
        #expect(Set(pages).subtracting(crawler.visited).subtracting(["404.html"]) == [])

        // Each party and term page links back to the paragraphs that mention it, and the article links to it.
        for party in site.parties where !party.mentions.isEmpty {
            let page = Fixture.text(output + "/parties/\(party.party.slug)/index.html")
            #expect(
                page.contains(#"href="../../articles/putin-trump-call/index.html#p"#),
                "\(party.party.slug) has no backlink")
            #expect(
                article.contains(#"href="../../parties/\#(party.party.slug)/index.html""#),
                "article does not link \(party.party.slug)")
        }
        for term in site.terms {
            #expect(!term.mentions.isEmpty, "term \(term.term.slug) is never mentioned")
            let page = Fixture.text(output + "/terms/\(term.term.slug)/index.html")
            #expect(page.contains(#"<mark>"#))
            #expect(article.contains(#"href="../../terms/\#(term.term.slug)/index.html""#))
        }
        let putin = Fixture.text(output + "/parties/vladimir-putin/index.html")
        #expect(
            putin.contains(
                #"<blockquote><p>In a significant diplomatic interaction, <mark>Russian President Vladimir Putin</mark> chose not to embrace a complete ceasefire agreement during a recent call with US President Donald Trump.</p></blockquote>"#
            ))

        // Timeline events link to their source paragraphs and parties.
        let timeline = Fixture.text(output + "/timeline/index.html")
        #expect(Crawler.matches(#"<li id="(event-[a-z0-9-]+)""#, in: timeline).count == site.events.count)
        #expect(timeline.contains(#"href="../articles/putin-trump-call/index.html#p3""#))
        #expect(timeline.contains(#"href="../parties/marco-rubio/index.html""#))

        // The sitemap lists every page but the 404 page, with absolute addresses: the preview
        // server's, as the seed's settings give no base URL.
        let sitemap = Fixture.text(output + "/sitemap.xml")
        let locations = Set(Crawler.matches("<loc>([^<]*)</loc>", in: sitemap))
        let expected = Set(pages.filter { $0 != "404.html" }.map { SiteConfig.previewBaseURL + Routes.canonical($0) })
        #expect(locations == expected)
        #expect(Fixture.text(output + "/robots.txt").contains("Sitemap: \(SiteConfig.previewBaseURL)sitemap.xml"))

        // The machine-readable model carries the numbered paragraphs.
        let json = try JSONSerialization.jsonObject(with: try #require(files["briefing.json"])) as? [String: Any]
        let articles = json?["articles"] as? [[String: Any]]
        #expect((articles?.first?["paragraphs"] as? [Any])?.count == 7)

        // No page asks for anything outside the site.
        for page in pages {
            let html = Fixture.text(output + "/" + page)
            #expect(
                Crawler.matches(#"(?:src|href)="(https?://[^"]*)""#, in: html).filter {
                    !$0.hasPrefix("http://localhost:8000/")
                } == [])
        }
    }

    @Test func theRawSeedAloneBuildsWithItsPartiesAndTermsFound() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = try Self.rawOptions(fixture, ["putin-trump-call.txt": Self.rawSeed])
        let report = try Builder.build(options)
        let site = try #require(report.site)
        #expect(site.parties.count == 10)
        #expect(site.party("vladimir-putin")?.mentions.count == 8)
        let page = Fixture.text(options.output + "/parties/marco-rubio/index.html")
        #expect(page.contains("<p class=\"dek\">Secretary of State</p>"))
        var crawler = Crawler(folder: options.output)
        crawler.crawl(from: "index.html")
        #expect(crawler.broken == [])
        #expect(crawler.visited.contains("parties/the-kremlin/index.html"))
        // Terms found in the text get pages too, described by the sentence that first uses them.
        let terms = Set(site.terms.map(\.term.slug))
        #expect(terms.isSuperset(of: ["ceasefire", "energy-infrastructure", "maritime-ceasefire"]))
        #expect((site.term("ceasefire")?.mentions.count ?? 0) >= 5)
        #expect(crawler.visited.contains("terms/maritime-ceasefire/index.html"))
        let list = Fixture.text(options.output + "/terms/index.html")
        #expect(list.contains("As used: \u{201C}"))
        // The timeline is found too: ordered, each event citing its paragraph; with no publication
        // date it keeps the article's wording and dates nothing.
        #expect(site.events.count >= 8)
        #expect(site.events.allSatisfy { $0.event.date == nil && $0.citations.count == 1 })
        let timeline = Fixture.text(options.output + "/timeline/index.html")
        #expect(timeline.contains("the week prior"))
        #expect(timeline.contains("../articles/putin-trump-call/index.html#p3"))
        let first = try #require(site.events.firstIndex { $0.event.when == "the week prior" })
        let planned = try #require(site.events.firstIndex { $0.event.status == .planned })
        #expect(first < planned)
    }

    @Test func twoBuildsOfOneOutputInOneProcessLeaveACompleteSite() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = fixture.seedOptions()
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try Builder.build(options)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        var crawler = Crawler(folder: options.output)
        crawler.crawl(from: "index.html")
        #expect(crawler.broken == [] && crawler.visited.count > 20)
        // No staging folder is left, only the spare: a site some build replaced.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".Public.spare"])
    }

    @Test func aBusyPartyPageQuotesTheNewestSentencesAndSaysHowManyMore() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let lines = (1...70).map { "President Vladimir Putin met the envoys of region number \($0) in Moscow." }
        let options = try Self.rawOptions(
            fixture, ["envoys.txt": "Putin meets envoys\n\n" + lines.joined(separator: "\n")])
        _ = try Builder.build(options)
        let page = Fixture.text(options.output + "/parties/vladimir-putin/index.html")
        #expect(page.components(separatedBy: "<blockquote>").count - 1 == PageRenderer.entityListLimit)
        #expect(page.contains("And 10 more sentences, in the articles listed above."))
        #expect(page.contains("region number 1 in Moscow") && !page.contains("region number 70 in Moscow"))
    }

    @Test func aLongTimelineIsPagedAndEventLinksFindTheirPage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let lines = (1...450).map { "President Vladimir Putin received the envoy of region number \($0) in Moscow." }
        let options = try Self.rawOptions(
            fixture, ["envoys.txt": "Putin receives envoys\n\n" + lines.joined(separator: "\n")])
        let site = try #require(try Builder.build(options).site)
        #expect(site.events.count == 450)
        // The pages, followed from the first by their "Later events" links: each page after the
        // first is named by its first event, and links back to the one before.
        var paths = ["timeline/index.html"]
        var events: [[String]] = []
        while let path = paths.last {
            let page = Fixture.text(options.output + "/" + path)
            let anchors = page.components(separatedBy: "<li id=\"event-").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
            events.append(anchors)
            if paths.count > 1 {
                let name = ContentCuts.name(ContentCuts.hash(anchors.first ?? ""))
                #expect(path == "timeline/\(name)/index.html")
                #expect(page.contains("<a href=\"../../\(paths[paths.count - 2])\" rel=\"prev\">Earlier events</a>"))
            }
            guard let next = page.range(of: "\" rel=\"next\">Later events</a>") else { break }
            // The link climbs to the root ("../" or "../../"), then names the page.
            let link = page[..<next.lowerBound]
            let href = link[link.index(after: link.lastIndex(of: "\"")!)...]
            paths.append(href.replacingOccurrences(of: "../", with: ""))
        }
        #expect(events.count > 1)
        #expect(events.flatMap { $0 } == site.events.map(\.event.slug))
        #expect(events.allSatisfy { (TimelinePages.cuts.minimum...TimelinePages.cuts.maximum).contains($0.count) })
        // An event on the second page is linked there from the paragraph it cites.
        let event = try #require(events.dropFirst().first?.last)
        let article = Fixture.text(options.output + "/articles/envoys/index.html")
        #expect(article.contains("../../\(paths[1])#event-\(event)"))
    }

    @Test func manyArticlesGoToAPagedArchiveAndTheHomePageListsTheNewest() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // 230 short articles, one a day: the home page lists 20, the archive 100 a page.
        var files: [String: String] = [:]
        for number in 1...230 {
            let day = Calendar(identifier: .gregorian).date(
                byAdding: .day, value: number, to: Date(timeIntervalSince1970: 1_735_689_600))!
            let date = ISO8601DateFormatter.string(from: day, timeZone: .gmt, formatOptions: [.withFullDate])
            files[String(format: "report-%03d.md", number)] =
                "---\ntitle: Report \(number)\ndate: \(date)\n---\n\nPresident Vladimir Putin met envoy \(number) in Moscow.\n"
        }
        let options = try Self.rawOptions(fixture, files)
        _ = try Builder.build(options)
        let home = Fixture.text(options.output + "/index.html")
        #expect(home.components(separatedBy: "<li><a href=\"articles/").count - 1 == PageRenderer.homeArticleLimit)
        #expect(home.contains(">Report 230</a>") && !home.contains(">Report 210</a>"))
        #expect(home.contains("<a href=\"archive/index.html\">All 230 articles</a>"))
        let pages = ["archive/index.html", "archive/2/index.html", "archive/3/index.html"].map {
            Fixture.text(options.output + "/" + $0)
        }
        #expect(pages.map { $0.components(separatedBy: "/articles/report-").count - 1 } == [100, 100, 30])
        #expect(pages[0].contains(">Report 230</a>") && pages[2].contains(">Report 1</a>"))
        #expect(pages[1].contains("<a href=\"../../archive/index.html\" rel=\"prev\">Newer articles</a>"))
        #expect(pages[1].contains("<a href=\"../../archive/3/index.html\" rel=\"next\">Older articles</a>"))
        #expect(!FileManager.default.fileExists(atPath: options.output + "/archive/4/index.html"))
        // A party named in all of them lists the 20 newest on its page and every one on pages of 100.
        let putin = Fixture.text(options.output + "/parties/vladimir-putin/index.html")
        #expect(putin.components(separatedBy: "<li><a href=\"../../articles/").count - 1 == 20)
        #expect(putin.contains(">Report 230</a>") && !putin.contains(">Report 210</a>"))
        #expect(
            putin.contains(
                "more sentences, in the articles <a href=\"../../parties/vladimir-putin/articles/index.html\">naming Vladimir Putin</a>."
            ))
        #expect(
            putin.contains(
                "<a href=\"../../parties/vladimir-putin/articles/index.html\">All 230 articles naming Vladimir Putin</a>"
            ))
        let lists = ["", "2/", "3/"].map {
            Fixture.text(options.output + "/parties/vladimir-putin/articles/\($0)index.html")
        }
        #expect(lists.map { $0.components(separatedBy: "/articles/report-").count - 1 } == [100, 100, 30])
        #expect(lists[0].contains("<h1>Articles naming Vladimir Putin</h1>") && lists[0].contains(">Report 230</a>"))
        #expect(lists[2].contains(">Report 1</a> <span class=\"count\">1 mention</span>"))
        #expect(
            lists[1].contains(
                "<a href=\"../../../../parties/vladimir-putin/articles/3/index.html\" rel=\"next\">Older articles</a>"))
        #expect(
            !FileManager.default.fileExists(atPath: options.output + "/parties/vladimir-putin/articles/4/index.html"))
        // A party named in one article has its list on its page alone.
        #expect(!FileManager.default.fileExists(atPath: options.output + "/parties/moscow/articles/index.html"))
        var crawler = Crawler(folder: options.output)
        crawler.crawl(from: "index.html")
        #expect(crawler.broken == [] && crawler.visited.contains("articles/report-001/index.html"))
        #expect(crawler.visited.contains("parties/vladimir-putin/articles/3/index.html"))
    }

    @Test func aPublicationDateDatesTheFoundTimeline() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var options = try Self.rawOptions(fixture, ["putin-trump-call.txt": Self.rawSeed])
        options.date = "2025-03-18"
        let site = try #require(try Builder.build(options).site)
        let jeddah = try #require(site.events.first { $0.event.when == "the week prior" })
        #expect(jeddah.event.date == "2025-03-11")
        #expect(site.events.first?.event.slug == jeddah.event.slug)
        let timeline = Fixture.text(options.output + "/timeline/index.html")
        #expect(timeline.contains("<time datetime=\"2025-03-11\">11 March 2025 (the week prior)</time>"))
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try Builder.build(fixture.seedOptions(output: "one"))
        _ = try Builder.build(fixture.seedOptions(output: "two"))
        let one = Fixture.files(in: fixture.root + "/one")
        let two = Fixture.files(in: fixture.root + "/two")
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test func aBrokenEditorialFileLeavesThePreviousOutputIntact() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        let options = fixture.seedOptions(content: content)
        _ = try Builder.build(options)
        let before = Fixture.files(in: options.output)

        try "---\nname: Marco Rubio\nkind: [person\n---\n".write(
            toFile: content + "/parties/marco-rubio.md", atomically: true, encoding: .utf8)
        try "---\nsummary: Talks\ndate: 2025-03-20\nsources:\n  - putin-trump-call#p42\nparties: [nobody]\n---\n".write(
            toFile: content + "/events/zz-broken.md", atomically: true, encoding: .utf8)
        do {
            _ = try Builder.build(options)
            Issue.record("the build should fail")
        } catch {
            #expect(error.stage == "load")
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].location.path == content + "/parties/marco-rubio.md")
            #expect(error.diagnostics[0].location.line == 4)
        }
        #expect(Fixture.files(in: options.output) == before)

        // With the party fixed, the event's two bad references are both reported, with their lines.
        try FileManager.default.removeItem(atPath: content + "/parties/marco-rubio.md")
        try FileManager.default.copyItem(
            atPath: Fixture.repository + "/Content/parties/marco-rubio.md", toPath: content + "/parties/marco-rubio.md")
        do {
            _ = try Builder.build(options)
            Issue.record("the build should fail")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(content)/events/zz-broken.md:5:5: error: source 'putin-trump-call#p42': article 'putin-trump-call' has paragraphs p1 to p7",
                    "\(content)/events/zz-broken.md:6:11: error: unknown party 'nobody': no file parties/nobody.md (known: \(Set(before.keys.compactMap { $0.hasPrefix("parties/") && $0 != "parties/index.html" ? $0.split(separator: "/")[1] : nil }).sorted().joined(separator: ", ")))",
                ])
        }
        #expect(Fixture.files(in: options.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted() == ["Content", "Public"])
    }

    @Test func aBrokenTemplateStopsTheBuildNamingTheTemplate() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let templates = fixture.root + "/Templates"
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: templates)
        // A missing footer.mustache would come from the built-in theme; a partial no theme has cannot.
        let layout = templates + "/layout.mustache"
        try Fixture.text(layout).replacingOccurrences(of: "{{> footer}}", with: "{{> colophon}}").write(
            toFile: layout, atomically: true, encoding: .utf8)
        var options = fixture.seedOptions()
        options.templates = templates
        do {
            _ = try Builder.build(options)
            Issue.record("the build should fail")
        } catch {
            #expect(error.stage == "templates")
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(templates)/layout.mustache:31:1: error: template refers to 'colophon', but there is no colophon.mustache in \(templates) or the built-in theme"
                ])
        }
        #expect(!FileManager.default.fileExists(atPath: options.output))
    }

    @Test func aTemplateLinkingToAMissingAnchorFailsTheLinkCheck() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let templates = fixture.root + "/Templates"
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: templates)
        let footer = templates + "/footer.mustache"
        try (Fixture.text(footer) + ##"<a href="#nowhere">x</a>"##).write(
            toFile: footer, atomically: true, encoding: .utf8)
        var options = fixture.seedOptions()
        options.templates = templates
        do {
            _ = try Builder.build(options)
            Issue.record("the build should fail")
        } catch {
            #expect(error.stage == "check")
            #expect(error.diagnostics.count >= 25)
            #expect(
                error.diagnostics.contains {
                    $0.description
                        == "\(options.output)/index.html: error: broken link '#nowhere': \(options.output)/index.html has no element with id 'nowhere'"
                })
        }
    }

    @Test func aSubPathBaseURLGivesTheNotFoundPageLinksFromThatPath() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var options = fixture.seedOptions()
        options.baseURL = "https://news.example/briefings/putin-trump/"
        _ = try Builder.build(options)
        let notFound = Fixture.text(options.output + "/404.html")
        #expect(notFound.contains(#"href="/briefings/putin-trump/assets/style.css""#))
        #expect(
            Fixture.text(options.output + "/sitemap.xml").contains(
                "<loc>https://news.example/briefings/putin-trump/timeline/</loc>"))
    }

    /// A party's or term's articles, by their place in the site, with how many mentions each has,
    /// whatever order its mentions come in.
    @Test func articleCountsAreTheMentionsCountedByArticleInTheSitesOrder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try IncrementalBuildTests.content(fixture)
        let site = try #require(try Builder.render(fixture.seedOptions(content: content)).report.site)
        let index = Site.Index(site)
        // The term named in the most articles, with more than one mention in some of them.
        let entity = try #require(
            site.terms.filter { Set($0.mentions.map(\.citation.article)).count < $0.mentions.count }
                .max { Set($0.mentions.map(\.citation.article)).count < Set($1.mentions.map(\.citation.article)).count }
        )
        #expect(
            Set(entity.mentions.map(\.citation.article)).count > 1, "the test needs a term named in several articles")
        func expected(_ mentions: [Mention]) -> [PageRenderer.ArticleCount] {
            Dictionary(grouping: mentions, by: \.citation.article).map { article, named in
                PageRenderer.ArticleCount(
                    rank: Int32(index.position(ofArticle: article)!), count: Int32(named.count))
            }.sorted { $0.rank < $1.rank }
        }
        #expect(PageRenderer.articleCounts(entity.mentions, index: index) == expected(entity.mentions))
        // Runs of one article apart from each other are still one count: one mention of an
        // article named twice, then another article's, then the rest.
        let byArticle = Dictionary(grouping: entity.mentions, by: \.citation.article)
        let twice = try #require(byArticle.first { $0.value.count > 1 }?.key)
        let other = try #require(byArticle.keys.first { $0 != twice })
        let first = try #require(entity.mentions.firstIndex { $0.citation.article == twice })
        let apart =
            [entity.mentions[first]] + byArticle[other]!
            + entity.mentions.enumerated().filter { $0.offset != first && $0.element.citation.article != other }
            .map(\.element)
        #expect(PageRenderer.articleCounts(apart, index: index) == expected(entity.mentions))
    }
}
