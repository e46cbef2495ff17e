/// How the timeline is cut into pages: at events the events themselves choose, so that an event
/// keeps its address when an article adds or removes events elsewhere in the order.
///
/// Cut every 200 events, as it was, one article's events added early in the order moved every
/// later event to another page: a link to an event, from another site or shared by a reader, led
/// to the wrong page, and every page linking an event whose page had moved changed with it.
///
/// Pages are cut where `ContentCuts` says, by a hash of each event's slug: about 200 events a
/// page, from 60 to 500, and one page for 200 events or fewer. Whether an event starts a page
/// depends on the events near it alone, so an event added or removed changes its own page and
/// seldom the next. Each page but the first is named by its first event (`timeline/NAME/`,
/// twelve hexadecimal digits of the event's hash), and keeps its address while that event stays.
/// The name is short because every link to an event carries it: named with the event's whole
/// slug, the search index of 1,000 articles grew from 20.5 to 24.0 MB.
struct TimelinePages: Sendable {
    static let cuts = ContentCuts(divisor: 200, finerDivisor: 50, minimum: 60, maximum: 500, evenPart: 200, whole: 200)

    /// Where each page starts in the site's order of events; the first at 0.
    let starts: [Int]
    /// The name of each page, nil for the first page, whose address is `timeline/`.
    let names: [String?]
    /// How many events the pages hold.
    let eventCount: Int
    /// The hash of each event's slug, kept for the next build's pages.
    let hashes: [UInt64]

    /// The pages of events with these slugs, in the site's order.
    init(slugs: [String]) {
        self.init(hashes: slugs.map(ContentCuts.hash)) { slugs[$0] }
    }

    /// The pages of the site's events. Given the last build's pages and events, an event that
    /// is the very one the last build had at its place, or a few places along where events were
    /// added or removed, keeps its hash: hashing every slug again took a fifth of a rebuild after
    /// a word was changed, at 1,000 articles.
    init(_ events: [LinkedEvent], updating last: (pages: TimelinePages, events: [LinkedEvent])? = nil) {
        let hashes: [UInt64]
        if let last, last.pages.hashes.count == last.events.count {
            hashes = zip(events, events.placesOfIdentical(in: last.events)).map { event, place in
                place >= 0 ? last.pages.hashes[place] : ContentCuts.hash(event.event.slug)
            }
        } else {
            hashes = events.map { ContentCuts.hash($0.event.slug) }
        }
        self.init(hashes: hashes) { events[$0].event.slug }
    }

    private init(hashes: [UInt64], slug: (Int) -> String) {
        starts = Self.cuts.starts(hashes)
        // Two pages whose first events' hashes begin alike (about one briefing in a hundred
        // million, at 10,000 articles) are told apart by the later page's whole slug.
        var taken = Set<String>()
        self.names = starts.map { start in
            guard start > 0 else { return nil }
            let name = ContentCuts.name(hashes[start])
            return taken.insert(name).inserted ? name : slug(start)
        }
        self.eventCount = hashes.count
        self.hashes = hashes
    }

    /// How many pages there are: one, if empty, for a timeline with no events.
    var count: Int { starts.count }

    /// The page, counted from 1, of the event at `position` in the site's order.
    func page(ofEventAt position: Int) -> Int {
        ContentCuts.part(of: position, starts: starts) + 1
    }

    /// The places in the site's order of the events on a page, counted from 1.
    func range(page: Int) -> Range<Int> {
        guard page >= 1, page <= starts.count else { return eventCount..<eventCount }
        return starts[page - 1]..<(page < starts.count ? starts[page] : eventCount)
    }

    /// Where a page is written.
    func path(page: Int) -> String {
        Routes.timeline(named: page >= 1 && page <= names.count ? names[page - 1] : nil)
    }

    /// The site's events, each with where it is listed.
    func placed(_ events: [LinkedEvent]) -> [PlacedEvent] {
        events.enumerated().map { PlacedEvent(event: $1, path: eventPath($1.event.slug, at: $0)) }
    }

    /// The name of the page of the event at `position`: nil for the first page.
    func name(ofEventAt position: Int) -> String? {
        names[page(ofEventAt: position) - 1]
    }

    /// Where the event at `position`, with this slug, is listed: its page and anchor.
    func eventPath(_ slug: String, at position: Int) -> String {
        Routes.event(slug, on: path(page: page(ofEventAt: position)))
    }
}

/// An event and where it is listed: its timeline page and anchor.
struct PlacedEvent: Equatable, Sendable {
    var event: LinkedEvent
    var path: String
}
