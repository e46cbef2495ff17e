import Foundation
import Testing

@testable import BriefingKit

@Suite("Front matter and editorial files")
struct FrontMatterTests {
    @Test func malformedYAMLNamesLineAndColumnInTheFile() {
        let text = "---\nname: Putin\nkind: [person\n---\nBody\n"
        do {
            _ = try FrontMatter.parse(text, path: "parties/p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.location.path == "parties/p.md")
            #expect(error.location.line == 4)
            #expect(error.description.contains("error: invalid front matter"))
        }
    }

    @Test func unclosedFrontMatter() {
        #expect(throws: Diagnostic.error("p.md", line: 1, column: 1, "front matter opened with '---' is never closed"))
        {
            try FrontMatter.parse("---\nname: x\n", path: "p.md")
        }
    }

    @Test func duplicateKeysAreErrors() {
        do {
            _ = try FrontMatter.parse("---\nname: A\nname: B\n---\n", path: "p.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("duplicate key in front matter: name"))
        }
    }

    @Test func partyWithUnknownKeyWarnsAndWithBadKindFails() throws {
        let (party, warnings) = try EditorialParser.party(
            "---\nname: Marco Rubio\nkind: person\nrole: Secretary of State\nnickname: x\naliases: [Rubio]\n---\nBio.\n",
            path: "parties/marco-rubio.md", fileSlug: "marco-rubio")
        #expect(party.slug == "marco-rubio")
        #expect(party.aliases == ["Rubio"])
        #expect(party.description == "Bio.")
        #expect(warnings.count == 1)
        #expect(warnings[0].location == SourceLocation(path: "parties/marco-rubio.md", line: 5, column: 1))

        #expect(
            throws: BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        "parties/x.md", line: 3, column: 1,
                        "unknown party kind 'alien' (use one of: person, government, organisation, country, group)")
                ])
        ) {
            try EditorialParser.party("---\nname: X\nkind: alien\n---\n", path: "parties/x.md", fileSlug: "x")
        }
    }

    @Test func missingRequiredKeysAreAllReported() {
        #expect(
            throws: BuildFailure(
                stage: "load",
                diagnostics: [
                    .error("parties/p.md", line: 1, column: 1, "missing required key 'kind' in front matter"),
                    .error("parties/p.md", line: 1, column: 1, "missing required key 'name' in front matter"),
                ])
        ) {
            try EditorialParser.party("---\naliases: [a]\n---\n", path: "parties/p.md", fileSlug: "p")
        }
    }

    @Test func eventWithBadDateAndWrongTypes() {
        do {
            _ = try EditorialParser.event(
                "---\nsummary: [a, b]\ndate: 18 March\nsources: putin#p1\n---\n", path: "events/e.md", fileSlug: "e",
                publicationDate: nil)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "events/e.md:2:1: error: 'summary' must be text, not a list or mapping",
                    "events/e.md:3:1: error: 'date' must be a date written YYYY-MM-DD, not '18 March'",
                ])
        }
    }

    @Test func eventListsKeepTheLineOfEachItem() throws {
        let (event, _) = try EditorialParser.event(
            "---\nsummary: Talks\ndate: 2025-03-20\nsources:\n  - a#p1\n  - a#p2\nparties: [x, y]\n---\n",
            path: "events/e.md", fileSlug: "e", publicationDate: "2025-03-18")
        #expect(event.sources.map(\.location.line) == [5, 6])
        #expect(event.parties.map(\.value) == ["x", "y"])
        #expect(event.status == .planned)
    }

    @Test func editorialFileWithoutFrontMatter() {
        #expect(
            throws: BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        "terms/t.md", line: 1, column: 1,
                        "expected YAML front matter between '---' lines at the top of the file")
                ])
        ) {
            try EditorialParser.term("Just text\n", path: "terms/t.md", fileSlug: "t")
        }
    }

    @Test func nullAndEmptyValuesAreNotText() {
        do {
            _ = try EditorialParser.party(
                "---\nname: ~\nkind: person\naliases: [Rubio, '', Rubio]\n---\n", path: "parties/r.md",
                fileSlug: "r")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "parties/r.md:2:1: error: 'name' must not be empty",
                    "parties/r.md:4:18: error: an item of 'aliases' is empty",
                ])
        }
    }

    @Test func aFileNameWithoutASCIILettersNeedsASlug() {
        #expect(throws: BuildFailure.self) {
            try EditorialParser.party("---\nname: Japan\nkind: country\n---\n", path: "parties/日本.md", fileSlug: "")
        }
        let named = try? EditorialParser.party(
            "---\nname: Japan\nkind: country\nslug: japan\n---\n", path: "parties/日本.md", fileSlug: "")
        #expect(named?.0.slug == "japan")
    }

    @Test func articleURLMustBeHTTP() {
        #expect(throws: BuildFailure.self) {
            try MarkdownArticleParser.parse(
                "---\ntitle: T\nurl: \"javascript:alert(1)\"\n---\nBody.\n", path: "a.md", slug: "a")
        }
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        var bytes = Array("Headline\n\nGood line\nBad ".utf8)
        bytes.append(0xFF)
        #expect(
            throws: BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        "a.txt", line: 4, column: 5,
                        "not valid UTF-8: byte 0xFF at offset 24 (1 byte(s)); save the file as UTF-8")
                ])
        ) {
            try SourceText.decodeUTF8(Data(bytes), path: "a.txt")
        }
    }

    @Test func siteConfiguration() throws {
        let (config, warnings) = try ConfigLoader.parse(
            "title: T\nbase_url: https://example.org/brief\ntheme: dark\n", path: "briefing.yml")
        #expect(config.title == "T")
        #expect(config.normalizedBaseURL == "https://example.org/brief/")
        #expect(
            warnings.map(\.description) == [
                "briefing.yml:3:1: warning: unknown key 'theme' ignored (known keys: base_url, date, description, language, title)"
            ])
        #expect(throws: BuildFailure.self) { try ConfigLoader.parse("base_url: example.org\n", path: "briefing.yml") }
    }
}
