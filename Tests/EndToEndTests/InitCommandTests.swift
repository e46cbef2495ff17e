import Foundation
import Testing

@testable import BriefingKit

/// `briefing init DIR`: a new briefing that builds as it is, and nothing else touched.
@Suite("Starting a new briefing")
struct InitCommandTests {
    @Test func aNewBriefingBuildsWithItsSampleArticleAndParties() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let run = try CommandLineTests.run(["init", "news"], in: fixture.root)
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output.hasPrefix("Created a new briefing in news/:\n  news/briefing.yml\n  news/Content/"))
        #expect(run.output.contains(".md\n  news/Templates/404.mustache\n"))
        #expect(run.output.hasSuffix("cd news && briefing build\n  briefing serve\n"))
        // Nothing outside the new folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root) == ["news"])
        let site = fixture.root + "/news"
        #expect(Fixture.files(in: site).count == Scaffold.files.count)
        for (path, data) in Scaffold.files {
            #expect(FileManager.default.contents(atPath: site + "/" + path) == data, "\(path)")
        }

        let build = try CommandLineTests.run(["build"], in: site)
        #expect(build.status == 0)
        #expect(build.errors == "")
        #expect(build.output.contains("templates "))
        #expect(build.output.contains("Templates over the built-in theme"))
        let article = try #require(Scaffold.files.keys.first { $0.hasPrefix("Content/") })
        let slug = String(article.dropFirst("Content/".count).dropLast(".md".count))
        let page = Fixture.text(site + "/Public/articles/\(slug)/index.html")
        #expect(page.contains("<h1>Riverside Library to Reopen in April After Flood Repairs</h1>"))
        let parties = try FileManager.default.contentsOfDirectory(atPath: site + "/Public/parties")
        #expect(parties.contains("helena-marsh"))
        #expect(parties.count >= 4)
        #expect(FileManager.default.fileExists(atPath: site + "/Public/parties/helena-marsh/index.html"))
        #expect(Fixture.text(site + "/Public/timeline/index.html").contains("April 14"))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let site = fixture.root + "/news"
        try FileManager.default.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        try "title: mine\n".write(toFile: site + "/briefing.yml", atomically: true, encoding: .utf8)
        let before = Fixture.files(in: site)
        let run = try CommandLineTests.run(["init", "news"], in: fixture.root)
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(
            run.errors
                == "news: error: exists and is not empty; choose a new folder, or add --force to write only the files it lacks\n"
        )
        #expect(Fixture.files(in: site) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["Content", "briefing.yml"])

        let file = try CommandLineTests.run(["init", "news/briefing.yml"], in: fixture.root)
        #expect(file.status == 1)
        #expect(file.errors == "news/briefing.yml: error: is a file, not a folder\n")
    }

    @Test func forceAddsTheMissingFilesAndKeepsEveryFileThatIsThere() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let site = fixture.root + "/news"
        try FileManager.default.createDirectory(atPath: site + "/Templates", withIntermediateDirectories: true)
        try "title: mine\n".write(toFile: site + "/briefing.yml", atomically: true, encoding: .utf8)
        try "<p>mine</p>".write(toFile: site + "/Templates/footer.mustache", atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["init", "news", "--force"], in: fixture.root)
        #expect(run.status == 0)
        #expect(
            run.errors == """
                news/briefing.yml: kept (the file exists)
                news/Templates/footer.mustache: kept (the file exists)

                """)
        #expect(!run.output.contains("news/briefing.yml"))
        #expect(run.output.contains("  news/Templates/header.mustache\n"))
        #expect(Fixture.text(site + "/briefing.yml") == "title: mine\n")
        #expect(Fixture.text(site + "/Templates/footer.mustache") == "<p>mine</p>")
        #expect(Fixture.files(in: site).count == Scaffold.files.count)

        let again = try CommandLineTests.run(["init", "news", "--force"], in: fixture.root)
        #expect(again.status == 0)
        #expect(again.errors.split(separator: "\n").count == Scaffold.files.count)
        #expect(again.output.hasPrefix("Nothing to add: news/ already holds every file of a new briefing.\n"))
    }

    @Test func aLinkLeadingOutOfTheFolderIsNotWrittenThrough() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let site = fixture.root + "/news"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fixture.root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site + "/Content", withDestinationPath: "../elsewhere")
        let report = try? Scaffold.write(to: site, force: true)
        #expect(report == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/elsewhere") == [])
        #expect(FileManager.default.fileExists(atPath: site + "/briefing.yml"))
    }
}
