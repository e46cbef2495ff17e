import Foundation
import Testing

@testable import BriefingKit

@Suite("The built-in theme, and a template folder laid over it")
struct BuiltInThemeTests {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Every file under a folder by relative path, dot-files and dot-folders left out.
    static func files(in folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: folder + "/" + relative) {
                files[relative] = data
            }
        }
        return files
    }

    @Test func theBuiltInThemeIsTheTemplatesFolderByteForByte() {
        let onDisk = Self.files(in: Self.repository + "/Templates").filter { TemplateSet.isThemeFile($0.key) }
        #expect(onDisk.count >= TemplateSet.required.count + 2)
        #expect(Theme.builtIn.files.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk {
            #expect(Theme.builtIn.files[path] == data, "\(path) differs from the embedded copy")
        }
    }

    @Test func theScaffoldIsTheScaffoldFolderWithACopyOfTheTheme() {
        var expected = Self.files(in: Self.repository + "/Scaffold")
        for (path, data) in Theme.builtIn.files { expected["Templates/" + path] = data }
        #expect(Scaffold.files == expected)
        #expect(Scaffold.files["briefing.yml"] != nil)
        #expect(Scaffold.files.keys.contains { $0.hasPrefix("Content/") && $0.hasSuffix(".md") })
    }

    @Test func withoutAFolderTheBuiltInThemeIsUsedAloneWhenAllowed() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)").path
        let set = try TemplateSet.load(from: missing, requireFolder: false)
        #expect(!set.folderExists)
        #expect(set.assets == Theme.builtIn.files.filter { $0.key.hasPrefix("assets/") })
        #expect(set.summary == "built-in theme (no \(missing) folder), \(set.assets.count) asset(s)")
        #expect(try set.render("robots.txt", ["sitemap": "https://example.org/sitemap.xml"]).contains("Sitemap:"))

        #expect(
            throws: BuildFailure(stage: "templates", diagnostics: [.error(missing, "template folder not found")])
        ) {
            try TemplateSet.load(from: missing)
        }
    }

    @Test func anEmptyFolderGivesTheBuiltInTheme() throws {
        let directory = try TemplateSetTests.folder([:])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try TemplateSet.load(from: directory)
        #expect(set.folderExists && set.replaced.isEmpty && set.added.isEmpty)
        #expect(set.summary.hasPrefix("built-in theme (\(directory) holds no theme files)"))
        #expect(set.assets.count == Theme.builtIn.files.keys.filter { $0.hasPrefix("assets/") }.count)
    }

    @Test func aFolderReplacesAndAddsFilesOneByOne() throws {
        let directory = try TemplateSetTests.folder([
            "robots.txt.mustache": "OVERRIDE {{sitemap}}", "extra.mustache": "{{> footer}}",
            "notes.txt": "not a template",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/assets/img", withIntermediateDirectories: true)
        try "body{}".write(toFile: directory + "/assets/style.css", atomically: true, encoding: .utf8)
        try "<svg/>".write(toFile: directory + "/assets/img/logo.svg", atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(from: directory)
        #expect(set.replaced == ["assets/style.css", "robots.txt.mustache"])
        #expect(set.added == ["assets/img/logo.svg", "extra.mustache"])
        #expect(try set.render("robots.txt", ["sitemap": "s"]) == "OVERRIDE s")
        // The rest comes from the built-in theme, and a new template may use its partials.
        #expect(try set.render("sitemap.xml", [String: Any]()).hasPrefix("<?xml"))
        #expect(try set.render("extra", [String: Any]()).contains("site-footer"))
        #expect(set.assets["assets/style.css"] == Data("body{}".utf8))
        #expect(set.assets["assets/favicon.svg"] == Theme.builtIn.files["assets/favicon.svg"])
        #expect(set.assets["assets/img/logo.svg"] == Data("<svg/>".utf8))
    }

    @Test func aBrokenOverrideNamesTheFolderFileAndLine() throws {
        let directory = try TemplateSetTests.folder([
            "article.mustache": "<h1>\n{{#title}}\n", "term.mustache": "{{> gone}}",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(
            throws: BuildFailure(
                stage: "templates",
                diagnostics: [
                    .error(
                        directory + "/article.mustache", line: 3, column: 1,
                        "template syntax error: section is never closed"),
                    .error(
                        directory + "/term.mustache", line: 1, column: 1,
                        "template refers to 'gone', but there is no gone.mustache in \(directory) or the built-in theme"
                    ),
                ])
        ) {
            try TemplateSet.load(from: directory)
        }
    }

    @Test func diagnosticsNameABuiltInFileAsPartOfTheBuiltInTheme() throws {
        let theme = Theme(files: ["index.mustache": Data("{{#open}}".utf8), "404.mustache": Data("{{> nope}}".utf8)])
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)").path
        do {
            _ = try TemplateSet.load(from: missing, over: theme, requireFolder: false)
            Issue.record("expected an error")
        } catch {
            let paths = error.diagnostics.map(\.location.path)
            #expect(paths.contains("(built-in theme)/index.mustache"))
            #expect(paths.contains("(built-in theme)/404.mustache"))
            #expect(
                error.diagnostics.contains {
                    $0.message == "template refers to 'nope', but there is no nope.mustache in the built-in theme"
                })
        }
    }
}
