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
///   row of each, as differences], "rows": N, "version": hash, "wordShards": B}`.
/// - `search/words/<n>.js` calls `briefingSearchShard("words/<n>", {word: [rows, title rows]})`
///   for the words whose first two letters hash to `n` (`bucket(of:count:)`). Rows are given as
///   the differences between ascending row numbers. `rows` hold the word in what they are found
///   by (`Rows.searched`); `title rows` in their title: a party's, term's or event's title, a
///   paragraph's article headline.
/// - `search/rows/<name>.js` calls `briefingSearchShard("rows/<name>", [[kind, title, detail, href, text], …])`
///   for the rows of one shard, with `href` relative to the site root. Shards are cut where
///   `ContentCuts` says, by a hash of each row's party, term or event slug or paragraph address
///   (about 100 rows a shard, 25 to 400), and named by their first row's hash, so that an
///   article added changes the shards its rows fall in and seldom the next, as with the
///   timeline's pages.
///
/// Words are read as the search script reads a query (`words(in:)`): the text is decomposed,
/// its combining accents (U+0300 to U+036F) dropped, its letters lowercased (a final sigma as a
/// sigma), then cut at everything that is not a letter, a digit or a mark. Words of one code
/// point are not indexed; a query's words match words they begin. Scripts written without
/// spaces (Chinese, Japanese, Thai) are found by the start of a run of letters only.
///
/// The manifest, written last, carries a hash of the shards' bytes, which the page adds to each
/// shard's address (`?v=…`), so that a browser holding shards of an earlier build fetches them again.
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
            hashes += SearchIndex.eventHashes(site, pages: pages)
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

        /// How many rows a site has, without making them.
        static func count(_ site: Site) -> Int {
            site.parties.count + site.terms.count + site.events.count
                + site.articles.reduce(0) { $0 + $1.paragraphs.count }
        }

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
                // The last article starting at or before the row: articles with no paragraphs
                // start where the next does, and the last of them is the one holding the row.
                let article = ContentCuts.part(of: index, starts: articleStarts)
                let linked = site.articles[article]
                let paragraph = linked.paragraphs[index - articleStarts[article]]
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
        RowShards(site, pages: pages).names.map(rowShardPath)
            + (0..<wordShards(rows: Rows.count(site))).map(wordShardPath) + [Routes.searchIndex]
    }

    /// The events' hashes, in the site's order: the timeline's, which has them already.
    static func eventHashes(_ site: Site, pages: TimelinePages) -> [UInt64] {
        pages.hashes.count == site.events.count ? pages.hashes : site.events.map { ContentCuts.hash($0.event.slug) }
    }

    /// The paths of a site's index with what they follow from: the slugs of its parties, terms
    /// and events in order, and each article's slug and paragraph numbers. The preview keeps
    /// the last build's, since most edits move none of these, and working the paths out hashes
    /// the address of every paragraph.
    struct Paths: Sendable {
        struct Rows: Equatable, Sendable {
            var parties: [String]
            var terms: [String]
            var events: [UInt64]
            var articles: [String]
            var paragraphs: [[Int]]
        }

        let rows: Rows
        let paths: [String]

        /// The paths of `site`'s index: `last`'s when its rows are the same.
        init(_ site: Site, pages: TimelinePages, last: Paths?) {
            rows = Rows(
                parties: site.parties.map { $0.party.slug }, terms: site.terms.map { $0.term.slug },
                events: SearchIndex.eventHashes(site, pages: pages), articles: site.articles.map { $0.article.slug },
                paragraphs: site.articles.map { $0.paragraphs.map { $0.paragraph.number } })
            if let last, last.rows == rows {
                paths = last.paths
            } else {
                paths = SearchIndex.paths(site, pages: pages)
            }
        }
    }

    /// The index's files, each handed to `emit` as it is made, in the order of `paths`: the
    /// shards of rows, of words, then `search/index.js`.
    static func files(_ site: Site, pages: TimelinePages, emit: (OutputFile) throws(BuildFailure) -> Void)
        throws(BuildFailure)
    {
        let rows = Rows(site, pages: pages)
        let shardCount = wordShards(rows: rows.count)
        let rowShards = RowShards(site, pages: pages)
        // The manifest, written last, names a version of the shards: a hash of their bytes.
        var version = ContentHash()
        func emitShard(_ file: OutputFile) throws(BuildFailure) {
            version.add(file.contents)
            try emit(file)
        }
        // Each shard of rows is written, and its rows' words gathered, from one making of its
        // rows, a block of shards (about 2,000 rows) a core, a few blocks a core at a time; the
        // blocks in order keep each word's rows ascending. A block's words are sorted into the
        // shards of words they go to, so that those are then merged each on its own core.
        var blocks: [Range<Int>] = []
        var first = 0
        for shard in rowShards.starts.indices
        where shard + 1 == rowShards.starts.count || rowShards.starts[shard + 1] - rowShards.starts[first] >= 2_000 {
            blocks.append(first..<(shard + 1))
            first = shard + 1
        }
        var postings: [[[String: Postings]]] = []
        for batch in stride(from: 0, to: blocks.count, by: Parallel.batchSize) {
            let made = Parallel.map(Array(blocks[batch..<min(batch + Parallel.batchSize, blocks.count)])) {
                (block: Range<Int>) -> (files: [OutputFile], words: [[String: Postings]]) in
                var files: [OutputFile] = []
                var found: [String: Postings] = [:]
                for shard in block {
                    let name = rowShards.names[shard]
                    var json = JSONText(capacity: 32_768)
                    json.raw("\(callback)(\"rows/\(name)\",[")
                    let range = rowShards.range(shard, rows: rows.count)
                    for index in range {
                        let row = rows.row(index)
                        if index > range.lowerBound { json.comma() }
                        json.strings(row)
                        let (all, title) = Rows.searched(row)
                        forEachWord(in: all) { found[$0, default: Postings()].add(all: index) }
                        forEachWord(in: title) { found[$0, default: Postings()].add(title: index) }
                    }
                    json.raw("]);\n")
                    files.append(OutputFile(path: rowShardPath(name), contents: json.data))
                }
                var shards = Array(repeating: [String: Postings](), count: shardCount)
                for (word, list) in found { shards[bucket(of: word, count: shardCount)][word] = list }
                return (files, shards)
            }
            for block in made {
                for file in block.files { try emitShard(file) }
                postings.append(block.words)
            }
        }
        // By shard, each block's words (the dictionaries shared, not copied), so that a shard's
        // words are let go of once it is written.
        var byShard = (0..<shardCount).map { shard in postings.map { $0[shard] } }
        postings = []
        for batch in stride(from: 0, to: shardCount, by: Parallel.batchSize) {
            let shards = Array(batch..<min(batch + Parallel.batchSize, shardCount))
            let made = Parallel.map(shards.map { ($0, byShard[$0]) }) { (shard, blocks) -> OutputFile in
                var merged: [String: Postings] = [:]
                for block in blocks {
                    for (word, rows) in block { merged[word, default: Postings()].append(rows) }
                }
                var json = JSONText(capacity: 4096)
                json.raw("\(callback)(\"words/\(shard)\",{")
                for (index, (word, found)) in merged.sorted(by: { $0.key < $1.key }).enumerated() {
                    if index > 0 { json.comma() }
                    json.string(word)
                    json.raw(":[")
                    json.differences(found.all)
                    json.comma()
                    json.differences(found.title)
                    json.raw("]")
                }
                json.raw("});\n")
                return OutputFile(path: wordShardPath(shard), contents: json.data)
            }
            for shard in shards { byShard[shard] = [] }
            for file in made { try emitShard(file) }
        }
        try emit(
            OutputFile(
                path: Routes.searchIndex,
                contents: manifest(rows, wordShards: shardCount, rowShards: rowShards, version: version.name)))
    }

    static func manifest(_ rows: Rows, wordShards: Int, rowShards: RowShards, version: String) -> Data {
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
            object.field("version", version)
            object.field("wordShards", wordShards)
        }
        json.raw(";\n")
        return json.data
    }

    /// The rows holding a word, and the rows whose title holds it.
    struct Postings: Sendable {
        var all = RowList()
        var title = RowList()

        /// Adds a row once, however often it holds the word; rows come in order.
        mutating func add(all row: Int) { all.add(row) }

        mutating func add(title row: Int) { title.add(row) }

        mutating func append(_ other: Postings) {
            all.append(other.all)
            title.append(other.title)
        }

        /// Ascending row numbers held as the differences between them, seven bits a byte (the
        /// high bit marking that more follow): most are a byte where a number took four, which
        /// at 10,000 articles is most of the index's memory.
        struct RowList: Sendable {
            private(set) var bytes: [UInt8] = []
            private var first = -1
            private var last = -1

            mutating func add(_ row: Int) {
                guard row != last else { return }
                if first < 0 { first = row }
                Self.write(last < 0 ? row : row - last, into: &bytes)
                last = row
            }

            /// The rows of `other`, all after this one's.
            mutating func append(_ other: RowList) {
                guard other.first >= 0 else { return }
                guard first >= 0 else {
                    self = other
                    return
                }
                // Its first row, written as it is, becomes a difference from this one's last.
                var skipped = 0
                while other.bytes[skipped] & 0x80 != 0 { skipped += 1 }
                Self.write(other.first - last, into: &bytes)
                bytes += other.bytes[(skipped + 1)...]
                last = other.last
            }

            /// The differences, in order.
            func forEachDifference(_ body: (Int) -> Void) {
                var value = 0
                var shift = 0
                for byte in bytes {
                    value |= Int(byte & 0x7F) << shift
                    if byte & 0x80 != 0 {
                        shift += 7
                    } else {
                        body(value)
                        value = 0
                        shift = 0
                    }
                }
            }

            private static func write(_ value: Int, into bytes: inout [UInt8]) {
                var value = value
                while value >= 0x80 {
                    bytes.append(UInt8(value & 0x7F) | 0x80)
                    value >>= 7
                }
                bytes.append(UInt8(value))
            }
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
        forEachWord(in: text) { if seen.insert($0).inserted { found.append($0) } }
        return found
    }

    /// Each word of `text` of two code points or more, as often as it comes.
    ///
    /// Text of ASCII letters, digits and punctuation, with spaces and the punctuation of
    /// U+2000 to U+206F (curly quotes, dashes, ellipses) as the only other characters, most of a
    /// news article, is read byte by byte; anything else through the Unicode tables.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var text = text
        let simple = text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            // First whether the text is simple, so that `body` sees each word once.
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                    index += 2  // a no-break space
                } else if byte == 0xE2, index + 2 < bytes.count,
                    bytes[index + 1] == 0x80 || (bytes[index + 1] == 0x81 && bytes[index + 2] < 0xB0)
                {
                    index += 3  // U+2000 to U+206F, every one a space, a mark of punctuation or a format character
                } else {
                    return false
                }
            }
            var word: [UInt8] = []
            word.reserveCapacity(32)
            func end() {
                if word.count >= 2 { body(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                // Any other byte, the bytes of the characters above included, ends a word.
                default: end()
                }
            }
            end()
            return true
        }
        if simple { return }
        var stripped = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            stripped.append(scalar)
        }
        var word = String.UnicodeScalarView()
        func end() {
            if word.count >= 2 { body(String(word)) }
            word = String.UnicodeScalarView()
        }
        for scalar in String(stripped).lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            // A final sigma is a sigma: the script's lowercasing writes it where a word ends, this
            // one never.
            case .lowercaseLetter where scalar.value == 0x3C2: word.append("\u{3C3}")
            // Marks other than the accents dropped belong to their letters (the vowel signs of
            // Devanagari or Thai).
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                word.append(scalar)
            default: end()
            }
        }
        end()
    }
}

extension JSONText {
    /// Rows as the differences between each and the one before, the first as it is.
    mutating func differences(_ rows: SearchIndex.Postings.RowList) {
        raw("[")
        var first = true
        rows.forEachDifference { difference in
            if !first { comma() }
            first = false
            digits(difference)
        }
        raw("]")
    }
}

/// A hash of bytes that is the same in every build: FNV-1a over eight bytes at a time.
struct ContentHash {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3
                offset += 8
            }
            while offset < bytes.count {
                hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
                offset += 1
            }
        }
    }

    /// Twelve hexadecimal digits of the hash.
    var name: String { ContentCuts.name(hash) }
}
