import Foundation

/// The search page's index, in pieces the browser loads as a query needs them: every party,
/// term, event and paragraph is a row, and the words of the rows are indexed by their first two
/// letters, so that a search reads the few shards of its words and the rows it shows.
///
/// One script holding every row was 20 MB at 1,000 articles and 213 MB at 10,000, loaded whole
/// before the first result.
///
/// Every piece is a script, because a page opened from disk (`file://`) may load a script but
/// may not fetch a JSON file:
/// - `search/index.js` sets `window.briefingSearchIndex` to what the browser needs to find the
///   rest: `{"kinds": [[kind, first row], …], "rowShards": [name, …], "rowStarts": [first
///   row of each, as differences], "rows": N, "wordShards": B}`.
/// - `search/words/<n>.js` calls `briefingSearchShard("words/<n>", {word: [rows, title rows]})`
///   for the words whose first two letters hash to `n` (`bucket(of:count:)`). Rows are given as
///   the differences between ascending row numbers. `title rows` are the rows whose title holds
///   the word: a party's, term's or event's title, a paragraph's article headline.
/// - `search/rows/<name>.js` calls `briefingSearchShard("rows/<name>", [[kind, title, detail, href, text], …])`
///   for the rows of one shard, with `href` relative to the site root. Shards are cut where
///   `ContentCuts` says, by a hash of each row's party, term or event slug or paragraph address
///   (about 100 rows a shard, 25 to 400), and named by their first row's hash, so that an
///   article added changes the shards its rows fall in and seldom the next, as with the
///   timeline's pages.
///
/// Words are read as the search script reads a query (`words(in:)`): the text is decomposed,
/// its combining accents dropped and its letters lowercased, then cut at everything that is not
/// a letter or a digit. Words of one letter are not indexed; a query's words match words they begin.
enum SearchIndex {
    static let variable = "briefingSearchIndex"
    static let callback = "briefingSearchShard"
    static let rowCuts = ContentCuts(
        divisor: 100, finerDivisor: 25, minimum: 25, maximum: 400, evenPart: 100, whole: 100)
    static let kinds = ["party", "term", "event", "paragraph"]

    /// Shards of words: 16 for a small briefing, doubling for each 400 rows per shard beyond,
    /// up to 1,024, so that a shard stays a few hundred kilobytes.
    static func wordShards(rows: Int) -> Int {
        var count = 16
        while count < 1024 && count * 400 < rows { count *= 2 }
        return count
    }

    static func wordShardPath(_ shard: Int) -> String { "search/words/\(shard).js" }
    static func rowShardPath(_ name: String) -> String { "search/rows/\(name).js" }

    /// The shards of rows: where each starts, and its name.
    struct RowShards: Sendable {
        var starts: [Int]
        var names: [String]

        /// The shards of a site's rows; the events' hashes are the timeline's.
        init(_ site: Site, pages: TimelinePages) {
            var hashes = site.parties.map { ContentCuts.hash($0.party.slug) }
            hashes += site.terms.map { ContentCuts.hash($0.term.slug) }
            hashes +=
                pages.hashes.count == site.events.count
                ? pages.hashes : site.events.map { ContentCuts.hash($0.event.slug) }
            for linked in site.articles {
                hashes += linked.paragraphs.map {
                    ContentCuts.hash(
                        Routes.paragraph(Citation(article: linked.article.slug, paragraph: $0.paragraph.number)))
                }
            }
            starts = hashes.isEmpty ? [] : SearchIndex.rowCuts.starts(hashes)
            // Two shards whose first rows' hashes begin alike are told apart by the later one's place.
            var taken = Set<String>()
            names = starts.map { start in
                let name = ContentCuts.name(hashes[start])
                return taken.insert(name).inserted ? name : "\(name)-\(start)"
            }
        }

        func range(_ shard: Int, rows: Int) -> Range<Int> {
            starts[shard]..<(shard + 1 < starts.count ? starts[shard + 1] : rows)
        }
    }

    /// The rows of a site, by number: parties, terms, events, then paragraphs article by article.
    struct Rows: Sendable {
        let site: Site
        let events: [PlacedEvent]
        /// Where each kind's rows start, and the last row's end.
        let starts: [Int]
        /// For each article, the number of its first paragraph's row.
        let articleStarts: [Int]

        init(_ site: Site, pages: TimelinePages) {
            self.site = site
            events = pages.placed(site.events)
            let paragraphsStart = site.parties.count + site.terms.count + site.events.count
            var articleStarts: [Int] = []
            var next = paragraphsStart
            for linked in site.articles {
                articleStarts.append(next)
                next += linked.paragraphs.count
            }
            self.articleStarts = articleStarts
            starts = [0, site.parties.count, site.parties.count + site.terms.count, paragraphsStart, next]
        }

        var count: Int { starts[4] }

        /// Row `index`: `[kind, title, detail, href, text]`.
        func row(_ index: Int) -> [String] {
            switch index {
            case ..<starts[1]:
                let party = site.parties[index].party
                return [
                    "party", party.name, party.role ?? party.kind.rawValue.capitalized, Routes.party(party.slug),
                    party.aliases.joined(separator: "; "),
                ]
            case ..<starts[2]:
                let term = site.terms[index - starts[1]].term
                return [
                    "term", term.name, term.definition, Routes.term(term.slug), term.aliases.joined(separator: "; "),
                ]
            case ..<starts[3]:
                let place = events[index - starts[2]]
                let event = place.event.event
                return ["event", event.summary, DateLabel.event(event), place.path, ""]
            default:
                // The last article starting at or before the row.
                var low = 0
                var high = articleStarts.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if articleStarts[middle] <= index { low = middle } else { high = middle - 1 }
                }
                let linked = site.articles[low]
                let paragraph = linked.paragraphs[index - articleStarts[low]]
                return [
                    "paragraph", "\(linked.article.title), ¶\(paragraph.paragraph.number)",
                    DateLabel.text(linked.article.date) ?? "",
                    Routes.paragraph(Citation(article: linked.article.slug, paragraph: paragraph.paragraph.number)),
                    paragraph.text,
                ]
            }
        }

        /// The text a row is found by, and its title's: a paragraph is found by its own text, and
        /// ranked first when its article's headline holds the words too.
        static func searched(_ row: [String]) -> (all: String, title: String) {
            (row[0] == "paragraph" ? row[4] : row[1] + " " + row[2] + " " + row[4], row[1])
        }
    }

    /// Every path of a site's index, in the order `files` makes them.
    static func paths(_ site: Site, pages: TimelinePages) -> [String] {
        let rows =
            site.parties.count + site.terms.count + site.events.count
            + site.articles.reduce(0) { $0 + $1.paragraphs.count }
        return [Routes.searchIndex] + (0..<wordShards(rows: rows)).map(wordShardPath)
            + RowShards(site, pages: pages).names.map(rowShardPath)
    }

    /// The index's files, each handed to `emit` as it is made, in the order of `paths`.
    static func files(_ site: Site, pages: TimelinePages, emit: (OutputFile) throws(BuildFailure) -> Void)
        throws(BuildFailure)
    {
        let rows = Rows(site, pages: pages)
        let shardCount = wordShards(rows: rows.count)
        let rowShards = RowShards(site, pages: pages)
        try emit(
            OutputFile(
                path: Routes.searchIndex, contents: manifest(rows, wordShards: shardCount, rowShards: rowShards)))
        // The words of a block of rows at a time, on all cores; the blocks in order keep each
        // word's rows ascending.
        let blocks = stride(from: 0, to: rows.count, by: 2_000).map { $0..<min($0 + 2_000, rows.count) }
        var postings = Parallel.map(blocks) { (block: Range<Int>) -> [String: Postings] in
            var found: [String: Postings] = [:]
            for index in block {
                let (all, title) = Rows.searched(rows.row(index))
                let titleWords = Set(words(in: title))
                for word in words(in: all) {
                    found[word, default: Postings()].add(index, inTitle: titleWords.contains(word))
                }
            }
            return found
        }
        var shards = Array(repeating: [(String, Postings)](), count: shardCount)
        var merged: [String: Postings] = [:]
        // Each block let go of once merged, so that the rows' words are not held twice.
        for index in postings.indices {
            for (word, found) in postings[index] { merged[word, default: Postings()].append(found) }
            postings[index] = [:]
        }
        for (word, found) in merged { shards[bucket(of: word, count: shardCount)].append((word, found)) }
        merged = [:]
        for (shard, entries) in shards.enumerated() {
            var json = JSONText(capacity: 4096)
            json.raw("\(callback)(\"words/\(shard)\",{")
            for (index, (word, found)) in entries.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if index > 0 { json.comma() }
                json.string(word)
                json.raw(":[")
                json.differences(found.all)
                json.comma()
                json.differences(found.title)
                json.raw("]")
            }
            json.raw("});\n")
            try emit(OutputFile(path: wordShardPath(shard), contents: json.data))
        }
        for batch in stride(from: 0, to: rowShards.starts.count, by: Parallel.batchSize) {
            let made = Parallel.map(Array(batch..<min(batch + Parallel.batchSize, rowShards.starts.count))) {
                (shard: Int) -> OutputFile in
                let name = rowShards.names[shard]
                var json = JSONText(capacity: 32_768)
                json.raw("\(callback)(\"rows/\(name)\",[")
                let range = rowShards.range(shard, rows: rows.count)
                for index in range {
                    if index > range.lowerBound { json.comma() }
                    json.strings(rows.row(index))
                }
                json.raw("]);\n")
                return OutputFile(path: rowShardPath(name), contents: json.data)
            }
            for file in made { try emit(file) }
        }
    }

    static func manifest(_ rows: Rows, wordShards: Int, rowShards: RowShards) -> Data {
        var json = JSONText()
        json.raw("window.\(variable) = ")
        json.object { object in
            object.field("kinds", Array(zip(kinds, rows.starts))) { json, kind in
                json.raw("[")
                json.string(kind.0)
                json.comma()
                json.number(kind.1)
                json.raw("]")
            }
            object.field("rowShards", rowShards.names)
            object.field("rowStarts", zip(rowShards.starts, [0] + rowShards.starts).map { $0 - $1 }) { json, step in
                json.number(step)
            }
            object.field("rows", rows.count)
            object.field("wordShards", wordShards)
        }
        json.raw(";\n")
        return json.data
    }

    /// The rows holding a word, and of those the rows whose title holds it.
    struct Postings: Sendable {
        var all: [Int32] = []
        var title: [Int32] = []

        mutating func add(_ row: Int, inTitle: Bool) {
            all.append(Int32(row))
            if inTitle { title.append(Int32(row)) }
        }

        mutating func append(_ other: Postings) {
            all += other.all
            title += other.title
        }
    }

    /// The shard of a word: FNV-1a over the code points of its first two letters, as the search
    /// script computes it.
    static func bucket(of word: String, count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for scalar in word.unicodeScalars.prefix(2) {
            hash ^= scalar.value
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// The words of `text` as the search script reads them, each once, in order of first use;
    /// words of one letter left out.
    static func words(in text: String) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        func add(_ word: String) {
            if word.unicodeScalars.count >= 2, seen.insert(word).inserted { found.append(word) }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Letters and digits are the only ASCII letters and numbers.
            var word: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                default:
                    if !word.isEmpty { add(String(decoding: word, as: UTF8.self)) }
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { add(String(decoding: word, as: UTF8.self)) }
            return found
        }
        var stripped = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            stripped.append(scalar)
        }
        var word = String.UnicodeScalarView()
        for scalar in String(stripped).lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                word.append(scalar)
            default:
                if !word.isEmpty { add(String(word)) }
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { add(String(word)) }
        return found
    }
}

extension JSONText {
    /// Ascending numbers as the differences between each and the one before, the first as it is.
    mutating func differences(_ values: [Int32]) {
        raw("[")
        var last: Int32 = 0
        for (index, value) in values.enumerated() {
            if index > 0 { comma() }
            digits(Int(value - last))
            last = value
        }
        raw("]")
    }
}
