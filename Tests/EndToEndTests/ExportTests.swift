import Foundation
import Testing

@testable import BriefingKit

/// `briefing.json` is written field by field; these tests hold its bytes to what `JSONEncoder`
/// gives for the same values, with sorted keys and slashes left as they are.
@Suite("The JSON export")
struct ExportTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test func everyStringIsEscapedAsJSONEncoderEscapesIt() throws {
        var awkward = ""
        for value in 0..<0x20 { awkward.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        awkward += "\"quoted\" back\\slash a/b \u{7F}\u{2028}é😀<&>'"
        for text in [awkward, "", "plain", "\\", "\"", "ends with a control\u{1F}"] {
            var json = JSONText()
            json.strings([text, text + text])
            #expect(json.data == (try Self.encoder().encode([text, text + text])), "\(text.debugDescription)")
        }
    }

    @Test func eachElementIsWhatJSONEncoderGives() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (_, _, report) = try Builder.render(
            fixture.seedOptions(content: try IncrementalBuildTests.content(fixture)))
        let site = try #require(report.site)
        let encoder = Self.encoder()
        #expect(site.articles.count == 5 && !site.events.isEmpty && !site.parties.isEmpty && !site.terms.isEmpty)
        func expectSame<Value: Encodable>(_ values: [Value], _ write: (Value, inout JSONText) -> Void) throws {
            for (index, value) in values.enumerated() {
                #expect(Export.encoded(value, write) == (try encoder.encode(value)), "\(Value.self) \(index)")
            }
        }
        try expectSame(site.articles.map(Export.article), Export.write)
        try expectSame(TimelinePages(site.events).placed(site.events).map(Export.event), Export.write)
        try expectSame(site.parties.map(Export.party), Export.write)
        try expectSame(site.terms.map(Export.term), Export.write)
        // Every optional field, present and absent.
        let full = Export.Article(
            slug: "a", title: "T \"1\"", dek: "d", summary: "s", date: "2025-01-02", source: "S", url: "https://x/y",
            byline: "B", page: "articles/a/index.html",
            paragraphs: [
                Export.Paragraph(
                    number: 1, anchor: "p1", section: "Sec", text: "t\n",
                    mentions: [
                        Export.Mention(party: "p", term: nil, text: "P"),
                        Export.Mention(party: nil, term: "q", text: "Q"),
                    ], events: ["e"])
            ], parties: ["p"], terms: ["q"])
        var bare = full
        (bare.dek, bare.summary, bare.date, bare.source, bare.url, bare.byline) = (nil, nil, nil, nil, nil, nil)
        bare.paragraphs[0].section = nil
        try expectSame([full, bare], Export.write)
        try expectSame(
            [
                Export.Event(
                    slug: "e", summary: "s", date: nil, when: "w", order: -3, status: "past", sources: ["a#p1"],
                    parties: [], description: "d", page: "timeline/index.html#event-e")
            ], Export.write)
    }
}
