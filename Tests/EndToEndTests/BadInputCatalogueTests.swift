import Foundation
import Testing

@testable import BriefingKit

/// The catalogue of bad input: each case builds the seed with one bad file added and checks the
/// exact outcome, and that the previous output is still there, byte for byte, when it fails.
@Suite("Bad input catalogue", .serialized)
struct BadInputCatalogueTests {
    enum Outcome {
        /// The build fails with exactly these diagnostics (paths relative to the scratch folder).
        case fails([String])
        /// The build succeeds with exactly these warnings.
        case builds(warnings: [String])
    }

    /// Builds the seed once, applies `change` to a copy of its content, builds again and checks `outcome`.
    @discardableResult
    func check(_ outcome: Outcome, change: (String) throws -> Void) throws -> BuildReport? {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        var options = fixture.seedOptions(content: "Content")
        options.output = "Public"
        options.templates = Fixture.repository + "/Templates"
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(fixture.root)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        _ = try Builder.build(options)
        let before = Fixture.files(in: fixture.root + "/Public")
        try change(content)
        switch outcome {
        case .fails(let expected):
            do {
                _ = try Builder.build(options)
                Issue.record("the build should have failed")
            } catch {
                #expect(error.diagnostics.map(\.description) == expected)
            }
            #expect(Fixture.files(in: fixture.root + "/Public") == before, "the previous output changed")
            return nil
        case .builds(let warnings):
            let report = try Builder.build(options)
            #expect(report.warnings.map(\.description) == warnings)
            return report
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static let seedArticle = Fixture.repository + "/Content/putin-trump-call.txt"

    // MARK: Encodings

    @Test func invalidUTF8() throws {
        try check(
            .fails([
                "Content/extra.txt:3:5: error: not valid UTF-8: byte 0xFF at offset 11 (1 byte(s)); save the file as UTF-8"
            ])
        ) {
            try Self.write(Array("Title\n\nBad \u{FF}".utf8.prefix(11)) + [0xFF, 0x0A], to: $0 + "/extra.txt")
        }
    }

    @Test func windows1252SmartQuotesAreAnErrorNotAGuess() throws {
        try check(
            .fails([
                "Content/quotes.txt:3:1: error: not valid UTF-8: byte 0x93 at offset 7 (1 byte(s)); save the file as UTF-8"
            ])
        ) {
            try Self.write(
                Array("Title\n\n".utf8) + [0x93] + Array("Quoted".utf8) + [0x94, 0x0A], to: $0 + "/quotes.txt")
        }
    }

    @Test func utf8ByteOrderMarkIsRead() throws {
        let report = try check(.builds(warnings: [])) {
            try Self.write(
                [0xEF, 0xBB, 0xBF] + Array("A Headline With BOM\n\nOne paragraph about Putin.\n".utf8),
                to: $0 + "/bom.txt")
        }
        #expect(report?.site?.article("bom")?.article.title == "A Headline With BOM")
    }

    @Test func utf16WithByteOrderMarkIsReadWithAWarning() throws {
        let report = try check(
            .builds(warnings: ["Content/wide.txt:1:1: warning: read as UTF-16; save the file as UTF-8"])
        ) {
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in "Wide Headline\n\nPutin spoke.\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            try Self.write(bytes, to: $0 + "/wide.txt")
        }
        #expect(report?.site?.article("wide")?.paragraphs.first?.text == "Putin spoke.")
    }

    @Test func crlfAndCRLineEndingsGiveTheSameParagraphs() throws {
        let text = try String(contentsOfFile: Self.seedArticle, encoding: .utf8)
        let report = try check(.builds(warnings: [])) {
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(
                toFile: $0 + "/crlf.txt", atomically: true, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r").write(
                toFile: $0 + "/cr.txt", atomically: true, encoding: .utf8)
        }
        let seed = report?.site?.article("putin-trump-call")?.paragraphs.map(\.text)
        #expect(seed?.count == 7)
        #expect(report?.site?.article("crlf")?.paragraphs.map(\.text) == seed)
        #expect(report?.site?.article("cr")?.paragraphs.map(\.text) == seed)
    }

    @Test func nulBytes() throws {
        try check(.fails(["Content/binary.txt:3:4: error: contains a NUL byte: this is a binary file, not text"])) {
            try Self.write(Array("Title\n\nabc".utf8) + [0, 1, 2], to: $0 + "/binary.txt")
        }
    }

    @Test func zeroWidthAndBidiCharactersAreRemovedWithAWarning() throws {
        let report = try check(
            .builds(warnings: [
                "Content/hidden.txt:3:3: warning: removed 3 invisible character(s) (zero-width spaces or bidirectional controls)"
            ])
        ) {
            try "Hidden\n\nPu\u{200B}tin met \u{202E}Trump\u{202C} today.\n".write(
                toFile: $0 + "/hidden.txt", atomically: true, encoding: .utf8)
        }
        let paragraph = report?.site?.article("hidden")?.paragraphs.first
        #expect(paragraph?.text == "Putin met Trump today.")
        #expect(paragraph?.mentions.map(\.text) == ["Putin", "Trump"])
    }

    // MARK: Shapes

    @Test func emptyFileAndHeadlineOnly() throws {
        try check(
            .fails([
                "Content/empty.txt:1:1: error: article is empty: expected a headline and at least one paragraph",
                "Content/headline.txt:1:1: error: article has a headline but no body paragraphs",
            ])
        ) {
            try "".write(toFile: $0 + "/empty.txt", atomically: true, encoding: .utf8)
            try "Only a Headline\n".write(toFile: $0 + "/headline.txt", atomically: true, encoding: .utf8)
        }
    }

    @Test func oneGiantParagraphAndTenThousandParagraphs() throws {
        let sentence = "Putin and Trump spoke about a ceasefire again. "
        let report = try check(.builds(warnings: [])) {
            try ("Giant\n\n" + String(repeating: sentence, count: 20_000) + "\n")
                .write(toFile: $0 + "/giant.txt", atomically: true, encoding: .utf8)
            try ("Many\n\n" + (1...10_000).map { "Paragraph \($0): Putin met Trump." }.joined(separator: "\n") + "\n")
                .write(toFile: $0 + "/many.txt", atomically: true, encoding: .utf8)
        }
        #expect(report?.site?.article("giant")?.paragraphs.first?.mentions.count == 60_000)
        #expect(report?.site?.article("many")?.paragraphs.count == 10_000)
    }

    @Test func aFileOverTheSizeLimitIsRefused() throws {
        try check(.fails(["Content/huge.txt: error: file is 50 MiB; files over 8 MiB are refused (split the article)"]))
        {
            let path = $0 + "/huge.txt"
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            let block = Data(String(repeating: "Putin spoke. ", count: 80_660).utf8)
            for _ in 0..<50 { handle.write(block) }
            try handle.close()
        }
    }

    @Test func binaryFilesAndFoldersNamedLikeArticlesAreSkippedWithAWarning() throws {
        try check(
            .builds(warnings: [
                "Content/photo.jpg: warning: file ignored: articles end in .txt or .md",
                "Content/story.txt: warning: folder ignored (known folders: parties, terms, events)",
            ])
        ) {
            try Self.write([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], to: $0 + "/photo.jpg")
            try FileManager.default.createDirectory(atPath: $0 + "/story.txt", withIntermediateDirectories: true)
        }
    }

    // MARK: Front matter and references

    @Test func frontMatterProblemsAreReportedTogether() throws {
        try check(
            .fails([
                "Content/events/bad-date.md:3:1: error: 'date' must be a date written YYYY-MM-DD, not 'next Tuesday'",
                "Content/parties/dup.md:4:1: error: duplicate key in front matter: name",
                "Content/parties/list.md:2:1: error: 'name' must be text, not a list or mapping",
                "Content/parties/malformed.md:4:1: error: invalid front matter: did not find expected ',' or ']' while parsing a flow sequence (opened at line 3, column 7)",
            ])
        ) {
            try "---\nname: X\nkind: [person\n---\n".write(
                toFile: $0 + "/parties/malformed.md", atomically: true, encoding: .utf8)
            try "---\nname: [A, B]\nkind: person\n---\n".write(
                toFile: $0 + "/parties/list.md", atomically: true, encoding: .utf8)
            try "---\nname: A\nkind: person\nname: B\n---\n".write(
                toFile: $0 + "/parties/dup.md", atomically: true, encoding: .utf8)
            try "---\nsummary: x\ndate: next Tuesday\nsources: [putin-trump-call#p1]\n---\n"
                .write(toFile: $0 + "/events/bad-date.md", atomically: true, encoding: .utf8)
        }
    }

    @Test func duplicateSlugsClaimedAliasesMissingParagraphsAndSameAsCycles() throws {
        try check(
            .fails([
                "Content/events/late.md:4:11: error: source 'putin-trump-call#p99': article 'putin-trump-call' has paragraphs p1 to p7",
                "Content/parties/a.md:4:1: error: same_as makes a cycle: a → b → a",
                "Content/parties/b.md:4:1: error: same_as makes a cycle: b → a → b",
                "Content/parties/vladimir-putin.md: error: party slug 'vladimir-putin' is already used by Content/parties/putin-again.md",
                "Content/parties/zz-claims-putin.md: error: name or alias 'Putin' is also claimed by Content/parties/vladimir-putin.md",
            ])
        ) {
            try "---\nname: V. Putin\nkind: person\nslug: vladimir-putin\n---\n".write(
                toFile: $0 + "/parties/putin-again.md", atomically: true, encoding: .utf8)
            try "---\nname: Someone\nkind: person\naliases: [Putin]\n---\n".write(
                toFile: $0 + "/parties/zz-claims-putin.md", atomically: true, encoding: .utf8)
            try "---\nname: A\nkind: group\nsame_as: b\n---\n".write(
                toFile: $0 + "/parties/a.md", atomically: true, encoding: .utf8)
            try "---\nname: B\nkind: group\nsame_as: a\n---\n".write(
                toFile: $0 + "/parties/b.md", atomically: true, encoding: .utf8)
            try "---\nsummary: x\nwhen: later\nsources: [putin-trump-call#p99]\n---\n".write(
                toFile: $0 + "/events/late.md", atomically: true, encoding: .utf8)
        }
    }

    // MARK: Injection

    @Test func scriptsHandlersAndDangerousURLsComeOutInert() throws {
        let report = try check(.builds(warnings: [])) {
            try """
            ---
            title: "<script>alert('title')</script> Headline"
            summary: "<img src=x onerror=alert(1)>"
            ---

            Putin said <script>alert(1)</script> and <b onclick="alert(2)">this</b>.

            [click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) ![img](javascript:alert(4))

            <!-- a comment --> <iframe src="https://evil.example"></iframe>
            """.write(toFile: $0 + "/inject.md", atomically: true, encoding: .utf8)
            try
                "---\nname: \"<script>alert('party')</script>\"\nkind: group\nrole: \"\\\" onmouseover=\\\"alert(5)\"\n---\n<script>alert(6)</script> **bold**\n"
                .write(toFile: $0 + "/parties/evil.md", atomically: true, encoding: .utf8)
        }
        #expect(report != nil)
    }

    @Test func injectedPagesContainNothingExecutable() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        try
            "---\ntitle: \"<script>x</script>\"\n---\n\nA <script>alert(1)</script> [c](javascript:alert(3)) [d](data:text/html,x) <a href=\"javascript:y\" onclick=\"z\">q</a> <!-- c -->\n"
            .write(toFile: content + "/inject.md", atomically: true, encoding: .utf8)
        try
            "---\nname: \"<script>p</script>\"\nkind: group\nrole: \"\\\" onmouseover=\\\"alert(5)\"\n---\n<script>alert(6)</script>\n"
            .write(toFile: content + "/parties/evil.md", atomically: true, encoding: .utf8)
        let options = fixture.seedOptions(content: content)
        _ = try Builder.build(options)
        for (path, data) in Fixture.files(in: options.output) where path.hasSuffix(".html") {
            let page = String(decoding: data, as: UTF8.self).lowercased()
            // The theme's own script file and the page's JSON-LD data block are the only scripts.
            let html = Self.withoutThemeScripts(page, path: path)
            #expect(!html.contains("<script"), "\(path) has a script element")
            #expect(!html.contains("<iframe"), "\(path) has an iframe")
            #expect(!html.contains("<!-- c"), "\(path) kept an HTML comment from the input")
            let attributes = LinkChecker.attributes(in: html)
            #expect(!attributes.contains { $0.name.hasPrefix("on") }, "\(path) has an event handler attribute")
            #expect(
                !attributes.contains {
                    ["href", "src"].contains($0.name)
                        && ($0.value.hasPrefix("javascript:") || $0.value.hasPrefix("data:"))
                },
                "\(path) has a javascript: or data: URL")
        }
    }

    /// The page without the theme's `<script src=…briefing.js>` element and without its JSON-LD
    /// block, after checking that block is JSON and cannot end the element early.
    static func withoutThemeScripts(_ html: String, path: String) -> String {
        var rest = html
        if let range = rest.range(of: "<script src=\"") {
            let tail = rest[range.upperBound...]
            if let end = tail.range(of: "</script>"), tail[..<end.lowerBound].hasSuffix("assets/briefing.js\" defer>") {
                rest.removeSubrange(range.lowerBound..<end.upperBound)
            }
        }
        let open = "<script type=\"application/ld+json\">"
        if let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "</script>") {
            let json = rest[start.upperBound..<end.lowerBound]
            #expect(!json.contains("<"), "\(path): JSON-LD holds a '<'")
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(path): JSON-LD is not JSON")
            rest.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return rest
    }

    @Test func slugsCannotLeaveTheOutputFolder() throws {
        try check(
            .fails([
                "Content/parties/escape.md:4:1: error: slug '../../etc' may hold only lowercase letters, digits and '-' (try 'etc')",
                "Content/sneaky.md:3:1: error: slug '/tmp/x' may hold only lowercase letters, digits and '-' (try 'tmp-x')",
            ])
        ) {
            try "---\nname: Escape\nkind: group\nslug: ../../etc\n---\n".write(
                toFile: $0 + "/parties/escape.md", atomically: true, encoding: .utf8)
            try "---\ntitle: T\nslug: /tmp/x\n---\nBody.\n".write(
                toFile: $0 + "/sneaky.md", atomically: true, encoding: .utf8)
        }
    }

    @Test func extractedPartiesGiveWayToTermsAndSameAsFiles() throws {
        let report = try check(.builds(warnings: [])) {
            try "---\nname: White House\ndefinition: The US president's office.\n---\n"
                .write(toFile: $0 + "/terms/white-house-term.md", atomically: true, encoding: .utf8)
            // Only the raw article and the files below: the parties come from extraction.
            for folder in ["parties", "events"] {
                try FileManager.default.removeItem(atPath: $0 + "/" + folder)
                try FileManager.default.createDirectory(atPath: $0 + "/" + folder, withIntermediateDirectories: true)
            }
            try "---\nname: The Russian President\nkind: person\nsame_as: vladimir-putin\naliases: [Putin]\n---\n"
                .write(toFile: $0 + "/parties/russian-president.md", atomically: true, encoding: .utf8)
            try "---\nsummary: x\nwhen: later\nsources: [putin-trump-call#p1]\nparties: [russian-president]\n---\n"
                .write(toFile: $0 + "/events/zz.md", atomically: true, encoding: .utf8)
        }
        #expect(report?.site?.party("the-white-house") == nil)
        #expect(report?.site?.event("zz")?.parties == ["vladimir-putin"])
    }

    // MARK: File system

    @Test func buildsRunningAtOnceAlwaysLeaveACompleteSite() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: fixture.root + "/Templates")
        _ = try fixture.copyOfContent()
        #expect(try CommandLineTests.run(["build"], in: fixture.root).status == 0)
        let expected = Fixture.files(in: fixture.root + "/Public")
        for _ in 0..<8 {
            let processes = try (0..<3).map { _ -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.executable))
                process.arguments = ["build"]
                process.currentDirectoryURL = URL(fileURLWithPath: fixture.root)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            #expect(Fixture.files(in: fixture.root + "/Public") == expected)
        }
        // No staging folder is left; the one spare is the site some build replaced.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix(".") } == [
                ".Public.spare"
            ])
        #expect(Fixture.files(in: fixture.root + "/.Public.spare") == expected)
    }

    @Test func aConfigurationFileInsideTheOutputIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var options = fixture.seedOptions(content: try fixture.copyOfContent())
        _ = try Builder.build(options)
        try "title: T\n".write(toFile: options.output + "/site.yml", atomically: true, encoding: .utf8)
        options.config = options.output + "/site.yml"
        #expect(throws: BuildFailure.self) { try Builder.build(options) }
        #expect(FileManager.default.fileExists(atPath: options.output + "/site.yml"))
    }

    @Test func aSymbolicLinkLeadingOutOfContentIsRefused() throws {
        try check(
            .fails([
                "Content/passwd.txt: error: symbolic link leads outside the content folder (to /etc/passwd); refused"
            ])
        ) {
            try FileManager.default.createSymbolicLink(atPath: $0 + "/passwd.txt", withDestinationPath: "/etc/passwd")
        }
    }

    @Test func outputOverlappingTheInputsOrUnwritableIsAnError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.copyOfContent()
        for output in [content, content + "/out", fixture.root] {
            var options = fixture.seedOptions(content: content)
            options.output = output
            #expect(throws: BuildFailure.self) { try Builder.build(options) }
        }
        try "a file".write(toFile: fixture.root + "/file", atomically: true, encoding: .utf8)
        var options = fixture.seedOptions(content: content)
        options.output = fixture.root + "/file/Public"
        do {
            _ = try Builder.build(options)
            Issue.record("the build should have failed")
        } catch {
            #expect(error.stage == "write")
            #expect(error.diagnostics[0].description.hasPrefix("\(options.output): error: cannot write the site:"))
        }
        #expect(try String(contentsOfFile: fixture.root + "/file", encoding: .utf8) == "a file")
    }
}
