import Foundation
import Testing

@testable import BriefingKit

@Suite("Templates are checked before they are used")
struct TemplateSetTests {
    /// A template folder holding the given files, removed after the test.
    static func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func complete(_ overrides: [String: String] = [:]) -> [String: String] {
        var files: [String: String] = [:]
        for name in TemplateSet.required { files[name + ".mustache"] = "{{> layout}}" }
        files["layout.mustache"] = "<p>layout</p>"
        files.merge(overrides) { $1 }
        return files
    }

    /// The timeline's page leaves its view's events out only where no template it uses, itself
    /// or through partials and parents, may read them.
    @Test func whetherTheTimelinePageMayReadItsEventsFollowsItsPartialsAndParents() throws {
        #expect(!(try TemplateSet.load(from: "/nonexistent", requireFolder: false).timelineReadsEvents))
        let cases: [(String, [String: String], Bool)] = [
            ("built-in layout, list printed whole", ["timeline.mustache": "{{{eventList}}} Later events"], false),
            ("a section", ["timeline.mustache": "{{#events}}{{summary}}{{/events}}"], true),
            ("a transform", ["timeline.mustache": "{{^empty(events)}}x{{/empty(events)}}"], true),
            ("a dotted name", ["timeline.mustache": "{{ events.count }}"], true),
            (
                "in the parent's partial",
                [
                    "timeline.mustache": "{{<page}}{{/page}}", "page.mustache": "{{> aside}}",
                    "aside.mustache": "{{#events}}{{/events}}",
                ],
                true
            ),
            ("in a template the page does not use", ["timeline.mustache": "x", "other.mustache": "{{events}}"], false),
            ("delimiters changed", ["timeline.mustache": "{{=<% %>=}}<%#events%><%/events%>"], true),
        ]
        for (what, files, expected) in cases {
            let directory = try Self.folder(Self.complete(files))
            defer { try? FileManager.default.removeItem(atPath: directory) }
            do {
                #expect(try TemplateSet.load(from: directory).timelineReadsEvents == expected, "\(what)")
            } catch {
                Issue.record("\(what): \(error)")
            }
        }
    }

    @Test func aCompleteSetLoadsAndRenders() throws {
        let directory = try Self.folder(Self.complete(["index.mustache": "{{<layout}}{{/layout}} {{title}}"]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try TemplateSet.load(from: directory, over: .empty)
        #expect(try set.render("index", ["title": "A & B"]) == "<p>layout</p> A &amp; B")
    }

    /// Views hand text and numbers to the templates wrapped (`PrintedText`, `PrintedNumber`);
    /// a theme must see them as it would plain strings and numbers, transforms included.
    @Test func viewTextAndNumbersRenderAsPlainValues() throws {
        let template = """
            {{label}}|{{{label}}}|{{uppercased(label)}}|{{#detail}}[{{.}}]{{/detail}}{{^detail}}none{{/detail}}\
            |{{count}}|{{plusone(count)}}|{{#equalzero(count)}}zero{{/equalzero(count)}}|{{#detail}}{{href}}{{/detail}}
            """
        let directory = try Self.folder(Self.complete(["index.mustache": template]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try TemplateSet.load(from: directory, over: .empty)
        #expect(
            try set.render("index", LinkView(label: "A & b", href: "x.html", detail: "d", count: 0))
                == "A &amp; b|A & b|A &amp; B|[d]|0|1|zero|x.html")
        let bare = try set.render("index", LinkView(label: "c", href: "y.html"))
        #expect(bare == "c|c|C|none||||")
    }

    @Test func aViewsEmptyFieldIsEmptyNotTheSameNameAroundIt() throws {
        // Mustache's specification: a name a view has, with nothing in it, is not looked up in
        // the views around it; only a name the view lacks is.
        let template = "{{#links}}{{label}}:{{detail}}{{^detail}}none{{/detail}}:{{title}};{{/links}}"
        let directory = try Self.folder(Self.complete(["index.mustache": template]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set = try TemplateSet.load(from: directory, over: .empty)
        let outer: [String: Any] = [
            "detail": "outer", "title": "page",
            "links": [LinkView(label: "a", href: "a.html", detail: "d"), LinkView(label: "b", href: "b.html")],
        ]
        #expect(try set.render("index", outer) == "a:d:page;b:none:page;")
    }

    @Test func assetsAreCopiedButLinksLeadingOutOfTheThemeAreNot() throws {
        let directory = try Self.folder(Self.complete())
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/assets/img", withIntermediateDirectories: true)
        try "body{}".write(toFile: directory + "/assets/style.css", atomically: true, encoding: .utf8)
        try "x".write(toFile: directory + "/assets/img/a.svg", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/assets/passwd", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/assets/copy.css", withDestinationPath: directory + "/assets/style.css")
        let set = try TemplateSet.load(from: directory, over: .empty)
        #expect(set.assets.keys.sorted() == ["assets/copy.css", "assets/img/a.svg", "assets/style.css"])
    }

    @Test func syntaxErrorNamesTheTemplateLineAndColumn() throws {
        let directory = try Self.folder(Self.complete(["party.mustache": "<h1>\n{{#name}}\n{{/nam}}\n"]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try TemplateSet.load(from: directory, over: .empty)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].location.path == directory + "/party.mustache")
            #expect(error.diagnostics[0].location.line == 3)
            #expect(error.diagnostics[0].message.contains("section closed with a different name"))
        }
    }

    @Test func missingPartialAndMissingTemplateAreErrors() throws {
        var files = Self.complete(["term.mustache": "<h1>{{name}}</h1>\n  {{> footer }}\n"])
        files["timeline.mustache"] = nil
        let directory = try Self.folder(files)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(
            throws: BuildFailure(
                stage: "templates",
                diagnostics: [
                    .error(
                        directory + "/term.mustache", line: 2, column: 3,
                        "template refers to 'footer', but there is no footer.mustache in \(directory)"),
                    .error(directory + "/timeline.mustache", "missing template 'timeline': every build needs it"),
                ])
        ) {
            try TemplateSet.load(from: directory, over: .empty)
        }
    }
}
