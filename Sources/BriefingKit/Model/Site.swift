/// What a mention points at.
public enum EntityRef: Hashable, Sendable, Codable, Comparable {
    case party(String)
    case term(String)

    public var slug: String {
        switch self {
        case .party(let slug), .term(let slug): slug
        }
    }
}

/// A sentence quoted around a mention, split so the mention can be highlighted.
///
/// The sentence is stored once, with the mention's place in it: the mentions of one sentence
/// share its text, which at thousands of articles is most of what the linked site holds.
public struct Quote: Hashable, Sendable, Codable {
    /// The whole sentence.
    public let sentence: String
    /// UTF-8 offsets of the mention in `sentence`.
    let matchStart: Int32
    let matchEnd: Int32

    public init(before: String, match: String, after: String) {
        self.init(
            sentence: before + match + after, matchStart: before.utf8.count,
            matchEnd: before.utf8.count + match.utf8.count)
    }

    /// The mention at UTF-8 offsets `matchStart..<matchEnd` of `sentence`.
    public init(sentence: String, matchStart: Int, matchEnd: Int) {
        self.sentence = sentence
        self.matchStart = Int32(clamping: matchStart)
        self.matchEnd = Int32(clamping: matchEnd)
    }

    public var before: String { part(0, Int(matchStart)) }
    public var match: String { part(Int(matchStart), Int(matchEnd)) }
    public var after: String { part(Int(matchEnd), sentence.utf8.count) }

    private func part(_ start: Int, _ end: Int) -> String {
        let utf8 = sentence.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: min(start, utf8.count))
        let to = utf8.index(utf8.startIndex, offsetBy: min(max(start, end), utf8.count))
        return String(Substring(utf8[from..<to]))
    }
}

/// A place in an article: the paragraph a fact comes from.
public struct Citation: Hashable, Sendable, Codable, Comparable {
    public var article: String
    public var paragraph: Int

    public init(article: String, paragraph: Int) {
        self.article = article
        self.paragraph = paragraph
    }

    public static func < (a: Citation, b: Citation) -> Bool {
        (a.article, a.paragraph) < (b.article, b.paragraph)
    }
}

/// One occurrence of a party or term name in a paragraph.
public struct Mention: Hashable, Sendable, Codable {
    public var target: EntityRef
    public var citation: Citation
    // A site holds every mention twice (in its paragraph and under its party or term), hundreds
    // of thousands at a thousand articles: positions are kept in 32 bits, and the words are read
    // from the quote rather than stored again.
    private let segmentIndex: Int32
    private let startOffset: Int32
    private let endOffset: Int32
    public var quote: Quote

    /// Index of the cmark text node the mention lies in, in document order.
    public var segment: Int { Int(segmentIndex) }
    /// UTF-8 offsets of the mention inside that text node.
    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }
    /// The words as they appear in the text.
    public var text: String { quote.match }

    public init(target: EntityRef, citation: Citation, segment: Int, start: Int, end: Int, quote: Quote) {
        self.target = target
        self.citation = citation
        self.segmentIndex = Int32(clamping: segment)
        self.startOffset = Int32(clamping: start)
        self.endOffset = Int32(clamping: end)
        self.quote = quote
    }
}

/// A paragraph with what links into and out of it.
public struct LinkedParagraph: Hashable, Sendable, Codable {
    public var paragraph: Paragraph
    /// Plain text of the paragraph, as readers see it.
    public var text: String
    public var mentions: [Mention]
    /// Slugs of the timeline events that cite this paragraph.
    public var events: [String]
}

public struct LinkedArticle: Hashable, Sendable, Codable {
    public var article: Article
    public var paragraphs: [LinkedParagraph]
    /// Parties and terms mentioned, most mentioned first.
    public var parties: [String]
    public var terms: [String]
}

public struct LinkedParty: Hashable, Sendable, Codable {
    public var party: Party
    public var mentions: [Mention]
    public var events: [String]
}

public struct LinkedTerm: Hashable, Sendable, Codable {
    public var term: Term
    public var mentions: [Mention]
    public var events: [String]
}

/// An event with its citations and parties resolved. A class, never changed once made: a site
/// of many articles holds tens of thousands, and every list of them copied each field by field.
public final class LinkedEvent: Hashable, Sendable, Codable {
    /// The event, its path relative to the content folder; its `sources` and `parties` as
    /// written are left empty, since `citations` and `parties` hold them resolved.
    public let event: Event
    public let citations: [Citation]
    public let parties: [String]

    public init(event: Event, citations: [Citation], parties: [String]) {
        self.event = event
        self.citations = citations
        self.parties = parties
    }

    public static func == (a: LinkedEvent, b: LinkedEvent) -> Bool {
        a === b || (a.event == b.event && a.citations == b.citations && a.parties == b.parties)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(event)
        hasher.combine(citations)
        hasher.combine(parties)
    }
}

/// The fully linked briefing: every reference resolved once; rendering only reads it.
public struct Site: Hashable, Sendable, Codable {
    public var config: SiteConfig
    public var articles: [LinkedArticle]
    /// Sorted by name.
    public var parties: [LinkedParty]
    public var terms: [LinkedTerm]
    /// In timeline order.
    public var events: [LinkedEvent]

    // Lookups by slug for tests and one-off use; rendering, which looks up per mention, uses `Index`.
    public func party(_ slug: String) -> LinkedParty? { parties.first { $0.party.slug == slug } }
    public func term(_ slug: String) -> LinkedTerm? { terms.first { $0.term.slug == slug } }
    public func article(_ slug: String) -> LinkedArticle? { articles.first { $0.article.slug == slug } }
    public func event(_ slug: String) -> LinkedEvent? { events.first { $0.event.slug == slug } }

    /// Every article, party, term and event by slug, built once for the pages that link them.
    public struct Index: Sendable {
        // Positions, not copies: the site already holds every value.
        private let site: Site
        private let articles: [String: Int]
        private let parties: [String: Int]
        private let terms: [String: Int]
        private let events: [String: Int]

        public init(_ site: Site) {
            self.init(site, updating: nil)
        }

        /// The index of `site`; the last build's `old` gives the positions of the events while
        /// the timeline holds the same number of events, mended where a few were renamed in
        /// place (an event's opening words edited), rather than every slug hashed again.
        init(_ site: Site, updating old: Index?) {
            func positions(_ slugs: [String]) -> [String: Int] {
                Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            self.site = site
            articles = positions(site.articles.map(\.article.slug))
            parties = positions(site.parties.map(\.party.slug))
            terms = positions(site.terms.map(\.term.slug))
            if let old, let renamed = Self.renamed(site.events, from: old.site.events) {
                var events = old.events
                // Slugs given up first, so that one taken over by another event keeps its new place.
                for (place, _) in renamed where events[old.site.events[place].event.slug] == place {
                    events[old.site.events[place].event.slug] = nil
                }
                for (place, slug) in renamed { events[slug] = place }
                self.events = events
            } else {
                events = positions(site.events.map(\.event.slug))
            }
        }

        /// The places where `events` names another slug than `last`, each with its new slug,
        /// when the two are as long and such places are few; nil otherwise.
        static func renamed(_ events: [LinkedEvent], from last: [LinkedEvent]) -> [(place: Int, slug: String)]? {
            guard events.count == last.count else { return nil }
            var renamed: [(place: Int, slug: String)] = []
            for place in events.placesNotIdentical(to: last) where events[place].event.slug != last[place].event.slug {
                renamed.append((place, events[place].event.slug))
                if renamed.count > 256 { return nil }
            }
            return renamed
        }

        public func article(_ slug: String) -> LinkedArticle? { articles[slug].map { site.articles[$0] } }
        public func party(_ slug: String) -> LinkedParty? { parties[slug].map { site.parties[$0] } }
        public func term(_ slug: String) -> LinkedTerm? { terms[slug].map { site.terms[$0] } }
        public func event(_ slug: String) -> LinkedEvent? { events[slug].map { site.events[$0] } }

        /// Places in the site's lists: an article's in the site's order (newest first), a party's and a term's by name.
        func position(ofArticle slug: String) -> Int? { articles[slug] }
        func position(ofParty slug: String) -> Int? { parties[slug] }
        func position(ofTerm slug: String) -> Int? { terms[slug] }
        /// An event's place in the timeline.
        func position(ofEvent slug: String) -> Int? { events[slug] }
    }
}
