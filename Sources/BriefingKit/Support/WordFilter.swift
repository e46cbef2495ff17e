/// The words an article's text holds, as a Bloom filter: it may say a word is there when it is
/// not, never that a word is missing when it is there.
///
/// What extraction and linking find in an article depends on the names of all parties and terms
/// only through the names whose words the article holds. A rebuild after the names changed
/// asks each article's filter about the changed names, and keeps what it found before unless
/// the filter may hold every word of one of them; a false "may" only costs finding again. At
/// about 12 bits a word and four probes, the usual estimate is that fewer than one missing word
/// in a hundred is taken for present, and a two-word name far less often.
struct WordFilter: Sendable, Equatable {
    /// A word hashed once, to be looked up in many filters.
    struct Probe: Sendable {
        fileprivate var first: UInt64
        fileprivate var step: UInt64

        /// The same word gives the same bits in every process (FNV-1a over its UTF-8, then two
        /// rounds of SplitMix64's mixer), so a filter's false "may" is the same from run to run
        /// rather than drawn anew by the process's random hash seed.
        init(_ word: String) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in word.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            func mix(_ value: UInt64) -> UInt64 {
                var z = value &+ 0x9e37_79b9_7f4a_7c15
                z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
                z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
                return z ^ (z >> 31)
            }
            first = mix(hash)
            // Odd, so that the probes walk distinct bits of a power-of-two table.
            step = mix(first) | 1
        }
    }

    private var bits: [UInt64]
    /// Bits set for each word.
    private var probesPerWord: UInt64

    /// A filter of at least `bitsPerWord` bits a word, setting `probes` bits for each. The
    /// default gives about one false "may" in a hundred; 32 bits and ten probes, about two in a
    /// million, for filters asked about many words each.
    init(words: some Sequence<String>, bitsPerWord: Int = 12, probes: UInt64 = 4) {
        let unique = Set(words)
        var size = 64
        while size < unique.count * bitsPerWord { size *= 2 }
        bits = [UInt64](repeating: 0, count: size / 64)
        probesPerWord = probes
        let mask = UInt64(size - 1)
        for word in unique {
            let probe = Probe(word)
            for index in 0..<probesPerWord {
                let bit = (probe.first &+ index &* probe.step) & mask
                bits[Int(bit >> 6)] |= 1 << (bit & 63)
            }
        }
    }

    /// The folded words of every text of the article that extraction and linking read: its
    /// headline and dek, each paragraph's visible text, and each run of text within it, which
    /// the linker reads one at a time.
    init(_ article: Article) {
        var words: [String] = []
        func add(_ text: String) { words += MentionMatcher.words(in: text).map(\.folded) }
        add(article.title)
        if let dek = article.dek { add(dek) }
        for paragraph in article.paragraphs {
            let runs = Markdown.textRuns(of: paragraph.markdown)
            add(runs.map(\.text).joined())
            if runs.count > 1 { runs.forEach { add($0.text) } }
        }
        self.init(words: words)
    }

    /// False only when `word` is certainly not among the filter's words.
    func mayContain(_ probe: Probe) -> Bool {
        let mask = UInt64(bits.count * 64 - 1)
        for index in 0..<probesPerWord {
            let bit = (probe.first &+ index &* probe.step) & mask
            if bits[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
        }
        return true
    }

    /// False only when some word of each name is certainly missing.
    func mayContainAll(ofAny names: [[Probe]]) -> Bool {
        names.contains { $0.allSatisfy(mayContain) }
    }
}

/// Each article's word filter, by the article's path; what a rebuild in the preview reads to
/// keep an article's results when names changed that it does not hold.
struct ArticleWords: Sendable {
    var filters: [String: WordFilter]

    /// Kept results hold for the articles that hold no name `changed` gives for the two
    /// contexts, and for no article the filters do not know.
    func holds<Context, Value>(_ changed: @escaping @Sendable (Context, Context) -> [[String]])
        -> Memo<String, Article, Context, Value>.Holds
    {
        let filters = self.filters
        return { last, now in
            let names = changed(last, now).map { $0.map(WordFilter.Probe.init) }
            return { article, _ in filters[article.path].map { !$0.mayContainAll(ofAny: names) } ?? false }
        }
    }

    /// For a step that reads the matches of names: the names it matches differently.
    func holdsForNames<Value>() -> Memo<String, Article, [MentionMatcher.Name], Value>.Holds {
        holds(MentionMatcher.changedNames)
    }

    /// For a step that reads whether a word belongs to a name: the words added or gone.
    func holdsForWords<Value>() -> Memo<String, Article, Set<String>, Value>.Holds {
        holds { last, now in last.symmetricDifference(now).map { [$0] } }
    }
}
