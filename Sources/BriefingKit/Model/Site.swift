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
        private let events: EventPlaces

        public init(_ site: Site) {
            self.init(site, updating: nil)
        }

        /// The index of `site`; the last build's `old` gives the events' places, mended where
        /// events came, went, moved or were renamed, rather than every slug hashed again.
        init(_ site: Site, updating old: Index?) {
            func positions(_ slugs: [String]) -> [String: Int] {
                Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            self.site = site
            articles = positions(site.articles.map(\.article.slug))
            parties = positions(site.parties.map(\.party.slug))
            terms = positions(site.terms.map(\.term.slug))
            events =
                old.flatMap { EventPlaces(site.events, following: $0.site.events, updating: $0.events) }
                ?? EventPlaces(positions(site.events.map(\.event.slug)))
        }

        /// Each event's place in the timeline by its slug. A rebuild's timeline is mostly the very
        /// events of the last one, some of them a few places on or back where events came or went:
        /// the slugs of some earlier timeline are kept with where each of its places is now, and
        /// only the events placed since are looked up by slug. Hashing every slug again was
        /// a tenth of the rebuild after an article was added to a thousand.
        struct EventPlaces: Sendable {
            /// The slugs of an earlier timeline, by their place in it.
            private let slugs: [String: Int]
            /// Where each place of that timeline is in this one (-1: its event is gone), or nil
            /// when it is this one.
            private let now: [Int32]?
            /// The events that timeline did not have, renamed ones among them, at their places.
            private let placedSince: [String: Int]

            init(_ slugs: [String: Int]) {
                self.slugs = slugs
                now = nil
                placedSince = [:]
            }

            /// The places of `events`, from those of the timeline `last` they follow; nil when
            /// so many events are new that looking them all up again is as quick.
            init?(_ events: [LinkedEvent], following last: [LinkedEvent], updating old: EventPlaces) {
                // Where each of the last timeline's places went; the events found at none are new.
                var went = [Int32](repeating: -1, count: last.count)
                var fresh: [Int] = []
                for (place, lastPlace) in events.placesOfIdentical(in: last).enumerated() {
                    if lastPlace >= 0 { went[lastPlace] = Int32(place) } else { fresh.append(place) }
                }
                guard fresh.count + old.placedSince.count <= max(1024, events.count / 16) else { return nil }
                slugs = old.slugs
                now = old.now.map { $0.map { $0 >= 0 ? went[Int($0)] : -1 } } ?? went
                var placedSince: [String: Int] = [:]
                placedSince.reserveCapacity(fresh.count + old.placedSince.count)
                for (slug, lastPlace) in old.placedSince where went[lastPlace] >= 0 {
                    placedSince[slug] = Int(went[lastPlace])
                }
                for place in fresh { placedSince[events[place].event.slug] = place }
                self.placedSince = placedSince
            }

            /// The place of the event with this slug. Slugs are unique within a timeline, and an
            /// event keeps its slug, so an earlier slug still placed is the very event's.
            func place(of slug: String) -> Int? {
                if let place = placedSince[slug] { return place }
                guard let earlier = slugs[slug] else { return nil }
                guard let now else { return earlier }
                return now[earlier] >= 0 ? Int(now[earlier]) : nil
            }
        }

        public func article(_ slug: String) -> LinkedArticle? { articles[slug].map { site.articles[$0] } }
        public func party(_ slug: String) -> LinkedParty? { parties[slug].map { site.parties[$0] } }
        public func term(_ slug: String) -> LinkedTerm? { terms[slug].map { site.terms[$0] } }
        public func event(_ slug: String) -> LinkedEvent? { events.place(of: slug).map { site.events[$0] } }

        /// Places in the site's lists: an article's in the site's order (newest first), a party's and a term's by name.
        func position(ofArticle slug: String) -> Int? { articles[slug] }
        func position(ofParty slug: String) -> Int? { parties[slug] }
        func position(ofTerm slug: String) -> Int? { terms[slug] }
        /// An event's place in the timeline.
        func position(ofEvent slug: String) -> Int? { events.place(of: slug) }
    }
}
