import Foundation
import Testing

@testable import BriefingKit

@Suite("Search index")
struct SearchIndexTests {
    @Test func wordsAreFoldedAndCutAsTheSearchScriptCutsAQuery() {
        #expect(
            SearchIndex.words(in: "Zelenskyy’s naïve ÉCOLE: Kyiv-based 3rd café, a café") == [
                "zelenskyy", "naive", "ecole", "kyiv", "based", "3rd", "cafe",
            ])
        #expect(
            SearchIndex.words(in: "Putin's US-Russia talks, 18 March") == [
                "putin", "us", "russia", "talks", "18", "march",
            ])
        // Letters of other scripts are letters; punctuation of other scripts cuts.
        #expect(SearchIndex.words(in: "Зеленский — Київ「東京」") == ["зеленскии", "киів", "東京"])
    }

    @Test func aWordsShardIsTheHashOfItsFirstTwoLetters() {
        // FNV-1a over the code points 0x70 and 0x75, worked out apart: 0x5C4E6B6E, which is 14 modulo 16.
        #expect(SearchIndex.bucket(of: "putin", count: 16) == 14)
        #expect(SearchIndex.bucket(of: "pu", count: 1 << 31) == Int(UInt32(0x5C4E_6B6E) % (1 << 31)))
        #expect(SearchIndex.wordShards(rows: 37) == 16)
        #expect(SearchIndex.wordShards(rows: 58_000) == 256)
        #expect(SearchIndex.wordShards(rows: 10_000_000) == 1024)
    }
}
