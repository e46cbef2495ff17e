import Foundation

/// Resolves every reference once: mentions, citations, event parties and backlinks.
///
/// The result is the immutable `Site` that rendering reads; nothing after this step looks a name up again.
public enum Linker {
    public static func link(_ content: Content, config: SiteConfig) throws(BuildFailure) -> Site {
        var memo = Kept(keeps: false)
        return try link(content, config: config, memo: &memo)
    }

    /// What linking keeps between builds: each article linked, while the names that are matched
    /// are the same (or, in the preview, while the article holds no name that changed); each
    /// article as the last build finished it, with its paragraphs' events, so that an article
    /// that comes out the same is that very value, which later steps compare at once; each event
    /// linked, with what linking it reported, while the articles' paragraph counts are the same
    /// and its parties resolve alike; and the joined mentions and backlinks, patched where an
    /// edit reaches.
    struct Kept: Sendable {
        var linked: Memo<String, Article, [MentionMatcher.Name], LinkedArticle>
        var finished: [String: LinkedArticle] = [:]
        var events: Memo<String, Event, EventContext, (linked: LinkedEvent, problems: [Diagnostic])>
        /// The timeline the last build linked, in order.
        var timeline: [LinkedEvent] = []
        /// Each article's mentions by party and term, and the terms each paragraph names, while
        /// the terms (their order gives the numbers) are the same.
        var mentions: Memo<String, LinkedArticle, [String], ArticleMentions>
        /// The mentions of every party and term, joined in the articles' order.
        var joined: JoinedMentions?
        /// Which events cite which paragraphs, and the events of each party and term.
        var backlinks: Backlinks?
        /// The paragraphs each event of `timeline` cites, by article position.
        var cited = CitedPlaces()
        /// The names and aliases to match, while the parties and terms are the same.
        var names: LastResult<NamedEntities, (names: [MentionMatcher.Name], problems: [Diagnostic])>
        /// The matcher of the names, while they are the same.
        var matcher: LastResult<[MentionMatcher.Name], MentionMatcher>
        let keeps: Bool

        init(keeps: Bool = true) {
            names = .init(keeps: keeps)
            matcher = .init(keeps: keeps)
            linked = .init(keeps: keeps)
            events = .init(keeps: keeps)
            mentions = .init(keeps: keeps)
            self.keeps = keeps
        }
    }

    /// What linking an event reads besides the event.
    struct EventContext: Equatable, Sendable {
        var paragraphCounts: [String: Int]
        var partySlugs: Set<String>
        /// A party merged with same_as is still a valid name for the party it joined.
        var mergedInto: [String: String]
        var paths: SourcePaths

        /// An event linked without a problem is linked alike while each article it cites has
        /// as many paragraphs as it had, and each of its parties resolves to the same known
        /// party; a problem lists every article's or party's slug, so an event with one is linked
        /// again. An article added or removed thus links again only the events that cite it.
        static let holds: Memo<String, Event, EventContext, (linked: LinkedEvent, problems: [Diagnostic])>.Holds = {
            last, now in
            guard last.paths == now.paths else { return nil }
            // The articles whose paragraphs are counted otherwise, or that came or went.
            var articles = Set<String>()
            if last.paragraphCounts != now.paragraphCounts {
                for (slug, count) in now.paragraphCounts where last.paragraphCounts[slug] != count {
                    articles.insert(slug)
                }
                for slug in last.paragraphCounts.keys where now.paragraphCounts[slug] == nil {
                    articles.insert(slug)
                }
            }
            // Whether a source cites one of them (or does not parse: a problem, not kept). Asked
            // of every event when an article comes or goes, so the few slugs are compared with the
            // source's bytes, not hashed as strings cut from each source. When many articles
            // changed, every event is linked again.
            guard articles.count <= 16 else { return nil }
            let slugs = articles.map { Array($0.utf8) }
            let citesChanged: @Sendable (String) -> Bool = { source in
                var source = source
                return source.withUTF8 { bytes in
                    guard let article = sourceArticle(in: bytes) else { return true }
                    let cited = UnsafeBufferPointer(rebasing: bytes[article])
                    return slugs.contains { $0.count == cited.count && $0.elementsEqual(cited) }
                }
            }
            // The names of parties that no longer resolve as they did, worked out once rather than
            // for each party of each event: merged into another party now and not then (or the
            // other way, or into another), or naming a party, itself or the one it joined, that
            // went. A party that came changes nothing kept: an event naming it named an unknown
            // party in the last build, a problem, and is linked again anyway. So a new person
            // asks nothing of the events.
            var unstable = Set<String>()
            if last.partySlugs != now.partySlugs || last.mergedInto != now.mergedInto {
                let went = last.partySlugs.subtracting(now.partySlugs)
                for name in Set(last.mergedInto.keys).union(now.mergedInto.keys) {
                    let merged = last.mergedInto[name]
                    if merged != now.mergedInto[name] || merged.map(went.contains) == true { unstable.insert(name) }
                }
                for slug in went where last.mergedInto[slug] == nil && now.mergedInto[slug] == nil {
                    unstable.insert(slug)
                }
            }
            return { [articles, unstable] event, kept in
                kept.problems.isEmpty
                    && (articles.isEmpty
                        || !event.sources.contains { citesChanged($0.value) })
                    && (unstable.isEmpty || !event.parties.contains { unstable.contains($0.value) })
            }
        }
    }

    /// The site, with source paths relative to `contentDirectory` when it is given.
    ///
    /// Two chains that read nothing of each other run at once: the events, linked and placed in
    /// the timeline, beside the articles' mentions, found and joined by party and term. Then the
    /// backlinks and the parties' events beside the terms' events.
    /// With `words`, an article linked in the last build is kept while no name it holds changed.
    static func link(
        _ content: Content, config: SiteConfig, relativeTo contentDirectory: String? = nil, memo: inout Kept,
        words: ArticleWords? = nil
    ) throws(BuildFailure) -> Site {
        var log = DiagnosticLog()
        let paths = SourcePaths(relativeTo: contentDirectory)
        let content = mergeSameParties(content, log: &log)
        checkUniqueSlugs(content, log: &log)
        // Each name's key is made from its words: some two thousand at every rebuild otherwise.
        let (names, nameProblems) = memo.names.value(for: NamedEntities(parties: content.parties, terms: content.terms))
        {
            var log = DiagnosticLog()
            let names = matchedNames($0, log: &log)
            return (names, log.entries)
        }
        log.record(contentsOf: nameProblems)
        let matcher = memo.matcher.value(for: names, MentionMatcher.init)
        // Linked articles keep the content's order, so a slug's place is its place in either.
        let articlePosition = Dictionary(
            content.articles.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })

        // What the last build kept is taken out, so that each chain holds the only reference
        // to the part it updates.
        var taken = memo
        memo = Kept(keeps: taken.keeps)
        // The memos each go to their chain through a handover, which gives them up to it: a
        // copy held anywhere else would have the memo copy its kept results before changing them.
        let eventHandover = Handover(exchange(&taken.events, with: .init(keeps: taken.keeps)))
        let linkedHandover = Handover(exchange(&taken.linked, with: .init(keeps: taken.keeps)))
        let mentionsHandover = Handover(exchange(&taken.mentions, with: .init(keeps: taken.keeps)))
        let kept = taken
        // What is left of the last build's state once this one has taken its parts.
        defer { if kept.keeps { Parallel.letGo(kept) } }
        // Each of the last build's articles' place in this build, by its slug (-1: gone), when
        // articles came, went or moved; nil while the list is the same. What linking kept of
        // each article is moved with it.
        let articleSlugs = content.articles.map(\.slug)
        let moved = kept.backlinks.flatMap { last in
            last.slugs == articleSlugs ? nil : last.slugs.map { articlePosition[$0] ?? -1 }
        }
        let (eventChain, articleChain) = Parallel.both(
            concurrently: kept.keeps,
            {
                var eventMemo = eventHandover.take()
                var log = DiagnosticLog()
                let (events, change) = linkEvents(
                    content, paths: paths, memo: &eventMemo, last: kept.timeline, log: &log)
                // Each event's cited paragraphs as (article position, paragraph number): the
                // backlinks and the terms' events are then found through arrays, not by hashing
                // each citation.
                func places(_ event: LinkedEvent) -> [Place] {
                    distinct(event.citations).compactMap { citation in
                        articlePosition[citation.article].map { Place(article: $0, paragraph: citation.paragraph) }
                    }
                }
                // An event the last build linked has the places it had, each article's moved to its
                // place in this build when articles came or went; it is found among the last
                // build's events, which are in the same order.
                var cited = CitedPlaces(capacity: events.count)
                // An article gone has no place, as an unknown one has none in `places`.
                if let change, kept.backlinks != nil, kept.cited.count == kept.timeline.count {
                    let fresh = Set(change.fresh.map(ObjectIdentifier.init))
                    var next = 0
                    // The last build's events that follow each other there still do: their places
                    // are copied a run at a time.
                    var run = 0..<0
                    for event in events {
                        var position = next
                        if !fresh.contains(ObjectIdentifier(event)) {
                            while position < kept.timeline.count, kept.timeline[position] !== event { position += 1 }
                        } else {
                            position = kept.timeline.count
                        }
                        if position < kept.timeline.count, position == run.upperBound {
                            run = run.lowerBound..<position + 1
                            next = position + 1
                            continue
                        }
                        cited.append(kept.cited, events: run, moved: moved)
                        if position < kept.timeline.count {
                            run = position..<position + 1
                            next = position + 1
                        } else {
                            run = 0..<0
                            cited.append(places(event))
                        }
                    }
                    cited.append(kept.cited, events: run, moved: moved)
                } else {
                    for event in events { cited.append(places(event)) }
                }
                return (events: events, cited: cited, change: change, memo: eventMemo, log: log)
            },
            {
                var linkedMemo = linkedHandover.take()
                var mentionsMemo = mentionsHandover.take()
                let articles = linkedMemo.map(
                    content.articles, key: \.path, context: names, holds: words?.holdsForNames()
                ) {
                    linkArticle($0, matcher: matcher)
                }
                let termSlugs = content.terms.map(\.slug)
                let termNumbers = Dictionary(
                    termSlugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                // A build that keeps nothing groups one article at a time and joins as it goes,
                // so that only one article's groups are alive beside the joined ones.
                guard kept.keeps else {
                    // Each party's and term's mentions made to size, counted first: grown by
                    // appending, they held up to twice their room until the build's end.
                    var counts: [EntityRef: Int] = [:]
                    for article in articles {
                        for paragraph in article.paragraphs {
                            for mention in paragraph.mentions { counts[mention.target, default: 0] += 1 }
                        }
                    }
                    var mentionsByTarget: [EntityRef: [Mention]] = [:]
                    mentionsByTarget.reserveCapacity(counts.count)
                    for (target, count) in counts {
                        var room: [Mention] = []
                        room.reserveCapacity(count)
                        mentionsByTarget[target] = room
                    }
                    var termsNamedIn: [[[Int]]] = []
                    termsNamedIn.reserveCapacity(articles.count)
                    for article in articles {
                        let grouped = ArticleMentions(article, termNumbers: termNumbers)
                        for (target, mentions) in grouped.byTarget { mentionsByTarget[target, default: []] += mentions }
                        termsNamedIn.append(grouped.termsNamed)
                    }
                    return (
                        articles: articles, mentions: mentionsByTarget, termsNamedIn: termsNamedIn,
                        grouped: [ArticleMentions](), termSlugs: termSlugs, linkedMemo: linkedMemo,
                        mentionsMemo: mentionsMemo, joined: JoinedMentions?.none
                    )
                }
                // Grouped article by article, then joined in the articles' order.
                let grouped = mentionsMemo.map(articles, key: \.article.path, context: termSlugs) { article in
                    ArticleMentions(article, termNumbers: termNumbers)
                }
                let joined = JoinedMentions(
                    grouped, paths: articles.map(\.article.path), slugs: articles.map(\.article.slug),
                    last: kept.joined)
                return (
                    articles: articles, mentions: joined.byTarget, termsNamedIn: grouped.map(\.termsNamed),
                    grouped: grouped, termSlugs: termSlugs, linkedMemo: linkedMemo, mentionsMemo: mentionsMemo,
                    joined: Optional(joined)
                )
            })
        let events = eventChain.events
        let cited = eventChain.cited
        let mentionsByTarget = articleChain.mentions
        memo.events = eventChain.memo
        memo.linked = articleChain.linkedMemo
        memo.mentions = articleChain.mentionsMemo
        memo.joined = articleChain.joined
        memo.finished = kept.finished
        memo.names = kept.names
        memo.matcher = kept.matcher
        if memo.keeps {
            memo.timeline = events
            memo.cited = cited
        }
        log.record(contentsOf: eventChain.log.entries)
        try log.check(stage: "link")

        let lastFinished = memo.finished
        let grouped = articleChain.grouped
        // What the last build found, and the events added or gone since that change a list of
        // events: events that are the very ones it linked, or were edited in place, keep their
        // citations, parties and order, so only the articles, parties and terms that changed
        // articles and such events touch are worked out again.
        //
        // An article added or removed moves the others: the last build's backlinks and mentions of
        // each are put at its place in this build, and an article it did not have is one that
        // named nothing, so that it reads as changed. The terms an article removed named are
        // worked out again: the events gone with it cite no article of this build.
        let reuse = kept.backlinks.flatMap { last in
            kept.joined.flatMap { joined in
                eventChain.change.flatMap { change in
                    aligned(last, joined.articles, moved: moved, count: articleSlugs.count).map {
                        (last: $0.last, articles: $0.articles, change: change.listed, removed: $0.removed)
                    }
                }
            }
        }
        // Each side runs on one core: side by side in a one-off build as well.
        let (articleParts, termParts) = Parallel.both(
            {
                var articles = articleChain.articles
                // Backlinks from paragraphs to the events citing them, in timeline order.
                var affected = [Bool](repeating: reuse == nil, count: articles.count)
                var citing: [[[String]]]
                if let (last, lastArticles, change, _) = reuse {
                    for index in affected.indices where grouped[index] !== lastArticles[index] {
                        affected[index] = true
                    }
                    for event in change.fresh + change.gone {
                        for citation in event.citations {
                            if let position = articlePosition[citation.article] { affected[position] = true }
                        }
                    }
                    citing = last.citing
                    for index in affected.indices where affected[index] {
                        citing[index] = [[String]](repeating: [], count: articles[index].paragraphs.count + 1)
                    }
                } else {
                    citing = articles.map { [[String]](repeating: [], count: $0.paragraphs.count + 1) }
                }
                // An event's slug is read only where it is added: most events cite no affected article.
                for position in events.indices {
                    for place in cited[position]
                    where affected[place.article] && place.paragraph < citing[place.article].count {
                        citing[place.article][place.paragraph].append(events[position].event.slug)
                    }
                }
                for (articleIndex, article) in articles.enumerated() {
                    for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
                        let number = paragraph.paragraph.number
                        let events = number < citing[articleIndex].count ? citing[articleIndex][number] : []
                        // Assigned only when they differ, so that an article linked in the last
                        // build keeps sharing its storage with it and compares with it at once.
                        if paragraph.events != events {
                            articles[articleIndex].paragraphs[paragraphIndex].events = events
                        }
                    }
                    if let last = lastFinished[article.article.path], last == articles[articleIndex] {
                        articles[articleIndex] = last
                    }
                }
                // Events by party, in timeline order, so that no party scans every event.
                var eventsByParty: [String: [String]] = [:]
                var partyEvents: [String: [LinkedEvent]] = [:]
                if let (last, _, listed, _) = reuse, let change = eventChain.change {
                    // Only the parties of events added or gone change their lists: each is the
                    // last build's without the gone events and with the new ones put in place
                    // by halving, as the timeline is in order of unique keys. Events edited in
                    // place are swapped too, so that the lists hold this build's very events;
                    // their parties' slugs read as they did.
                    eventsByParty = last.eventsByParty
                    partyEvents = last.partyEvents
                    let relisted = Set((listed.fresh + listed.gone).flatMap(\.parties))
                    let gone = Set(change.gone.map(ObjectIdentifier.init))
                    let fresh = change.fresh.map { (key: timelineKey($0), event: $0) }.sorted { $0.key < $1.key }
                    for party in Set((change.fresh + change.gone).flatMap(\.parties)) {
                        let list = Linker.mended(
                            partyEvents[party] ?? [], without: gone,
                            adding: fresh.filter { $0.event.parties.contains(party) })
                        partyEvents[party] = list.isEmpty ? nil : list
                        if relisted.contains(party) {
                            eventsByParty[party] = list.isEmpty ? nil : list.map(\.event.slug)
                        }
                    }
                } else {
                    for event in events {
                        for party in event.parties {
                            eventsByParty[party, default: []].append(event.event.slug)
                            if kept.keeps { partyEvents[party, default: []].append(event) }
                        }
                    }
                }
                let parties = content.parties.map { party in
                    LinkedParty(
                        party: party, mentions: mentionsByTarget[.party(party.slug)] ?? [],
                        events: eventsByParty[party.slug] ?? [])
                }.sortedByName { $0.party }
                return (
                    articles: articles, parties: parties, citing: citing, eventsByParty: eventsByParty,
                    partyEvents: partyEvents
                )
            },
            {
                // A term's events are those citing a paragraph that names it: the events are
                // walked once, in timeline order, through the terms each cited paragraph names.
                // Again only for the terms changed articles name, before or after; the terms
                // named where added or gone events cite are mended from the last build's lists,
                // as the parties' are, since the paragraphs naming them are the same.
                let termsNamedIn = articleChain.termsNamedIn
                var termEvents = [[String]](repeating: [], count: content.terms.count)
                var termEventObjects = [[LinkedEvent]](repeating: [], count: kept.keeps ? content.terms.count : 0)
                var affected = [Bool](repeating: true, count: content.terms.count)
                if let (last, lastArticles, listed, removed) = reuse, last.termSlugs == articleChain.termSlugs,
                    let change = eventChain.change, last.termEventObjects.count == content.terms.count
                {
                    affected = [Bool](repeating: false, count: content.terms.count)
                    func touch(_ named: [[Int]], paragraph: Int? = nil, in flags: inout [Bool]) {
                        for (number, terms) in named.enumerated() where paragraph == nil || paragraph == number {
                            for term in terms { flags[term] = true }
                        }
                    }
                    // In a changed article, a term named in a paragraph before and after lists
                    // the events citing that paragraph as it did; only the terms a paragraph
                    // gained or lost, or all of them when paragraphs came or went, are walked.
                    for index in grouped.indices where grouped[index] !== lastArticles[index] {
                        let (now, was) = (grouped[index].termsNamed, lastArticles[index].termsNamed)
                        guard now.count == was.count else {
                            touch(now, in: &affected)
                            touch(was, in: &affected)
                            continue
                        }
                        for (terms, before) in zip(now, was) where terms != before {
                            for term in Set(terms).symmetricDifference(before) { affected[term] = true }
                        }
                    }
                    for article in removed { touch(article.termsNamed, in: &affected) }
                    // The terms named where events were added or went (`mended`), and of them those
                    // whose list of slugs reads otherwise (`relisted`: not only events edited in place).
                    func touch(citedBy events: [LinkedEvent], in flags: inout [Bool]) {
                        for event in events {
                            for citation in event.citations {
                                guard let position = articlePosition[citation.article] else { continue }
                                touch(termsNamedIn[position], paragraph: citation.paragraph, in: &flags)
                                touch(lastArticles[position].termsNamed, paragraph: citation.paragraph, in: &flags)
                            }
                        }
                    }
                    var mended = [Bool](repeating: false, count: content.terms.count)
                    var relisted = mended
                    touch(citedBy: change.fresh + change.gone, in: &mended)
                    touch(citedBy: listed.fresh + listed.gone, in: &relisted)
                    termEvents = last.termEvents
                    termEventObjects = last.termEventObjects
                    for term in affected.indices where affected[term] {
                        termEvents[term] = []
                        termEventObjects[term] = []
                    }
                    // Each added event with the terms its cited paragraphs name now.
                    let gone = Set(change.gone.map(ObjectIdentifier.init))
                    let fresh = change.fresh.map { event in
                        var named = Set<Int>()
                        for citation in distinct(event.citations) {
                            guard let position = articlePosition[citation.article],
                                citation.paragraph < termsNamedIn[position].count
                            else { continue }
                            named.formUnion(termsNamedIn[position][citation.paragraph])
                        }
                        return (key: timelineKey(event), event: event, terms: named)
                    }.sorted { $0.key < $1.key }
                    for term in mended.indices where mended[term] && !affected[term] {
                        let list = Linker.mended(
                            exchange(&termEventObjects[term], with: []), without: gone,
                            adding: fresh.filter { $0.terms.contains(term) }.map { (key: $0.key, event: $0.event) })
                        if relisted[term] { termEvents[term] = list.map(\.event.slug) }
                        termEventObjects[term] = list
                    }
                }
                // When only some terms are affected, the paragraphs naming one of them are marked
                // first, article after article (`first` is where each article's numbers begin), so
                // that the walk over every event looks into those paragraphs only.
                var marked: (first: [Int], names: [Bool])?
                // No term affected: every list is the last build's, and no event is looked at.
                let walks = affected.contains(true)
                if walks, affected.contains(false) {
                    var first: [Int] = []
                    var names: [Bool] = []
                    first.reserveCapacity(termsNamedIn.count)
                    for paragraphs in termsNamedIn {
                        first.append(names.count)
                        for terms in paragraphs { names.append(terms.contains { affected[$0] }) }
                    }
                    marked = (first, names)
                }
                var lastAdded = [Int](repeating: -1, count: content.terms.count)
                func add(_ position: Int, _ place: Place) {
                    for term in termsNamedIn[place.article][place.paragraph]
                    where affected[term] && lastAdded[term] != position {
                        lastAdded[term] = position
                        termEvents[term].append(events[position].event.slug)
                        if kept.keeps { termEventObjects[term].append(events[position]) }
                    }
                }
                if let (first, names) = marked {
                    // An article's numbers end where the next one's begin.
                    for position in 0..<cited.count {
                        for place in cited[position] {
                            let index = first[place.article] + place.paragraph
                            let end = place.article + 1 < first.count ? first[place.article + 1] : names.count
                            if index < end, names[index] { add(position, place) }
                        }
                    }
                } else if walks {
                    for position in 0..<cited.count {
                        for place in cited[position] where place.paragraph < termsNamedIn[place.article].count {
                            add(position, place)
                        }
                    }
                }
                // A term found in the text that no paragraph names (every use of "agents law" is
                // inside "foreign agents law") has nothing to show: it gets no page. An editor's
                // term keeps its page.
                let terms = content.terms.enumerated().compactMap { index, term -> LinkedTerm? in
                    let mentions = mentionsByTarget[.term(term.slug)] ?? []
                    if mentions.isEmpty, Extraction.isExtracted(path: term.path) { return nil }
                    return LinkedTerm(term: term, mentions: mentions, events: termEvents[index])
                }.sortedByName { $0.term }
                return (terms: terms, termEvents: termEvents, termEventObjects: termEventObjects)
            })
        let articles = articleParts.articles
        let terms = termParts.terms
        if memo.keeps {
            memo.backlinks = Backlinks(
                slugs: articles.map(\.article.slug), termSlugs: articleChain.termSlugs, citing: articleParts.citing,
                eventsByParty: articleParts.eventsByParty, partyEvents: articleParts.partyEvents,
                termEvents: termParts.termEvents, termEventObjects: termParts.termEventObjects)
            memo.finished = Dictionary(articles.map { ($0.article.path, $0) }, uniquingKeysWith: { first, _ in first })
        }

        // Newest first; among articles of one date, by slug.
        let sortedArticles = articles.sorted { (a: LinkedArticle, b: LinkedArticle) in
            (a.article.date ?? "", b.article.slug) > (b.article.date ?? "", a.article.slug)
        }
        var site = Site(
            config: config, articles: sortedArticles, parties: articleParts.parties, terms: terms, events: events)
        site.relativizePaths(paths)
        return site
    }

    /// The last build's backlinks and per-article mentions, each article's at its place in this
    /// build (`moved`, or where it was when nil); an article the last build lacked has none
    /// (no events cite it, and it named nothing, so that it reads as changed). Also the mentions
    /// of the articles gone. Nil when two articles took one place.
    static func aligned(_ last: Backlinks, _ articles: [ArticleMentions], moved: [Int]?, count: Int) -> (
        last: Backlinks, articles: [ArticleMentions], removed: [ArticleMentions]
    )? {
        guard last.citing.count == articles.count else { return nil }
        guard let moved else { return count == articles.count ? (last, articles, []) : nil }
        guard moved.count == articles.count else { return nil }
        var lastPlace = [Int](repeating: -1, count: count)
        for (was, now) in moved.enumerated() where now >= 0 {
            guard lastPlace[now] < 0 else { return nil }
            lastPlace[now] = was
        }
        var aligned = last
        aligned.citing = lastPlace.map { $0 >= 0 ? last.citing[$0] : [] }
        return (
            aligned, lastPlace.map { $0 >= 0 ? articles[$0] : ArticleMentions.none },
            moved.indices.filter { moved[$0] < 0 }.map { articles[$0] }
        )
    }

    /// Each citation once, in order; most events cite one paragraph.
    static func distinct(_ citations: [Citation]) -> [Citation] {
        guard citations.count > 1 else { return citations }
        var seen = Set<Citation>()
        return citations.filter { seen.insert($0).inserted }
    }

    // MARK: - Merges

    /// A party file with `same_as: other` describes the same party as `other`: its name and
    /// aliases become the other's aliases, its description is appended, and it has no page of its own.
    static func mergeSameParties(_ content: Content, log: inout DiagnosticLog) -> Content {
        let bySlug = Dictionary(content.parties.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var content = content
        var merged: [String: Party] = [:]
        var removed = Set<String>()
        for party in content.parties {
            guard let sameAs = party.sameAs else { continue }
            // Follow the chain to the party that has a page; a chain that comes back is a cycle.
            var chain = [party.slug]
            var target = sameAs.value
            while let next = bySlug[target], let further = next.sameAs?.value, !chain.contains(target) {
                chain.append(target)
                target = further
            }
            guard let root = bySlug[target] else {
                log.record(Diagnostic(.error, at: sameAs.location, "same_as '\(sameAs.value)': no party has that slug"))
                continue
            }
            if chain.contains(target) || root.sameAs != nil {
                log.record(
                    Diagnostic(
                        .error, at: sameAs.location,
                        "same_as makes a cycle: \((chain + [target]).joined(separator: " → "))"))
                continue
            }
            var into = merged[root.slug] ?? root
            into.aliases += ([party.name] + party.aliases).filter { $0 != into.name && !into.aliases.contains($0) }
            if !party.description.isEmpty {
                into.description += (into.description.isEmpty ? "" : "\n\n") + party.description
            }
            merged[root.slug] = into
            removed.insert(party.slug)
            content.mergedParties[party.slug] = root.slug
        }
        content.parties = content.parties.compactMap { removed.contains($0.slug) ? nil : merged[$0.slug] ?? $0 }
        return content
    }

    // MARK: - Checks

    private static func checkUniqueSlugs(_ content: Content, log: inout DiagnosticLog) {
        func check(_ kind: String, _ items: [(slug: String, path: String)]) {
            var first: [String: String] = [:]
            for item in items {
                if let other = first[item.slug] {
                    log.record(.error(item.path, "\(kind) slug '\(item.slug)' is already used by \(other)"))
                } else {
                    first[item.slug] = item.path
                }
            }
        }
        check("article", content.articles.map { ($0.slug, $0.path) })
        check("party", content.parties.map { ($0.slug, $0.path) })
        check("term", content.terms.map { ($0.slug, $0.path) })
        // Found events never share a slug: extraction numbers them apart and leaves out any that
        // an editor's event already has, so only the editors' files are checked. Those come first
        // in the list extraction merges, and the list is read up to the first found event: looking
        // into each of tens of thousands of events was a few milliseconds of every rebuild.
        let editors = content.events.prefix { !Extraction.isExtracted(path: $0.path) }
        check("event", editors.map { ($0.slug, $0.path) })
    }

    /// The parties and terms, whose names and aliases the matcher looks for.
    struct NamedEntities: Equatable, Sendable {
        var parties: [Party]
        var terms: [Term]
    }

    /// The names and aliases the matcher looks for; a name claimed by two files is an error.
    private static func matchedNames(_ content: NamedEntities, log: inout DiagnosticLog) -> [MentionMatcher.Name] {
        var names: [MentionMatcher.Name] = []
        var claimedBy: [String: (EntityRef, String)] = [:]
        func claim(_ name: String, _ target: EntityRef, path: String) {
            let key = MentionMatcher.key(name)
            guard !key.isEmpty else { return }
            if let (other, otherPath) = claimedBy[key] {
                if other != target {
                    log.record(.error(path, "name or alias '\(name)' is also claimed by \(otherPath)"))
                }
                return
            }
            claimedBy[key] = (target, path)
            names.append(MentionMatcher.Name(name: name, target: target))
        }
        for party in content.parties {
            for name in [party.name] + party.aliases { claim(name, .party(party.slug), path: party.path) }
        }
        for term in content.terms {
            for name in [term.name] + term.aliases { claim(name, .term(term.slug), path: term.path) }
        }
        return names
    }

    // MARK: - Articles

    private static func linkArticle(_ article: Article, matcher: MentionMatcher) -> LinkedArticle {
        var paragraphs: [LinkedParagraph] = []
        for paragraph in article.paragraphs {
            let runs = Markdown.textRuns(of: paragraph.markdown)
            let text = runs.map(\.text).joined()
            let textBytes = Array(text.utf8)
            let sentences = Sentences.ranges(in: text)
            let citation = Citation(article: article.slug, paragraph: paragraph.number)
            // Every run's matches first, so that the paragraph's mentions are made to size: grown
            // by appending, they held up to twice their room, and the site keeps them all.
            let matches = runs.map { $0.segment == nil ? [] : matcher.matches(in: $0.text) }
            var mentions: [Mention] = []
            mentions.reserveCapacity(matches.reduce(0) { $0 + $1.count })
            // Each sentence's text is made once and shared by the mentions in it.
            var sentenceTexts: [Range<Int>: String] = [:]
            var runStart = 0
            for (run, runMatches) in zip(runs, matches) {
                defer { runStart += run.text.utf8.count }
                guard let segment = run.segment else { continue }
                for match in runMatches {
                    let start = runStart + match.start
                    let end = runStart + match.end
                    let sentence = sentence(containing: start, in: sentences) ?? 0..<textBytes.count
                    let upper = max(end, sentence.upperBound)
                    let quoted = sentence.lowerBound..<upper
                    let sentenceText =
                        sentenceTexts[quoted] ?? String(decoding: textBytes[quoted], as: UTF8.self)
                    sentenceTexts[quoted] = sentenceText
                    let quote = Quote(
                        sentence: sentenceText, matchStart: start - sentence.lowerBound,
                        matchEnd: end - sentence.lowerBound)
                    mentions.append(
                        Mention(
                            target: match.target, citation: citation, segment: segment, start: match.start,
                            end: match.end, quote: quote))
                }
            }
            paragraphs.append(LinkedParagraph(paragraph: paragraph, text: text, mentions: mentions, events: []))
        }
        let mentions = paragraphs.flatMap(\.mentions)
        return LinkedArticle(
            article: article, paragraphs: paragraphs,
            parties: rankedSlugs(mentions.filter { if case .party = $0.target { true } else { false } }),
            terms: rankedSlugs(mentions.filter { if case .term = $0.target { true } else { false } }))
    }

    /// The sentence (byte range, in text order) holding `offset`, found by halving: a paragraph
    /// of thousands of sentences with thousands of mentions must not scan them all for each.
    static func sentence(containing offset: Int, in sentences: [Range<Int>]) -> Range<Int>? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].contains(offset) ? sentences[low] : nil
    }

    /// Slugs of the mentioned entities, most mentioned first, ties by slug.
    static func rankedSlugs(_ mentions: [Mention]) -> [String] {
        let counts = Dictionary(grouping: mentions, by: \.target.slug).mapValues(\.count)
        return counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
    }

    // MARK: - Events

    private static func linkEvents(
        _ content: Content, paths: SourcePaths,
        memo: inout Memo<String, Event, EventContext, (linked: LinkedEvent, problems: [Diagnostic])>,
        last: [LinkedEvent], log: inout DiagnosticLog
    ) -> (events: [LinkedEvent], change: EventChange?) {
        let context = EventContext(
            paragraphCounts: Dictionary(
                content.articles.map { ($0.slug, $0.paragraphs.count) }, uniquingKeysWith: { first, _ in first }),
            partySlugs: Set(content.parties.map(\.slug)),
            mergedInto: content.mergedParties,
            paths: paths.knowing(content.articles.map { $0.path + Extraction.pathSuffix }))
        let results = memo.map(content.events, key: \.slug, context: context, holds: EventContext.holds) {
            linkEvent($0, context: context)
        }
        // What an event kept from the last build reported is reported again: it is still wrong.
        for index in results.indices where !results[index].problems.isEmpty {
            log.record(contentsOf: results[index].problems)
        }
        let events = results.map { $0.linked }
        // The events the memo linked are the new ones; those it kept and did not reuse, the gone.
        let change =
            last.isEmpty
            ? nil
            : memo.dropped.map {
                EventChange(fresh: memo.computedPlaces.map { events[$0] }, gone: $0.map(\.linked))
            }
        return ordered(events, last: last, change: change)
    }

    /// The events in timeline order. Events linked in the last build are the very objects it
    /// sorted into `last`, in the same order still, so when few are new only those are sorted and
    /// each put in its place among the rest by halving.
    static func inTimelineOrder(_ events: [LinkedEvent], last: [LinkedEvent]) -> [LinkedEvent] {
        ordered(events, last: last).events
    }

    /// The same, and which events are new since `last` and which are gone, when there is a last.
    /// The caller may know that `change` already, as the memo that linked the events does: then
    /// no event's identity is hashed but the gone ones'.
    static func ordered(_ events: [LinkedEvent], last: [LinkedEvent], change known: EventChange? = nil) -> (
        events: [LinkedEvent], change: EventChange?
    ) {
        if !last.isEmpty {
            let change = known ?? EventChange(events, last: last)
            let kept = change.gone.isEmpty ? last : without(change.gone, in: last)
            if kept.count >= events.count - events.count / 8 {
                let fresh = inTimelineOrder(change.fresh, last: [])
                // Where each new event goes among the kept ones, in order.
                var places: [Int] = []
                var low = 0
                for event in fresh {
                    low = place(of: timelineKey(event), in: kept, from: low)
                    places.append(low)
                }
                var ordered: [LinkedEvent] = []
                ordered.reserveCapacity(events.count)
                var next = 0
                for (event, place) in zip(fresh, places) {
                    ordered += kept[next..<place]
                    ordered.append(event)
                    next = place
                }
                ordered += kept[next...]
                return (ordered, change)
            }
        }
        // Each key made once, not at every comparison of a long timeline's sort.
        let keys = events.map(timelineKey)
        let sorted = events.indices.sorted { keys[$0] < keys[$1] }.map { events[$0] }
        return (sorted, last.isEmpty ? nil : known ?? EventChange(sorted, last: last))
    }

    /// Where an event of timeline key `key` goes in `events`, which are in timeline order: before
    /// the first at or after it, found by halving from `start`.
    static func place(of key: TimelineKey, in events: [LinkedEvent], from start: Int = 0) -> Int {
        var (low, high) = (start, events.count)
        while low < high {
            let middle = (low + high) / 2
            if timelineKey(events[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A list of events in timeline order without the `gone` ones and with the `fresh` ones (in
    /// order of their keys) each put in its place: a party's or a term's list mended from the
    /// last build's.
    static func mended(
        _ list: consuming [LinkedEvent], without gone: Set<ObjectIdentifier>,
        adding fresh: [(key: TimelineKey, event: LinkedEvent)]
    ) -> [LinkedEvent] {
        var list = consume list
        if !gone.isEmpty { list.removeAll { gone.contains(ObjectIdentifier($0)) } }
        for (key, event) in fresh { list.insert(event, at: place(of: key, in: list)) }
        return list
    }

    /// `timeline` without the `gone` events. Each gone event is found by halving on its key, the
    /// timeline being in order, so that a long timeline's events are not each hashed to drop a
    /// few; an event not found where its key says is looked for throughout.
    private static func without(_ gone: [LinkedEvent], in timeline: [LinkedEvent]) -> [LinkedEvent] {
        var places: [Int] = []
        for event in gone {
            let key = timelineKey(event)
            var at = place(of: key, in: timeline)
            while at < timeline.count, timeline[at] !== event, timelineKey(timeline[at]) == key { at += 1 }
            if at < timeline.count, timeline[at] === event {
                places.append(at)
            } else if let anywhere = timeline.firstIndex(where: { $0 === event }) {
                places.append(anywhere)
            }
        }
        places.sort()
        var kept: [LinkedEvent] = []
        kept.reserveCapacity(timeline.count - places.count)
        var next = 0
        for place in places where place >= next {
            kept += timeline[next..<place]
            next = place + 1
        }
        kept += timeline[next...]
        return kept
    }

    private static func linkEvent(_ event: Event, context: EventContext) -> (
        linked: LinkedEvent, problems: [Diagnostic]
    ) {
        var log = DiagnosticLog()
        var citations: [Citation] = []
        for source in event.sources {
            if let citation = resolveCitation(source, paragraphCounts: context.paragraphCounts, log: &log) {
                citations.append(citation)
            }
        }
        var parties: [String] = []
        for party in event.parties {
            let slug = context.mergedInto[party.value] ?? party.value
            if context.partySlugs.contains(slug) {
                if !parties.contains(slug) { parties.append(slug) }
            } else {
                log.record(
                    Diagnostic(
                        .error, at: party.location,
                        "unknown party '\(party.value)': no file parties/\(party.value).md (known: \(context.partySlugs.sorted().joined(separator: ", ")))"
                    ))
            }
        }
        // The sources and parties as written are now `citations` and `parties`: kept as well, they
        // took 90 MB of a 10,000-article build's peak (three arrays and a string for each of its
        // 426,000 events).
        var resolved = event
        resolved.path = context.paths.relative(event.path)
        resolved.sources = []
        resolved.parties = []
        return (LinkedEvent(event: resolved, citations: citations, parties: parties), log.entries)
    }

    /// Dated events by date; undated past events before them and undated planned ones after; then `order`.
    static func timelineKey(_ linked: LinkedEvent) -> TimelineKey {
        let event = linked.event
        return TimelineKey(
            day: event.date ?? (event.status == .planned ? "9999-99-99" : "0000-00-00"), order: event.order,
            slug: event.slug)
    }

    struct TimelineKey: Comparable {
        var day: String
        var order: Int
        var slug: String
        static func < (a: TimelineKey, b: TimelineKey) -> Bool { (a.day, a.order, a.slug) < (b.day, b.order, b.slug) }
    }

    /// A source's article slug and what follows its "#", read among the bytes rather than the
    /// characters, as `split(separator: "#", maxSplits: 1)` reads them: leading "#"s are passed
    /// over, and either part missing or empty gives nil. The one reading of a source, both
    /// where it is resolved and where a kept event is asked whether it cites an article.
    static func sourceParts(_ source: String) -> (article: Substring, rest: Substring)? {
        var text = source
        guard let article = text.withUTF8(sourceArticle(in:)) else { return nil }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: article.lowerBound)
        let hash = utf8.index(start, offsetBy: article.count)
        return (source[start..<hash], source[utf8.index(after: hash)...])
    }

    /// That reading among the bytes themselves: where the article slug lies, or nil when the
    /// source does not parse.
    static func sourceArticle(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: "#") }),
            let hash = bytes[start...].firstIndex(of: UInt8(ascii: "#")), hash + 1 < bytes.count
        else { return nil }
        return start..<hash
    }

    private static func resolveCitation(
        _ source: Located<String>, paragraphCounts: [String: Int], log: inout DiagnosticLog
    ) -> Citation? {
        guard let (slug, rest) = sourceParts(source.value), rest.hasPrefix("p"), let number = Int(rest.dropFirst())
        else {
            log.record(
                Diagnostic(
                    .error, at: source.location,
                    "source '\(source.value)' must be written article-slug#pN, e.g. '\(paragraphCounts.keys.sorted().first ?? "article")#p1'"
                ))
            return nil
        }
        // The article's own slug, not the copy just split off: every event holds one.
        guard let place = paragraphCounts.index(forKey: String(slug)) else {
            log.record(
                Diagnostic(
                    .error, at: source.location,
                    "source '\(source.value)' names no article (articles: \(paragraphCounts.keys.sorted().joined(separator: ", ")))"
                ))
            return nil
        }
        let (article, count) = paragraphCounts[place]
        guard (1...count).contains(number) else {
            log.record(
                Diagnostic(
                    .error, at: source.location,
                    "source '\(source.value)': article '\(slug)' has paragraphs p1 to p\(count)"))
            return nil
        }
        return Citation(article: article, paragraph: number)
    }
}

/// Something with a name and a slug: parties and terms, listed by name.
protocol NamedEntity {
    var name: String { get }
    var slug: String { get }
}

extension Party: NamedEntity {}
extension Term: NamedEntity {}

extension Array {
    /// Sorted by the entity's name, ignoring case, then by slug; each key made once.
    func sortedByName(_ entity: (Element) -> some NamedEntity) -> [Element] {
        let keys = map { (entity($0).name.lowercased(), entity($0).slug) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}

/// One article's mentions by party and term, and for each paragraph number the terms (by their
/// place in the site's list) it names, in that order. A class, so that a result kept from the
/// last build is known for the same by identity.
final class ArticleMentions: Sendable {
    /// As pairs rather than a dictionary: a thousand articles' dictionaries alive at once
    /// raised a one-off build's peak memory.
    let byTarget: [(target: EntityRef, mentions: [Mention])]
    let termsNamed: [[Int]]

    /// An article the last build did not have: it named nothing then.
    static let none = ArticleMentions()

    private init() {
        byTarget = []
        termsNamed = []
    }

    init(_ article: LinkedArticle, termNumbers: [String: Int]) {
        byTarget = Dictionary(grouping: article.paragraphs.flatMap(\.mentions), by: \.target).map { ($0.key, $0.value) }
        var named = [[Int]](repeating: [], count: article.paragraphs.count + 1)
        for (target, mentions) in byTarget {
            guard case .term(let slug) = target, let number = termNumbers[slug] else { continue }
            // A term's mentions come paragraph by paragraph: each paragraph names it once.
            var last = -1
            for mention in mentions where mention.citation.paragraph != last {
                last = mention.citation.paragraph
                if last >= 0, last < named.count { named[last].append(number) }
            }
        }
        for index in named.indices where named[index].count > 1 { named[index].sort() }
        termsNamed = named
    }
}

/// The mentions of every party and term, article after article. After an edit, only the parties
/// and terms the changed articles name, before or after, are joined again.
struct JoinedMentions: Sendable {
    let byTarget: [EntityRef: [Mention]]
    let paths: [String]
    /// The articles' slugs, which their mentions cite.
    let slugs: [String]
    let articles: [ArticleMentions]

    init(_ articles: [ArticleMentions], paths: [String], slugs: [String], last: JoinedMentions?) {
        self.paths = paths
        self.slugs = slugs
        self.articles = articles
        // Each article's place by the slug its mentions cite, in this build and the last, when no
        // two share one.
        let place = Dictionary(zip(slugs, slugs.indices), uniquingKeysWith: { _, _ in -1 })
        let lastPlace = last.map { Dictionary(zip($0.paths, $0.paths.indices), uniquingKeysWith: { _, _ in -1 }) }
        let lastSlugPlace = last.map { Dictionary(zip($0.slugs, $0.slugs.indices), uniquingKeysWith: { _, _ in -1 }) }
        guard let last, let lastPlace, let lastSlugPlace, !place.values.contains(-1),
            !lastPlace.values.contains(-1), !lastSlugPlace.values.contains(-1), last.slugs.count == last.paths.count
        else {
            var byTarget: [EntityRef: [Mention]] = [:]
            for article in articles {
                for (target, mentions) in article.byTarget { byTarget[target, default: []] += mentions }
            }
            self.byTarget = byTarget
            return
        }
        // The articles changed or added, by their place in this build, and those removed, by
        // theirs in the last: an article added or removed moves the others, whose mentions are
        // kept all the same.
        var changed: [Int] = []
        var kept = [Bool](repeating: false, count: last.paths.count)
        for index in articles.indices {
            if let was = lastPlace[paths[index]], last.slugs[was] == slugs[index],
                articles[index] === last.articles[was]
            {
                kept[was] = true
            } else {
                changed.append(index)
            }
        }
        let removed = kept.indices.filter { !kept[$0] }
        // The changed articles' mentions of each party and term, in the articles' order, and
        // every party and term they name or named.
        var fresh: [EntityRef: [(article: Int, mentions: [Mention])]] = [:]
        var touched = Set<EntityRef>()
        for index in changed {
            for (target, mentions) in articles[index].byTarget { fresh[target, default: []].append((index, mentions)) }
            if let was = lastPlace[paths[index]] { touched.formUnion(last.articles[was].byTarget.map(\.target)) }
        }
        for was in removed { touched.formUnion(last.articles[was].byTarget.map(\.target)) }
        touched.formUnion(fresh.keys)
        var byTarget = last.byTarget
        // A touched one's last mentions come in runs, one per article in order: the runs of
        // articles kept are kept, at their places in this build, and the changed articles'
        // mentions put in their places.
        for target in touched {
            let was = last.byTarget[target] ?? []
            let inserted = fresh[target] ?? []
            var joined: [Mention] = []
            joined.reserveCapacity(was.count + inserted.reduce(0) { $0 + $1.mentions.count })
            var next = 0
            var start = 0
            while start < was.count {
                let slug = was[start].citation.article
                var end = start + 1
                while end < was.count, was[end].citation.article == slug { end += 1 }
                // A run of an article removed, or changed, is left out.
                if let before = lastSlugPlace[slug], kept[before], let article = place[slug] {
                    while next < inserted.count, inserted[next].article < article {
                        joined += inserted[next].mentions
                        next += 1
                    }
                    joined += was[start..<end]
                }
                start = end
            }
            for run in inserted[next...] { joined += run.mentions }
            byTarget[target] = joined.isEmpty ? nil : joined
        }
        self.byTarget = byTarget
    }
}

/// Which events cite each paragraph, and the events of each party and term, as the last build
/// found them, with the articles' slugs and the terms they were found for; the articles'
/// mentions they were found from are the kept `JoinedMentions`'.
struct Backlinks: Sendable {
    var slugs: [String]
    var termSlugs: [String]
    /// For each article and paragraph number, the slugs of the events citing it, in timeline order.
    var citing: [[[String]]]
    var eventsByParty: [String: [String]]
    /// The same events, themselves rather than their slugs: an edit's new events are put in
    /// their place among them by their keys in the timeline.
    var partyEvents: [String: [LinkedEvent]]
    /// For each term, by its place in `termSlugs`, the events citing a paragraph that names it.
    var termEvents: [[String]]
    /// The same events, themselves, to mend the lists as the parties' are.
    var termEventObjects: [[LinkedEvent]]
}

/// The linked events of this build that the last did not have (an event linked again is a new
/// value), and the last build's that are gone. Every other event is the very value the last
/// build linked: the same citations, parties and slug, in the same order among themselves.
struct EventChange: Sendable {
    var fresh: [LinkedEvent] = []
    var gone: [LinkedEvent] = []

    init(fresh: [LinkedEvent], gone: [LinkedEvent]) {
        self.fresh = fresh
        self.gone = gone
    }

    init(_ events: [LinkedEvent], last: [LinkedEvent]) {
        let now = Set(events.map(ObjectIdentifier.init))
        let was = Set(last.map(ObjectIdentifier.init))
        fresh = events.filter { !was.contains(ObjectIdentifier($0)) }
        gone = last.filter { !now.contains(ObjectIdentifier($0)) }
    }

    /// The events added and gone that change a list of events: a paragraph's, a party's or a
    /// term's. An event edited in place (a word of its summary, say), whose slug, place in the
    /// timeline, citations and parties are all what they were, is left out with the one it
    /// replaced, since every such list reads the same with it.
    var listed: EventChange {
        guard !fresh.isEmpty, !gone.isEmpty else { return self }
        var replaced = Dictionary(gone.map { ($0.event.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var added: [LinkedEvent] = []
        for event in fresh {
            if let was = replaced[event.event.slug], Linker.timelineKey(was) == Linker.timelineKey(event),
                was.citations == event.citations, was.parties == event.parties
            {
                replaced[event.event.slug] = nil
            } else {
                added.append(event)
            }
        }
        return EventChange(fresh: added, gone: gone.filter { replaced[$0.event.slug] === $0 })
    }
}

/// The paragraphs each event of the timeline cites, in the timeline's order, one event's after
/// another in one array: walking every event's is then a pass over contiguous memory rather than
/// a visit to tens of thousands of small arrays, a tenth of a rebuild's linking.
struct CitedPlaces: Sendable {
    private var places: [Place] = []
    /// Where each event's places end in `places`.
    private var ends: [Int] = []

    init(capacity: Int = 0) {
        places.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// How many events' places are held.
    var count: Int { ends.count }

    /// The places the event at `position` cites.
    subscript(position: Int) -> ArraySlice<Place> {
        places[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
    }

    /// Adds the places of the next event.
    mutating func append(_ list: some Collection<Place>) {
        places.append(contentsOf: list)
        ends.append(places.count)
    }

    /// Adds the places of `other`'s events at `positions`, in order, as the next events'.
    /// With `moved`, each article's place in `other` is the index into it of the place it has
    /// here, and a place of an article without one (-1) is left out.
    mutating func append(_ other: CitedPlaces, events positions: Range<Int>, moved: [Int]? = nil) {
        guard !positions.isEmpty else { return }
        let start = positions.lowerBound == 0 ? 0 : other.ends[positions.lowerBound - 1]
        guard let moved else {
            let offset = places.count - start
            places.append(contentsOf: other.places[start..<other.ends[positions.upperBound - 1]])
            for position in positions { ends.append(other.ends[position] + offset) }
            return
        }
        var from = start
        for position in positions {
            for place in other.places[from..<other.ends[position]] where moved[place.article] >= 0 {
                places.append(Place(article: moved[place.article], paragraph: place.paragraph))
            }
            from = other.ends[position]
            ends.append(places.count)
        }
    }
}

/// A cited paragraph: the article's place in the site's list, and the paragraph's number.
struct Place: Sendable {
    var article: Int
    var paragraph: Int
}
