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
        // A final sigma is a sigma, however the word was cased; vowel signs stay in their words.
        #expect(SearchIndex.words(in: "ΟΔΟΣ οδός हिंदी समाचार") == ["οδοσ", "हिंदी", "समाचार"])
    }

    @Test func newsTextIsReadByteByByteAsTheUnicodeTablesReadIt() {
        // Curly quotes, dashes, an ellipsis, no-break and thin spaces, a zero-width joiner: the
        // byte-by-byte reading. The same text with " é" added (one letter, not a word) is read
        // through the Unicode tables.
        let text =
            "Putin’s “pause” — on 18\u{A0}March… the US‑Russia talks\u{2009}(2nd round)\u{200D}ended; X‑ray 1,200 drones"
        #expect(SearchIndex.words(in: text) == SearchIndex.words(in: text + " \u{E9}"))
        #expect(
            SearchIndex.words(in: text) == [
                "putin", "pause", "on", "18", "march", "the", "us", "russia", "talks", "2nd", "round", "ended", "ray",
                "200", "drones",
            ])
    }

    @Test func rowsAreHeldAsDifferencesAcrossBlocks() {
        func list(_ rows: [Int]) -> SearchIndex.Postings.RowList {
            var list = SearchIndex.Postings.RowList()
            for row in rows { list.add(row) }
            return list
        }
        func differences(_ list: SearchIndex.Postings.RowList) -> [Int] {
            var found: [Int] = []
            list.forEachDifference { found.append($0) }
            return found
        }
        // A row added twice counts once; differences past seven bits take more bytes.
        let first = list([3, 3, 130, 131, 20_000])
        #expect(differences(first) == [3, 127, 1, 19_869])
        var merged = SearchIndex.Postings.RowList()
        merged.append(SearchIndex.Postings.RowList())
        merged.append(first)
        merged.append(list([20_300, 1_000_000]))
        merged.append(SearchIndex.Postings.RowList())
        #expect(differences(merged) == [3, 127, 1, 19_869, 300, 979_700])
        #expect(differences(merged) == differences(list([3, 130, 131, 20_000, 20_300, 1_000_000])))
    }

    @Test func aWordsShardIsTheHashOfItsFirstTwoLetters() {
        // FNV-1a over the code points 0x70 and 0x75, worked out apart: 0x5C4E6B6E, which is 14 modulo 16.
        #expect(SearchIndex.bucket(of: "putin", count: 16) == 14)
        #expect(SearchIndex.bucket(of: "pu", count: 1 << 31) == Int(UInt32(0x5C4E_6B6E) % (1 << 31)))
        #expect(SearchIndex.wordShards(rows: 37) == 16)
        #expect(SearchIndex.wordShards(rows: 58_000) == 256)
        #expect(SearchIndex.wordShards(rows: 10_000_000) == 1024)
    }

    /// The shards of rows as `RowShards` cuts them, by name, each with its keys.
    static func shards(_ keys: [String]) -> [String: ArraySlice<String>] {
        let hashes = keys.map(ContentCuts.hash)
        let starts = SearchIndex.rowCuts.starts(hashes)
        let ends = starts.dropFirst() + [keys.count]
        return Dictionary(
            uniqueKeysWithValues: zip(starts, ends).map { (ContentCuts.name(hashes[$0]), keys[$0..<$1]) })
    }

    @Test func rowsAddedChangeTheirOwnShardAndSeldomTheNext() {
        let keys = (0..<20_000).map { "articles/report-\($0 / 9)/index.html#p\($0 % 9 + 1)" }
        let before = Self.shards(keys)
        #expect((150...250).contains(before.count))
        #expect(
            before.values.allSatisfy {
                (SearchIndex.rowCuts.minimum...SearchIndex.rowCuts.maximum).contains($0.count)
            })
        // An article of nine paragraphs added in the middle, then one taken out.
        let added = Array(keys[..<9_000]) + (1...9).map { "articles/new/index.html#p\($0)" } + keys[9_000...]
        let removed = Array(keys[..<4_500]) + keys[4_509...]
        for (what, changed) in [("added", added), ("removed", removed)] {
            let after = Self.shards(changed)
            let differing = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            // The shard the rows fall in, and at most the one after it; numbered shards of a
            // hundred rows would have changed from there to the end, about a hundred.
            #expect((1...3).contains(differing.count), "\(what): \(differing.count) shards changed")
        }
    }
}
