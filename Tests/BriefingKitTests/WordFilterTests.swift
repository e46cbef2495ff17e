import Foundation
import Testing

@testable import BriefingKit

/// What lets a rebuild keep an article's results when names changed elsewhere: the article's
/// word filter, and which names a change of the name list touches.
@Suite("Names changed and the words an article holds")
struct WordFilterTests {
    static let seed = """
        President Vladimir Putin agreed to a 30-day pause in strikes on Ukraine’s energy \
        infrastructure, the Kremlin said after a call with Donald Trump. U.S. officials \
        called it a first step; Kyiv's response was cautious.
        """

    @Test func aWideFilterTakesAlmostNoMissingWordForPresent() {
        let held = (0..<500).map { "held phrase \($0)" }
        let filter = WordFilter(words: held, bitsPerWord: 32, probes: 10)
        #expect(held.allSatisfy { filter.mayContain(.init($0)) })
        // About two in a million by the estimate: none or one of 100,000.
        let present = (0..<100_000).filter { filter.mayContain(.init("absent phrase \($0)")) }.count
        #expect(present <= 2, "\(present) of 100,000 absent phrases taken for present")
    }

    @Test func aFilterNeverMissesAWordTheArticleHolds() {
        let article = Article(
            slug: "call", title: "Putin and Trump Talk", dek: "A pause in strikes",
            paragraphs: [
                Paragraph(number: 1, markdown: Self.seed, line: 1),
                Paragraph(number: 2, markdown: "The *Kremlin*[readout](https://example.org/a) named al-Sada.", line: 3),
            ], path: "call.txt")
        let filter = WordFilter(article)
        let held =
            ["putin", "and", "trump", "talk", "a", "pause", "in", "strikes"]
            + MentionMatcher.words(in: Self.seed).map(\.folded)
            // Emphasis and a link's text run into the next run: the words of each run and of the
            // joined text are both held.
            + ["kremlin", "readout", "kremlinreadout", "al", "sada"]
        for word in held {
            #expect(filter.mayContain(.init(word)), "\(word)")
        }
        // Of words it lacks, few are taken for present (about one in a hundred).
        let absent = (0..<2000).map { "absent\($0)" }
        let present = absent.filter { filter.mayContain(.init($0)) }.count
        #expect(present < 100, "\(present) of 2000 absent words taken for present")
        #expect(
            filter.mayContainAll(ofAny: [["absent"], ["vladimir", "putin"]].map { $0.map(WordFilter.Probe.init) }))
    }

    @Test func theNamesAChangeTouchesAreThoseMatchedDifferently() {
        func names(_ pairs: [(String, String)]) -> [MentionMatcher.Name] {
            pairs.map { MentionMatcher.Name(name: $0.0, target: .party($0.1)) }
        }
        let before = names([("Vladimir Putin", "putin"), ("Putin", "putin"), ("the Kremlin", "kremlin")])
        #expect(MentionMatcher.changedNames(from: before, to: before).isEmpty)
        // Names of other words reordered: each still matches what it matched.
        #expect(MentionMatcher.changedNames(from: before, to: before.reversed()).isEmpty)
        // A name added, one gone, one pointing elsewhere: their words, without a leading "the".
        var after = before
        after.append(.init(name: "Tomas Kerrowa", target: .party("kerrowa")))
        after.removeAll { $0.name == "Putin" }
        after[after.firstIndex { $0.name == "the Kremlin" }!].target = .party("russia")
        #expect(
            Set(MentionMatcher.changedNames(from: before, to: after))
                == [["tomas", "kerrowa"], ["putin"], ["kremlin"]])
        // Two names of the same words in the other order: the first one wins, so they changed.
        let twice = names([("US", "united-states"), ("us", "us-weekly")])
        #expect(MentionMatcher.changedNames(from: twice, to: twice.reversed()) == [["us"]])
    }
}
