import Foundation
import Testing

@testable import BriefingKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What the seed briefing tells machines and readers beyond its text: structured data, the feed,
/// canonical links, the search index, related parties and the relation map.
@Suite("Metadata, feed, search index and relations of the seed briefing")
struct StandardsTests {
    static let base = "https://news.example/briefings/putin-trump/"

    static func build(baseURL: String?) throws -> (Fixture, String) {
        let fixture = try Fixture()
        var options = fixture.seedOptions()
        options.baseURL = baseURL
        _ = try Builder.build(options)
        return (fixture, options.output)
    }

    /// The JSON-LD object of a page.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        return try #require(object as? [String: Any])
    }

    @Test func theArticleDescribesItselfAsANewsArticleAboutItsParties() throws {
        let (fixture, output) = try Self.build(baseURL: Self.base)
        defer { fixture.remove() }
        let html = Fixture.text(output + "/articles/putin-trump-call/index.html")
        let data = try Self.jsonLD(html)
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "NewsArticle")
        #expect(
            data["headline"] as? String == "Putin and Trump Engage in Call: Energy Attack Pause but No Full Ceasefire")
        #expect(data["datePublished"] as? String == "2025-03-18")
        #expect(data["url"] as? String == Self.base + "articles/putin-trump-call/")
        let about = try #require(data["about"] as? [[String: Any]])
        #expect(Set(about.compactMap { $0["name"] as? String }) == ["Vladimir Putin", "Donald Trump"])
        #expect(about.allSatisfy { $0["@type"] as? String == "Person" })
        let mentions = try #require(data["mentions"] as? [[String: Any]])
        func type(of name: String) -> String? {
            mentions.first { $0["name"] as? String == name }?["@type"] as? String
        }
        #expect(type(of: "Ukraine") == "Country")
        #expect(type(of: "The Kremlin") == "GovernmentOrganization")
        #expect(type(of: "Marco Rubio") == "Person")
        #expect(type(of: "Ceasefire") == "DefinedTerm" || type(of: "ceasefire") == "DefinedTerm")
        #expect(mentions.allSatisfy { ($0["url"] as? String)?.hasPrefix(Self.base) == true })

        #expect(html.contains("<link rel=\"canonical\" href=\"\(Self.base)articles/putin-trump-call/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:url\" content=\"\(Self.base)articles/putin-trump-call/\">"))
    }

    @Test func partyAndTermPagesDescribeAPersonAndADefinedTerm() throws {
        let (fixture, output) = try Self.build(baseURL: Self.base)
        defer { fixture.remove() }
        let putin = try Self.jsonLD(Fixture.text(output + "/parties/vladimir-putin/index.html"))
        #expect(putin["@type"] as? String == "Person")
        #expect(putin["jobTitle"] as? String == "President of Russia")
        #expect((putin["alternateName"] as? [String])?.contains("Putin") == true)
        let termFolder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: output + "/terms").sorted().first {
                $0 != "index.html"
            })
        let term = try Self.jsonLD(Fixture.text(output + "/terms/\(termFolder)/index.html"))
        #expect(term["@type"] as? String == "DefinedTerm")
        #expect((term["inDefinedTermSet"] as? [String: Any])?["url"] as? String == Self.base + "terms/")
        let home = try Self.jsonLD(Fixture.text(output + "/index.html"))
        #expect(home["@type"] as? String == "WebSite")
    }

    @Test func withoutABaseURLPagesHaveNoCanonicalLinkAndNoAbsoluteAddresses() throws {
        let (fixture, output) = try Self.build(baseURL: nil)
        defer { fixture.remove() }
        let html = Fixture.text(output + "/articles/putin-trump-call/index.html")
        #expect(!html.contains("rel=\"canonical\""))
        #expect(!html.contains("og:"))
        let data = try Self.jsonLD(html)
        #expect(data["url"] == nil)
        #expect((data["mentions"] as? [[String: Any]])?.allSatisfy { $0["url"] == nil } == true)
    }

    @Test func theFeedIsWellFormedAtomListingTheArticle() throws {
        let (fixture, output) = try Self.build(baseURL: Self.base)
        defer { fixture.remove() }
        let data = try #require(FileManager.default.contents(atPath: output + "/feed.xml"))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "feed.xml is not well-formed: \(String(describing: parser.parserError))")
        let feed = String(decoding: data, as: UTF8.self)
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(feed.components(separatedBy: "<entry>").count == 2)
        #expect(feed.contains("<id>\(Self.base)articles/putin-trump-call/</id>"))
        #expect(feed.contains("<updated>2025-03-18T00:00:00Z</updated>"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.base)feed.xml\"/>"))
        let home = Fixture.text(output + "/index.html")
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    /// The JSON a search script hands over: `prefix(JSON);` or `prefix(name,JSON);`.
    static func scriptJSON(_ path: String, after prefix: String) throws -> Any {
        let script = Fixture.text(path)
        #expect(script.hasPrefix(prefix), "\(path) starts \(script.prefix(60))")
        var json = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)
        if json.hasSuffix(");") { json.removeLast(2) } else if json.hasSuffix(";") { json.removeLast() }
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func theSearchIndexHoldsEveryPartyTermEventAndParagraphByItsWords() throws {
        let (fixture, output) = try Self.build(baseURL: nil)
        defer { fixture.remove() }
        let manifest = try #require(
            try Self.scriptJSON(output + "/search/index.js", after: "window.briefingSearchIndex = ") as? [String: Any])
        let count = try #require(manifest["rows"] as? Int)
        let steps = try #require(manifest["rowStarts"] as? [Int])
        let names = try #require(manifest["rowShards"] as? [String])
        let wordShards = try #require(manifest["wordShards"] as? Int)
        let starts = try #require(manifest["kinds"] as? [[Any]])
        #expect(starts.map { $0[0] as? String } == ["party", "term", "event", "paragraph"])
        var rows: [[String]] = []
        // Each shard holds the rows from its start to the next one's.
        #expect(steps.count == names.count && steps.first == 0)
        for (shard, name) in names.enumerated() {
            #expect(rows.count == steps[...shard].reduce(0, +), "rows before shard \(shard)")
            let part = try Self.scriptJSON(
                output + "/search/rows/\(name).js", after: "briefingSearchShard(\"rows/\(name)\",")
            rows += try #require(part as? [[String]])
        }
        #expect(rows.count == count)
        let site = try #require(try Builder.render(fixture.seedOptions()).report.site)
        let kinds = Dictionary(grouping: rows, by: { $0[0] }).mapValues(\.count)
        #expect(kinds["party"] == site.parties.count)
        #expect(kinds["term"] == site.terms.count)
        #expect(kinds["event"] == site.events.count)
        #expect(kinds["paragraph"] == 7)
        // Each kind's rows start where the manifest says.
        for start in starts {
            let first = try #require(start[1] as? Int)
            #expect(rows[first][0] == start[0] as? String)
            #expect(first == 0 || rows[first - 1][0] != rows[first][0])
        }
        #expect(
            rows.contains {
                $0[0] == "party" && $0[1] == "Vladimir Putin" && $0[3] == "parties/vladimir-putin/index.html"
            })
        // Every row's address is a file of the site, and its anchor is on that page.
        for row in rows {
            let parts = row[3].split(separator: "#", maxSplits: 1).map(String.init)
            let page = Fixture.text(output + "/" + parts[0])
            #expect(!page.isEmpty, "\(row[3]) is not a page")
            if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(row[3]) has no such anchor") }
        }
        let paragraph = try #require(rows.first { $0[0] == "paragraph" && $0[3].hasSuffix("#p3") })
        #expect(paragraph[4].contains("Jeddah"))

        // The words: every word of two letters or more of each row is in the shard of its first
        // two letters, with that row, and with no other row lacking it; title rows are those
        // whose title holds it.
        var index: [String: (all: [Int], title: [Int])] = [:]
        var shardOf: [String: Int] = [:]
        for shard in 0..<wordShards {
            let name = "words/\(shard)"
            let part = try #require(
                try Self.scriptJSON(output + "/search/\(name).js", after: "briefingSearchShard(\"\(name)\",")
                    as? [String: [[Int]]])
            for (word, lists) in part {
                func rows(_ differences: [Int]) -> [Int] {
                    var row = 0
                    return differences.map {
                        row += $0; return row
                    }
                }
                index[word] = (rows(lists[0]), rows(lists[1]))
                shardOf[word] = shard
            }
        }
        func words(_ text: String) -> Set<String> {
            Set(
                text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 2 })
        }
        var expected: [String: (all: [Int], title: [Int])] = [:]
        for (number, row) in rows.enumerated() {
            let all = words(row[0] == "paragraph" ? row[4] : row[1] + " " + row[2] + " " + row[4])
            let title = words(row[1])
            for word in all { expected[word, default: ([], [])].all.append(number) }
            for word in title { expected[word, default: ([], [])].title.append(number) }
        }
        #expect(Set(index.keys) == Set(expected.keys))
        for (word, lists) in expected {
            #expect(index[word]?.all == lists.all, "\(word)")
            #expect(index[word]?.title == lists.title, "\(word)")
            #expect(shardOf[word] == SearchIndex.bucket(of: word, count: wordShards), "\(word)")
        }
        #expect(index["jeddah"]?.all.contains(rows.firstIndex(of: paragraph)!) == true)
    }

    /// Related parties, counted apart from the build: from the party links in each paragraph of the article page.
    @Test func relatedPartiesAreThoseNamedInTheSameParagraphsMostOftenFirst() throws {
        let (fixture, output) = try Self.build(baseURL: nil)
        defer { fixture.remove() }
        let article = Fixture.text(output + "/articles/putin-trump-call/index.html")
        var together: [String: Int] = [:]
        for section in article.components(separatedBy: "<section class=\"paragraph\"").dropFirst() {
            let body = section.components(separatedBy: "</section>")[0]
            let parties = Set(
                body.components(separatedBy: "href=\"../../parties/").dropFirst().map {
                    String($0.prefix { $0 != "/" })
                })
            guard parties.contains("vladimir-putin") else { continue }
            for party in parties where party != "vladimir-putin" { together[party, default: 0] += 1 }
        }
        #expect(!together.isEmpty)
        let page = Fixture.text(output + "/parties/vladimir-putin/index.html")
        let section = try #require(page.components(separatedBy: "<h2 id=\"related-heading\">").last)
        let items = section.components(separatedBy: "<li><a href=\"../../parties/").dropFirst()
        let listed = items.map { item -> (String, Int) in
            let slug = String(item.prefix { $0 != "/" })
            let count = item.components(separatedBy: "<span class=\"count\">")[1].prefix { $0.isNumber }
            return (slug, Int(count) ?? -1)
        }
        #expect(Dictionary(listed, uniquingKeysWith: { a, _ in a }) == together)
        #expect(listed.map(\.1) == listed.map(\.1).sorted(by: >))
    }

    @Test func thePartiesPageListsPeopleBySurname() throws {
        let (fixture, output) = try Self.build(baseURL: nil)
        defer { fixture.remove() }
        let page = Fixture.text(output + "/parties/index.html")
        let people = try #require(
            page.components(separatedBy: "<h2>People</h2>").dropFirst().first?.components(separatedBy: "</ul>").first)
        let names = people.components(separatedBy: "index.html\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(names == ["Vladimir Putin", "Marco Rubio", "Donald Trump", "Volodymyr Zelensky"])
    }

    @Test func thePartiesPageDrawsTheRelationMapWithALinkPerParty() throws {
        let (fixture, output) = try Self.build(baseURL: nil)
        defer { fixture.remove() }
        let page = Fixture.text(output + "/parties/index.html")
        let svg = try #require(
            page.components(separatedBy: "<svg ").dropFirst().first?.components(separatedBy: "</svg>").first)
        let links = svg.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let site = try #require(try Builder.render(fixture.seedOptions()).report.site)
        #expect(links.count == min(site.parties.count, RelationMap.nodeLimit))
        for link in links { #expect(FileManager.default.fileExists(atPath: output + "/parties/" + link)) }
        #expect(svg.components(separatedBy: "<line ").count - 1 >= links.count - 1)
        #expect(
            svg.contains("<title>Vladimir Putin and Donald Trump: ")
                || svg.contains("<title>Donald Trump and Vladimir Putin: "))
    }
}
