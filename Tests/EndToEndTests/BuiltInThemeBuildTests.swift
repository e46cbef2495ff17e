import Foundation
import Testing

@testable import BriefingKit

/// Building with the theme the binary carries, and with a template folder laid over it.
@Suite("Building with the built-in theme")
struct BuiltInThemeBuildTests {
    @Test func aBuildWithoutTemplatesWritesTheSamePagesAsWithTheTemplatesFolder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.copyOfContent()
        try FileManager.default.copyItem(
            atPath: Fixture.repository + "/briefing.yml", toPath: fixture.root + "/briefing.yml")

        let builtIn = try CommandLineTests.run(["build", "--output", "BuiltIn"], in: fixture.root)
        #expect(builtIn.status == 0)
        #expect(builtIn.errors == "")
        #expect(builtIn.output.contains("templates "))
        #expect(builtIn.output.contains("built-in theme (no Templates folder), 3 asset(s)"))

        let folder = try CommandLineTests.run(
            ["build", "--output", "Folder", "--templates", Fixture.repository + "/Templates"], in: fixture.root)
        #expect(folder.status == 0)
        #expect(folder.output.contains("\(Fixture.repository)/Templates over the built-in theme"))

        let pages = Fixture.files(in: fixture.root + "/BuiltIn")
        #expect(pages.count > 20)
        #expect(pages == Fixture.files(in: fixture.root + "/Folder"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted() == [
                "BuiltIn", "Content", "Folder", "briefing.yml",
            ])
    }

    /// The seed built with the repository's Templates/, which the built-in theme is byte for
    /// byte, into `Plain`; and options building it into `output` with a folder `Theme` holding
    /// one template, the built-in `name` as `change` gives it.
    static func plainAndOverridden(
        _ fixture: Fixture, output: String, _ name: String, _ change: (String) -> String
    ) throws -> (plain: BuildOptions, options: BuildOptions, templates: String) {
        let plain = fixture.seedOptions(output: "Plain")
        _ = try Builder.build(plain)
        let templates = fixture.root + "/Theme"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let text = String(decoding: try #require(Theme.builtIn.files[name + ".mustache"]), as: UTF8.self)
        try change(text).write(toFile: templates + "/" + name + ".mustache", atomically: true, encoding: .utf8)
        var options = fixture.seedOptions(output: output)
        options.templates = templates
        return (plain, options, templates)
    }

    @Test func aFolderWithOneTemplateUsesItAndTheBuiltInRest() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (plain, options, templates) = try Self.plainAndOverridden(fixture, output: "Overridden", "article") {
            $0.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<p class=\"marker\">OVERRIDDEN</p>")
        }
        var lines: [String] = []
        _ = try Builder.build(options) { lines.append($0) }
        #expect(lines.contains { $0.contains("\(templates) over the built-in theme (1 file(s) replaced, 0 added)") })

        let expected = Fixture.files(in: plain.output)
        let overridden = Fixture.files(in: options.output)
        #expect(expected.keys.sorted() == overridden.keys.sorted())
        let page = "articles/putin-trump-call/index.html"
        #expect(Fixture.text(options.output + "/" + page).contains("<p class=\"marker\">OVERRIDDEN</p>"))
        for (path, data) in expected where path != page {
            #expect(overridden[path] == data, "\(path) should come from the built-in theme unchanged")
        }
    }

    /// A timeline template written before each event had a template of its own, looping over
    /// `events` itself, still gives the very pages the built-in theme gives.
    @Test func aTimelineTemplateListingItsEventsItselfGivesTheSamePages() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let event = String(decoding: try #require(Theme.builtIn.files["timeline-event.mustache"]), as: UTF8.self)
        #expect(event.hasPrefix("<li "))
        let (plain, options, _) = try Self.plainAndOverridden(fixture, output: "Looping", "timeline") {
            #expect($0.contains("{{{eventList}}}"))
            return $0.replacingOccurrences(of: "{{{eventList}}}", with: "{{#events}}\n" + event + "{{/events}}\n")
        }
        _ = try Builder.build(options)
        let page = "timeline/index.html"
        #expect(Fixture.text(options.output + "/" + page).contains("<li id=\"event-"))
        #expect(Fixture.files(in: options.output) == Fixture.files(in: plain.output))
    }

    @Test func aBrokenOverrideNamesTheFolderFileAndLine() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let templates = fixture.root + "/Templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{<layout}}\n{{$main}}\n<h1>{{headline}}</h1>\n{{#paragraphs}}\n{{/main}}\n{{/layout}}\n".write(
            toFile: templates + "/article.mustache", atomically: true, encoding: .utf8)
        var options = fixture.seedOptions()
        options.templates = templates
        do {
            _ = try Builder.build(options)
            Issue.record("the build should fail")
        } catch {
            #expect(error.stage == "templates")
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(templates)/article.mustache:5:4: error: template syntax error: section closed with a different name than it was opened with"
                ])
        }
        #expect(!FileManager.default.fileExists(atPath: options.output))
    }

    @Test func anExplicitTemplateFolderThatDoesNotExistIsAnError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.copyOfContent()
        let run = try CommandLineTests.run(["build", "--templates", "Theme"], in: fixture.root)
        #expect(run.status == 1)
        #expect(
            run.errors == """
                Theme: error: template folder not found
                Build failed in stage 'templates' with 1 error(s); Public/ was left as it was.

                """)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/Public"))
    }

    @Test func servingStartsWithoutATemplateFolder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.copyOfContent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.executable))
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.interrupt()
            process.waitUntilExit()
        }
        var seen = ""
        let deadline = Date().addingTimeInterval(20)
        while !seen.contains("Serving at"), process.isRunning, Date() < deadline {
            seen += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(seen.contains("Built 27 pages"), "\(seen)")
        #expect(seen.contains("Serving at http://127.0.0.1:"), "\(seen)")
    }
}
