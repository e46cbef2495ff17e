import Foundation
import Testing

/// The `briefing` executable as users run it: exit codes and what it prints.
@Suite("The briefing command")
struct CommandLineTests {
    /// The executable built next to the test bundle.
    static let executable: String? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("briefing").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test func buildSucceedsThenFailsWithErrorsOnStandardErrorAndExitCodeOne() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: fixture.root + "/Templates")

        let good = try Self.run(["build"], in: fixture.root)
        #expect(good.status == 0)
        #expect(good.output.contains("Built 27 pages"))
        #expect(good.errors == "")

        try "---\nname: Rubio\nkind: person\nrank: 3\n---\n".write(
            toFile: content + "/parties/marco-rubio.md", atomically: true, encoding: .utf8)
        try "---\nsummary: x\nwhen: later\nsources: [putin-trump-call#p8]\n---\n".write(
            toFile: content + "/events/late.md", atomically: true, encoding: .utf8)
        let bad = try Self.run(["build", "--base-url", "https://example.org/b/"], in: fixture.root)
        #expect(bad.status == 1)
        #expect(
            bad.errors == """
                Content/parties/marco-rubio.md:4:1: warning: unknown key 'rank' ignored (known keys: aliases, hidden, kind, name, role, same_as, slug)
                Content/events/late.md:4:11: error: source 'putin-trump-call#p8': article 'putin-trump-call' has paragraphs p1 to p7
                Build failed in stage 'link' with 1 error(s); Public/ was left as it was.

                """)
    }

    @Test func extractWritesPartyFilesAndNeverReplacesAnEditorsFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = fixture.root + "/Content"
        try FileManager.default.createDirectory(atPath: content + "/parties", withIntermediateDirectories: true)
        try "---\nname: Marco Rubio\nkind: person\nrole: edited by hand\n---\n".write(
            toFile: content + "/parties/marco-rubio.md", atomically: true, encoding: .utf8)
        let article = Fixture.repository + "/Content/putin-trump-call.txt"
        let run = try Self.run(["extract", article, "--write"], in: fixture.root)
        #expect(run.status == 0)
        #expect(run.errors == "Content/parties/marco-rubio.md: kept (the file exists)\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: content + "/parties").sorted()
        #expect(written.count == 10)
        #expect(written.contains("vladimir-putin.md"))
        #expect(Fixture.text(content + "/parties/marco-rubio.md").contains("edited by hand"))
        #expect(
            Fixture.text(content + "/parties/vladimir-putin.md")
                == "---\nname: Vladimir Putin\nkind: person\nrole: Russian President\naliases:\n- Russian President Vladimir Putin\n- Putin\n---\n"
        )
        // Terms and events are written beside the parties; an event names Rubio by the editor's file.
        let terms = try FileManager.default.contentsOfDirectory(atPath: content + "/terms")
        #expect(terms.contains("maritime-ceasefire.md") && terms.contains("ceasefire.md"))
        let events = try FileManager.default.contentsOfDirectory(atPath: content + "/events")
        #expect(events.count >= 8)
        let rubio = try #require(events.first { $0.hasPrefix("following-last-week") })
        #expect(Fixture.text(content + "/events/" + rubio).contains("- marco-rubio\n"))
        // The written files read back: a build with them succeeds.
        try FileManager.default.copyItem(atPath: article, toPath: content + "/putin-trump-call.txt")
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: fixture.root + "/Templates")
        #expect(try Self.run(["build"], in: fixture.root).status == 0)
    }

    @Test func convertPrintsMarkdownAndNotesWhatItRemoved() throws {
        let run = try Self.run(["convert", "Content/putin-trump-call.txt"], in: Fixture.repository)
        #expect(run.status == 0)
        #expect(
            run.output.hasPrefix(
                "---\ntitle: 'Putin and Trump Engage in Call: Energy Attack Pause but No Full Ceasefire'\n"))
        #expect(run.output.components(separatedBy: "\n\n").count == 8)
        #expect(run.errors.split(separator: "\n").count == 8)
        #expect(run.errors.contains("Content/putin-trump-call.txt:5:1: note: read as the sub-headline (dek)\n"))
        #expect(
            run.errors.hasPrefix("Content/putin-trump-call.txt:4:1: note: removed, repeats the headline (line 2)\n"))

        let missing = try Self.run(["convert", "no-such-file.txt"], in: Fixture.repository)
        #expect(missing.status == 1)
        #expect(missing.errors == "no-such-file.txt: error: cannot be read\n")
    }
}
