/// Which pages an edit touches: the site after the edit compared with the site before it, so the
/// preview server renders only those pages again.
///
/// The comparison follows what each page shows. An article page shows its paragraphs, the names
/// and summaries of the parties and terms it mentions and the events citing it; a party or term
/// page its mentions, events and related parties; a timeline page its slice of events with their
/// parties and sources; a timeline page made or gone renders every timeline page, which show
/// their numbers, each printing the events that read as they did as the last build printed them
/// (`Changes.printedEvents`). A party or term that appears or goes renders its own pages and the pages
/// naming it. An article added or removed renders the pages showing it, and a party's or term's
/// pages of articles, however many there now are. A change that reaches further than these (site
/// settings, an article's headline or date, the lead article's where every page's title or
/// description is taken from it) renders every page.
extension PageRenderer {
    /// The pages whose output may differ from `old`'s, or nil when every page must be rendered.
    func pagesChanged(since old: PageRenderer) -> [Page]? { changes(since: old)?.pages }

    /// What an edit changed of the pages: which to render again, and where the timeline's events
    /// that read as they did were in the last build.
    struct Changes {
        var pages: [Page]
        /// For each event in the site's order, its place in the last build's order if it is the
        /// very event the last build had and its timeline page prints it as it did (its parties
        /// named alike, on a page as deep in the site), or -1.
        var printedEvents: [Int] = []
    }

    /// Renders the pages `changes` lists, over the last build's renderer `old` and its `files`:
    /// a timeline page prints the events that read as they did as the last build printed them,
    /// and the timeline pages not rendered again keep the last build's note of where their
    /// events are, their files being the last build's.
    func render(_ changes: Changes, over old: PageRenderer, files: [String: OutputFile]) throws(BuildFailure)
        -> [OutputFile]
    {
        let rendered = try Parallel.map(changes.pages) { (page) throws(BuildFailure) -> OutputFile in
            guard case .timeline(let number) = page else { return try render(page) }
            return try timelinePage(number) { position in
                let place = changes.printedEvents[position]
                return place >= 0 ? old.printedEvent(at: place, in: files) : nil
            }
        }
        let renderedPaths = Set(rendered.map(\.path))
        let keptPaths = (1...timelinePages.count).map(timelinePages.path(page:)).filter { !renderedPaths.contains($0) }
        eventSpans.carry(keptPaths, from: old.eventSpans)
        return rendered
    }

    /// The pages whose output may differ from `old`'s, and the timeline's events printed as they
    /// were; nil when every page must be rendered.
    func changes(since old: PageRenderer) -> Changes? {
        let (before, after) = (old.site, site)
        // Parties and terms are matched by slug: naming a new person adds a party, and every
        // party after it in the list moves up one place.
        let partyPlaces = Self.places(before.parties.map(\.party.slug), after.parties.map(\.party.slug))
        let termPlaces = Self.places(before.terms.map(\.term.slug), after.terms.map(\.term.slug))
        // Articles are matched by slug too: one added or removed changes the pages showing it,
        // and the others show what they showed.
        let articlePlaces = Self.places(before.articles.map(\.article.slug), after.articles.map(\.article.slug))
        let sameArticles = articlePlaces.added.isEmpty && articlePlaces.removed.isEmpty
        // Every page's header and description give the site's title and description: the
        // settings', or where they give none the lead article's headline and summary. A newer
        // article added to a site whose settings give both changes the home page alone of these.
        guard before.config == after.config,
            old.hasPlannedEvents == hasPlannedEvents,
            old.siteTitle == siteTitle, old.siteDescription == siteDescription,
            articlePlaces.kept.allSatisfy({
                Self.sameListing(before.articles[$0.was].article, after.articles[$0.now].article)
            })
        else { return nil }

        // What other pages show of each party and term: one added or gone shows or stops showing.
        let rewritten = partyPlaces.kept.filter { before.parties[$0.was].party != after.parties[$0.now].party }
            .map { after.parties[$0.now].party.slug }
        let parties = Set(
            rewritten + partyPlaces.added.map { after.parties[$0].party.slug }
                + partyPlaces.removed.map { before.parties[$0].party.slug })
        let terms = Set(
            termPlaces.kept.filter {
                before.terms[$0.was].term != after.terms[$0.now].term
                    || old.summary(of: before.terms[$0.was]) != summary(of: after.terms[$0.now])
            }.map { after.terms[$0.now].term.slug }
                + termPlaces.added.map { after.terms[$0].term.slug }
                + termPlaces.removed.map { before.terms[$0].term.slug })
        // Events added, removed, changed or moved to another timeline page.
        // Most events are the very value they were, at the same place: on the same timeline page.
        // Those of them whose links read otherwise, or lead elsewhere, change the pages linking
        // to them as well; the others (a changed description, say) only their timeline page.
        var events = Set<String>()
        var eventLinks = Set<String>()
        // A timeline page made or gone renumbers the pages, and may move events that kept their
        // places to another page: a cut that was too near the end is one once events follow it.
        let renumbered = old.timelinePages.names != timelinePages.names
        // Most events are the very objects the last build had, at their places or, where events
        // were added or removed, a few places along: only the page each is on may differ, if it
        // moved or the pages were renumbered. The others are looked into one by one.
        let lastPlaces = after.events.placesOfIdentical(in: before.events)
        var kept = [Bool](repeating: false, count: before.events.count)
        var changedPlaces: [Int] = []
        for (position, place) in lastPlaces.enumerated() {
            guard place >= 0 else {
                changedPlaces.append(position)
                continue
            }
            kept[place] = true
            if renumbered || place != position,
                old.timelinePages.name(ofEventAt: place) != timelinePages.name(ofEventAt: position)
            {
                events.insert(after.events[position].event.slug)
                eventLinks.insert(after.events[position].event.slug)
            }
        }
        let gonePlaces = kept.indices.filter { !kept[$0] }
        for position in changedPlaces {
            let linked = after.events[position]
            let slug = linked.event.slug
            let was = old.index.event(slug)
            // On another page: one named otherwise (the pages' names, not their paths, compared).
            let moved =
                old.index.position(ofEvent: slug).map {
                    old.timelinePages.name(ofEventAt: $0) != timelinePages.name(ofEventAt: position)
                } ?? true
            if was != linked || moved { events.insert(slug) }
            if moved || !(was.map { Self.linkedAlike($0.event, linked.event) } ?? false) { eventLinks.insert(slug) }
        }
        for position in gonePlaces {
            let linked = before.events[position]
            guard index.event(linked.event.slug) == nil else { continue }
            events.insert(linked.event.slug)
            eventLinks.insert(linked.event.slug)
        }
        let articles = Set(
            articlePlaces.kept.filter { before.articles[$0.was] != after.articles[$0.now] }
                .map { after.articles[$0.now].article.slug }
                + articlePlaces.added.map { after.articles[$0].article.slug }
                + articlePlaces.removed.map { before.articles[$0].article.slug })

        var articlePages = articles
        var partyPages = Set(
            partyPlaces.kept.filter {
                let (a, b) = (before.parties[$0.was], after.parties[$0.now])
                return a != b
                    && !(a.party == b.party && a.events == b.events && Self.quotedAlike(a.mentions, b.mentions))
            }.map { after.parties[$0.now].party.slug } + partyPlaces.added.map { after.parties[$0].party.slug })
        var termPages = Set(
            termPlaces.kept.filter {
                let (a, b) = (before.terms[$0.was], after.terms[$0.now])
                return a != b && !(a.term == b.term && a.events == b.events && Self.quotedAlike(a.mentions, b.mentions))
            }.map { after.terms[$0.now].term.slug } + termPlaces.added.map { after.terms[$0].term.slug })
        for renderer in [old, self] {
            let site = renderer.site
            // Pages naming a party or term whose name or summary changed.
            for linked in site.parties where parties.contains(linked.party.slug) {
                articlePages.formUnion(linked.mentions.map(\.citation.article))
                for tie in renderer.relations.ties(of: .party(linked.party.slug)) { partyPages.insert(tie.party) }
            }
            for linked in site.terms where terms.contains(linked.term.slug) {
                articlePages.formUnion(linked.mentions.map(\.citation.article))
            }
            for linked in site.terms
            where !parties.isEmpty
                && renderer.relations.ties(of: .term(linked.term.slug)).contains(where: { parties.contains($0.party) })
            {
                termPages.insert(linked.term.slug)
            }
            // Pages linking to an event whose link changed. Which events a page lists is in
            // what was compared above: a paragraph's events, a party's or term's. A party's or
            // term's page shows its first `entityListLimit` events only.
            func shows(_ events: [String]?, _ slug: String) -> Bool {
                events?.prefix(Self.entityListLimit).contains(slug) ?? false
            }
            for slug in eventLinks {
                guard let linked = renderer.index.event(slug) else { continue }
                articlePages.formUnion(linked.citations.map(\.article))
                partyPages.formUnion(linked.parties.filter { shows(renderer.index.party($0)?.events, slug) })
            }
            // A term lists the events citing a paragraph that names it.
            for slug in eventLinks {
                for citation in renderer.index.event(slug)?.citations ?? [] {
                    guard let article = renderer.index.article(citation.article),
                        let paragraph = article.paragraphs.first(where: { $0.paragraph.number == citation.paragraph })
                    else { continue }
                    for mention in paragraph.mentions {
                        if case .term(let term) = mention.target, shows(renderer.index.term(term)?.events, slug) {
                            termPages.insert(term)
                        }
                    }
                }
            }
        }
        // A party's or term's page quotes its sentences, counts its mentions in each article and
        // the paragraphs it shares with other parties: only the changed paragraphs change these.
        // A paragraph naming the same parties and terms in the same order changes only the pages
        // of those whose sentence changed; one naming others changes the pages of all it names.
        func touch(_ mention: Mention) {
            switch mention.target {
            case .party(let party): partyPages.insert(party)
            case .term(let term): termPages.insert(term)
            }
        }
        for slug in articles {
            // An article added or removed: what it names.
            guard let was = old.index.article(slug), let now = index.article(slug) else {
                for linked in [old.index.article(slug), index.article(slug)] {
                    linked?.paragraphs.lazy.flatMap(\.mentions).forEach(touch)
                }
                continue
            }
            guard was.paragraphs.count == now.paragraphs.count else {
                (was.paragraphs + now.paragraphs).lazy.flatMap(\.mentions).forEach(touch)
                continue
            }
            for (a, b) in zip(was.paragraphs, now.paragraphs) where a != b {
                if a.mentions.elementsEqual(b.mentions, by: { $0.target == $1.target }) {
                    for (x, y) in zip(a.mentions, b.mentions) where x.quote != y.quote { touch(y) }
                } else {
                    (a.mentions + b.mentions).forEach(touch)
                }
            }
        }
        // The timeline pages showing a changed event, found by the events' places rather than by
        // looking every event of the timeline up among the changed ones; every page when one
        // was made or gone (`renumbered`), since each shows its number and the count.
        let changedEventPages = Set(events.compactMap(eventPage))
        // An event naming a party that was added or gone is itself changed, as its parties
        // resolved otherwise: only the parties written otherwise are looked for in the events.
        let shownOtherwise = Set(rewritten)
        var changedTimelinePages = Set<Int>()
        for page in 1...timelinePages.count {
            let range = timelinePages.range(page: page)
            let oldRange = old.timelinePages.range(page: page)
            let changed =
                renumbered
                || !before.events[oldRange].isIdentical(to: after.events[range])
                    && before.events[oldRange].map(\.event.slug) != after.events[range].map(\.event.slug)
                || changedEventPages.contains(page)
                || !shownOtherwise.isEmpty
                    && after.events[range].contains { $0.parties.contains(where: shownOtherwise.contains) }
            if changed { changedTimelinePages.insert(page) }
        }
        // The events a timeline page prints as the last build's page did: the very events, on the
        // first page or past it in both (links from the first page climb one folder less), whose
        // parties read as they did.
        let (wasFirst, isFirst) = (old.timelinePages.range(page: 1).upperBound, timelinePages.range(page: 1).upperBound)
        let printedEvents = lastPlaces.enumerated().map { position, place in
            guard place >= 0, (place < wasFirst) == (position < isFirst),
                shownOtherwise.isEmpty || !after.events[position].parties.contains(where: shownOtherwise.contains)
            else { return -1 }
            return place
        }

        // The search and not-found pages show only the site's settings, title and description,
        // which the guard above found the same. The lists of parties and of terms, and the home
        // page, show what `Listing` holds of each, and the home page the lead article's heading,
        // some articles and events besides.
        let (partyListing, termListing) = (self.partyListing, self.termListing)
        let partiesListed = old.partyListing == partyListing && old.relations.samePartyPairs(as: relations)
        let termsListed = old.termListing == termListing
        var pages: [Page] = []
        let sameLead =
            before.articles.first?.article.slug == after.articles.first?.article.slug
            && zip(before.articles.prefix(1), after.articles.prefix(1)).allSatisfy {
                Self.sameHeading($0.article, $1.article)
            }
        if !(partiesListed && termsListed && sameLead && sameHome(as: old)) { pages.append(.home) }
        if !partiesListed { pages.append(.parties) }
        if !termsListed { pages.append(.terms) }
        // The archive lists each article's length and source: its pages with an article listed
        // otherwise than it was; every page when an article was added or removed.
        pages += (0..<archivePageCount).map { $0 + 1 }.filter { page in
            guard sameArticles else { return true }
            let start = (page - 1) * Self.archivePageSize
            let range = start..<min(start + Self.archivePageSize, after.articles.count)
            return !before.articles[range].elementsEqual(after.articles[range], by: Self.linkedAlike)
        }.map(Page.archive)
        pages += after.articles.indices.filter { articlePages.contains(after.articles[$0].article.slug) }
            .map(Page.article)
        pages += changedTimelinePages.sorted().map(Page.timeline)
        // A party's or term's pages of articles list each article's title and mention count.
        // A party or term added has all its pages rendered, and so has one naming an article
        // added or removed: its articles are held by their places in the site's order, and a
        // place may now hold another article (one renamed keeps its place).
        for index in after.parties.indices where partyPages.contains(after.parties[index].party.slug) {
            pages.append(.party(index))
            let was = partyPlaces.was[index]
            pages += listPagesChanged(
                was.map { old.partyArticles[$0] } ?? [], partyArticles[index],
                renamed: was.map { before.parties[$0].party.name } != after.parties[index].party.name
                    || !sameArticles
            ).map { Page.partyArticles(index, page: $0) }
        }
        for index in after.terms.indices where termPages.contains(after.terms[index].term.slug) {
            pages.append(.term(index))
            let was = termPlaces.was[index]
            pages += listPagesChanged(
                was.map { old.termArticles[$0] } ?? [], termArticles[index],
                renamed: was.map { before.terms[$0].term.name } != after.terms[index].term.name
                    || !sameArticles
            ).map { Page.termArticles(index, page: $0) }
        }
        return Changes(pages: pages, printedEvents: printedEvents)
    }

    /// Whether a party's or term's pages show the same of these mentions: the same sentences of
    /// the same paragraphs, in order. Where in its paragraph a mention lies, which a word added
    /// before it moves, only the article's page shows.
    static func quotedAlike(_ a: [Mention], _ b: [Mention]) -> Bool {
        a.elementsEqual(b) { $0.citation == $1.citation && $0.quote == $1.quote }
    }

    /// What the lists of all parties and of all terms show of each, in order, and the home page
    /// of the most mentioned: a party's name, kind, role and mentions, a term's name, summary and mentions.
    struct Listing: Equatable {
        var slug: String
        var name: String
        var kind: Party.Kind?
        var detail: String?
        var mentions: Int
    }

    var partyListing: [Listing] {
        site.parties.map {
            Listing(
                slug: $0.party.slug, name: $0.party.name, kind: $0.party.kind, detail: $0.party.role,
                mentions: $0.mentions.count)
        }
    }

    var termListing: [Listing] {
        site.terms.map {
            Listing(slug: $0.term.slug, name: $0.term.name, detail: summary(of: $0), mentions: $0.mentions.count)
        }
    }

    /// Whether the Atom feed says what it said in `old`'s site: the same settings, and each
    /// article, in order, with the same headline, date, summary or dek, and byline or source.
    func sameFeed(as old: PageRenderer) -> Bool {
        func heading(_ linked: LinkedArticle) -> (String, String, String?) {
            (linked.article.slug, linked.article.title, linked.article.date)
        }
        func lines(_ linked: LinkedArticle) -> (String?, String?, String?, String?) {
            (linked.article.summary, linked.article.dek, linked.article.byline, linked.article.source)
        }
        return old.site.config == site.config
            && old.site.articles.elementsEqual(
                site.articles, by: { heading($0) == heading($1) && lines($0) == lines($1) })
    }

    /// Whether the home page shows what it showed in `old`'s site, given the same parties and
    /// terms: the same newest articles, the same latest events on the same timeline pages, and
    /// the same counts.
    private func sameHome(as old: PageRenderer) -> Bool {
        let (before, after) = (old.site, site)
        let (was, now) = (old.latestEvents, latestEvents)
        return before.events.count == after.events.count && before.articles.count == after.articles.count
            && before.articles.prefix(Self.homeArticleLimit).elementsEqual(
                after.articles.prefix(Self.homeArticleLimit), by: Self.linkedAlike)
            && was.elementsEqual(now, by: { $0 === $1 })
            && now.allSatisfy { old.eventPath($0.event.slug) == eventPath($0.event.slug) }
    }

    /// Where each slug of a list was and is: the places of the slugs in both, and of those
    /// only in the new list or only in the old.
    struct Places {
        var kept: [(was: Int, now: Int)] = []
        var added: [Int] = []
        var removed: [Int] = []
        /// For each place in the new list, the slug's place in the old.
        var was: [Int?] = []
    }

    static func places(_ before: [String], _ after: [String]) -> Places {
        var places = Places()
        // Most edits add or remove nothing: the lists are equal, and no slug is hashed.
        if before == after {
            places.kept = before.indices.map { ($0, $0) }
            places.was = before.indices.map { $0 }
            return places
        }
        let oldPlace = Dictionary(before.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(after)
        for (index, slug) in after.enumerated() {
            let was = oldPlace[slug]
            places.was.append(was)
            if let was { places.kept.append((was, index)) } else { places.added.append(index) }
        }
        places.removed = before.indices.filter { !now.contains(before[$0]) }
        return places
    }

    /// The pages of a party's or term's list of articles whose articles or counts differ: every
    /// page when the party or term was `renamed` or the number of articles changed, since each
    /// page gives both.
    private func listPagesChanged(_ was: [ArticleCount], _ now: [ArticleCount], renamed: Bool) -> [Int] {
        let pages = entityArticlePages(now.count)
        guard !pages.isEmpty else { return [] }
        if renamed || was.count != now.count { return Array(pages) }
        return pages.filter { page in
            let start = (page - 1) * Self.archivePageSize
            let range = start..<min(start + Self.archivePageSize, now.count)
            return was[range] != now[range]
        }
    }

    /// What pages other than an article's own, the home page and the site files show of every
    /// article: its headline (beside quotes and sources) and date (its place in the order).
    private static func sameListing(_ a: Article, _ b: Article) -> Bool {
        (a.title, a.date) == (b.title, b.date)
    }

    /// Everything the home page shows of the lead article.
    private static func sameHeading(_ a: Article, _ b: Article) -> Bool {
        (a.title, a.dek, a.summary, a.date) == (b.title, b.dek, b.summary, b.date)
            && (a.source, a.url, a.byline) == (b.source, b.url, b.byline)
    }
}
