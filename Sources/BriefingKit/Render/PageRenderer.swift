import Foundation
import Synchronization

/// Turns the linked Site into the files of the output folder, through the templates.
public struct PageRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    let index: Site.Index

    /// At most this many quoted sentences, and events, on a party or term page; every article
    /// that names it is listed, so nothing becomes unreachable.
    static let entityListLimit = 60
    /// Articles a party or term page lists, newest first; when more name it, they are all listed
    /// on pages of their own, `archivePageSize` to a page, as the home page and the archive do.
    static let entityArticleLimit = homeArticleLimit

    /// Articles the home page lists, newest first; more go to the archive.
    static let homeArticleLimit = 20
    /// Articles per archive page.
    static let archivePageSize = 100
    /// Where the timeline's pages start, and their addresses; a briefing of many articles pages its timeline.
    let timelinePages: TimelinePages
    /// Where each timeline page this renderer rendered printed each of its events, for the next
    /// build to print those that stay the same as they are.
    let eventSpans = EventSpans()

    /// The timeline page, counted from 1, the event with this slug is on.
    func eventPage(_ slug: String) -> Int? { index.position(ofEvent: slug).map(timelinePages.page(ofEventAt:)) }

    /// Where the event with this slug is listed: its timeline page and anchor.
    func eventPath(_ slug: String) -> String? {
        index.position(ofEvent: slug).map { timelinePages.eventPath(slug, at: $0) }
    }
    var hasPlannedEvents: Bool { !firstPlanned.isEmpty }
    /// The first two planned events in the timeline's order, which the home page lists: found
    /// once, as finding them walks a timeline of tens of thousands that may have none.
    var firstPlanned: [LinkedEvent] { firstPlannedPlaces.map { site.events[$0] } }
    /// Their places in the timeline.
    let firstPlannedPlaces: [Int]
    let relations: Relations
    private let structured: StructuredData
    private let termSummaries: [String: String]
    /// The articles naming each party and term, newest first, with how often each names it, by
    /// the party's or term's place in the site's lists: made once, read by its page and by each
    /// of its pages of articles.
    let partyArticles: [[ArticleCount]]
    let termArticles: [[ArticleCount]]

    /// An article, by its place in the site's order, and how many mentions of one party or term it has.
    struct ArticleCount: Equatable, Sendable {
        var rank: Int32
        var count: Int32
    }

    public init(site: Site, templates: TemplateSet) {
        self.init(site: site, templates: templates, updating: nil)
    }

    /// A renderer of `site`; given the last build's renderer, the counts that only the changed
    /// articles can change are updated from its own instead of counted again.
    init(site: Site, templates: TemplateSet, updating previous: PageRenderer?) {
        self.site = site
        self.templates = templates
        self.structured = StructuredData(baseURL: site.config.baseURL == nil ? nil : site.config.normalizedBaseURL)
        // The index and the counts it serves, beside what reads neither: each passes over the
        // whole site, mostly on one core, so they run side by side in a one-off build as well.
        let (indexed, other) = Parallel.both(
            {
                let index = Site.Index(site, updating: previous?.index)
                // A party's or term's counts are the last build's while its mentions are the very
                // array it had and the articles are in the same order.
                let last = previous.flatMap { previous in
                    previous.site.articles.elementsEqual(site.articles, by: { $0.article.slug == $1.article.slug })
                        ? previous : nil
                }
                return (
                    index: index,
                    parties: Parallel.map(site.parties) { linked in
                        if let last, let place = last.index.position(ofParty: linked.party.slug),
                            linked.mentions.sharesStorage(with: last.site.parties[place].mentions)
                        {
                            return last.partyArticles[place]
                        }
                        return Self.articleCounts(linked.mentions, index: index)
                    },
                    terms: Parallel.map(site.terms) { linked in
                        if let last, let place = last.index.position(ofTerm: linked.term.slug),
                            linked.mentions.sharesStorage(with: last.site.terms[place].mentions)
                        {
                            return last.termArticles[place]
                        }
                        return Self.articleCounts(linked.mentions, index: index)
                    },
                    // Cut here rather than after both sides: it runs on one core, beside the relations.
                    timeline: TimelinePages(
                        site.events, updating: previous.map { ($0.timelinePages, $0.site.events) })
                )
            },
            {
                (
                    relations: previous.map { Relations(site, updating: $0.relations, from: $0.site) }
                        ?? Relations(site),
                    // A term's summary is the last build's while its definition and first quote are.
                    summaries: Dictionary(
                        site.terms.map { linked in
                            let slug = linked.term.slug
                            if let previous, let place = previous.index.position(ofTerm: slug),
                                let kept = previous.termSummaries[slug],
                                Self.describedAlike(previous.site.terms[place], linked)
                            {
                                return (slug, kept)
                            }
                            return (slug, Self.describe(linked))
                        }, uniquingKeysWith: { first, _ in first }),
                    planned: Self.firstPlanned(
                        site.events, updating: previous.map { ($0.firstPlannedPlaces, $0.site.events) })
                )
            })
        self.index = indexed.index
        self.partyArticles = indexed.parties
        self.termArticles = indexed.terms
        self.relations = other.relations
        self.termSummaries = other.summaries
        self.firstPlannedPlaces = other.planned
        self.timelinePages = indexed.timeline
    }

    /// The places of the first two planned events in `events`. With the last build's, when the
    /// timeline is as long and few of its places hold another event than they did, only those
    /// few are looked into: walking tens of thousands of events, most of them past, read each
    /// from memory.
    static func firstPlanned(_ events: [LinkedEvent], updating last: (places: [Int], events: [LinkedEvent])?) -> [Int] {
        if let last, events.count == last.events.count {
            let changed = events.placesNotIdentical(to: last.events)
            // The last build's first planned events, still at their places, and no planned event
            // before them but at a changed place: every other event there is what it was.
            if changed.count <= 256, last.places.allSatisfy({ !changed.contains($0) }) {
                let planned = changed.filter { events[$0].event.status == .planned }
                return Array(Set(last.places + planned).sorted().prefix(2))
            }
        }
        return Array(events.indices.lazy.filter { events[$0].event.status == .planned }.prefix(2))
    }

    /// The articles naming a party or term, as `partyArticles` and `termArticles` hold them.
    func articles(naming entity: EntityRef) -> [ArticleCount] {
        switch entity {
        case .party(let slug): index.position(ofParty: slug).map { partyArticles[$0] } ?? []
        case .term(let slug): index.position(ofTerm: slug).map { termArticles[$0] } ?? []
        }
    }

    /// One page of the site.
    enum Page: Sendable {
        case home, article(Int), archive(Int), timeline(Int), parties, party(Int), terms, term(Int), search, notFound
        /// A page of the articles naming the party or term at that place in the site's list.
        case partyArticles(Int, page: Int), termArticles(Int, page: Int)
    }

    /// Every page, `sitemap.xml`, `robots.txt`, `briefing.json` and the theme's assets. Pages
    /// render on all cores; the files come out in the same order whatever the number of cores.
    public func render() throws(BuildFailure) -> [OutputFile] {
        var memo = SiteFilesMemo(keeping: false)
        return try render(memo: &memo)
    }

    /// Every file, keeping the encoded parts of `briefing.json` and the search index in `memo`;
    /// with `deferring`, those two are left out, for the caller to make with `streamed` when asked.
    func render(memo: inout SiteFilesMemo, deferring: Bool = false) throws(BuildFailure) -> [OutputFile] {
        var files = try Parallel.map(pages) { (page: Page) throws(BuildFailure) -> OutputFile in try render(page) }
        files += try siteFiles(pagePaths: files.map(\.path), memo: &memo, deferring: deferring)
        return files
    }

    /// The same files, each handed to `consume` on the core that made it as soon as it is made,
    /// so that a caller writing them out holds about one page per core in memory. Pages render on
    /// all cores; beside them, from the start, one core makes the other files, the largest
    /// (`briefing.json`, the search index) a piece at a time into the sink `stream` gives, rather
    /// than after the last page, when it left the other cores idle (about half a second of a
    /// profiled 1,000-article build). Returns every file's path: the pages' in order, then the others'.
    func render(
        _ consume: @Sendable (OutputFile) throws(BuildFailure) -> Void,
        stream:
            @Sendable (_ path: String, _ produce: (ByteSink) throws(BuildFailure) -> Void) throws(BuildFailure)
            -> Void
    ) throws(BuildFailure) -> [String] {
        let pages = self.pages
        let pagePaths = pages.map(path(of:))
        // The first element is the other files, so that they start at once.
        let written = try Parallel.map(Array(-1..<pages.count)) { (index: Int) throws(BuildFailure) -> [String] in
            guard index < 0 else {
                try consume(render(pages[index]))
                return []
            }
            var memo = SiteFilesMemo(keeping: false)
            var paths: [String] = []
            try siteFiles(
                pagePaths: pagePaths, memo: &memo,
                emit: { (file: OutputFile) throws(BuildFailure) in
                    try consume(file)
                    paths.append(file.path)
                },
                stream: stream)
            return paths + Self.streamedPaths
        }
        return pagePaths + written[0]
    }

    /// Every page of the site, in the order they are rendered and listed in the sitemap.
    var pages: [Page] {
        var pages: [Page] = [.home]
        pages += site.articles.indices.map(Page.article)
        pages += (0..<archivePageCount).map { Page.archive($0 + 1) }
        pages += (1...timelinePages.count).map(Page.timeline)
        pages.append(.parties)
        for index in site.parties.indices {
            pages.append(.party(index))
            pages += entityArticlePages(partyArticles[index].count).map { Page.partyArticles(index, page: $0) }
        }
        pages.append(.terms)
        for index in site.terms.indices {
            pages.append(.term(index))
            pages += entityArticlePages(termArticles[index].count).map { Page.termArticles(index, page: $0) }
        }
        pages.append(.search)
        pages.append(.notFound)
        return pages
    }

    /// Where a page is written.
    func path(of page: Page) -> String {
        switch page {
        case .home: Routes.home
        case .article(let index): Routes.article(site.articles[index].article.slug)
        case .archive(let number): Routes.archive(page: number)
        case .timeline(let number): timelinePages.path(page: number)
        case .parties: Routes.parties
        case .party(let index): Routes.party(site.parties[index].party.slug)
        case .terms: Routes.terms
        case .term(let index): Routes.term(site.terms[index].term.slug)
        case .partyArticles(let index, let page):
            Routes.entityArticles(.party(site.parties[index].party.slug), page: page)
        case .termArticles(let index, let page): Routes.entityArticles(.term(site.terms[index].term.slug), page: page)
        case .search: Routes.search
        case .notFound: Routes.notFound
        }
    }

    /// The files that are not pages: `sitemap.xml` (listing `pagePaths`), `robots.txt`, the feed,
    /// `briefing.json`, the search index and the theme's assets.
    func siteFiles(pagePaths paths: [String]) throws(BuildFailure) -> [OutputFile] {
        var memo = SiteFilesMemo(keeping: false)
        return try siteFiles(pagePaths: paths, memo: &memo)
    }

    /// The encoded parts of `briefing.json`, kept between builds.
    struct SiteFilesMemo: Sendable {
        var export: Export.Encoded

        init(keeping: Bool = true) {
            export = Export.Encoded(keeping: keeping)
        }
    }

    /// The same files; those in `unchanged` are given as they are rather than rendered again.
    func siteFiles(
        pagePaths paths: [String], memo: inout SiteFilesMemo, deferring: Bool = false,
        unchanged: [String: OutputFile] = [:]
    ) throws(BuildFailure) -> [OutputFile] {
        var files: [OutputFile] = []
        func emit(_ file: OutputFile) { files.append(file) }
        try siteFiles(
            pagePaths: paths, memo: &memo, emit: emit,
            stream: { (path: String, produce: (ByteSink) throws(BuildFailure) -> Void) throws(BuildFailure) in
                let sink = ByteSink()
                try produce(sink)
                emit(OutputFile(path: path, contents: sink.data))
            }, deferring: deferring, unchanged: unchanged)
        return files
    }

    /// Writes the file at a path through the sink it is given: `produce` appends the file's bytes.
    typealias StreamFile = (_ path: String, _ produce: (ByteSink) throws(BuildFailure) -> Void) throws(BuildFailure)
        -> Void

    /// The same files, each handed to `emit` as soon as it is built, or for the largest, made
    /// straight into the sink `stream` gives; `deferring` leaves out those and the search index.
    func siteFiles(
        pagePaths paths: [String], memo: inout SiteFilesMemo, emit: (OutputFile) throws(BuildFailure) -> Void,
        stream: StreamFile, deferring: Bool = false, unchanged: [String: OutputFile] = [:]
    ) throws(BuildFailure) {
        /// The file as it was when it is unchanged, else rendered by the named template.
        func file(_ path: String, _ template: String, _ view: () -> Any) throws(BuildFailure) -> OutputFile {
            if let kept = unchanged[path] { return kept }
            return OutputFile(path: path, text: try templates.render(template, view()))
        }
        try emit(file(Routes.sitemap, "sitemap.xml") { sitemap(paths) })
        try emit(file("robots.txt", "robots.txt") { RobotsView(sitemap: absolute(Routes.sitemap)) })
        try emit(file(Routes.feed, "feed.xml") { feed() })
        if !deferring {
            for path in Self.streamedPaths {
                try stream(path) { (sink: ByteSink) throws(BuildFailure) in
                    try streamed(path, memo: &memo, into: sink)
                }
            }
            try SearchIndex.files(site, pages: timelinePages, emit: emit)
        }
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try emit(OutputFile(path: path, contents: data))
        }
    }

    /// The files made into a sink a piece at a time, tens of megabytes each in a large briefing.
    static let streamedPaths = ["briefing.json"]

    /// Appends the file at one of `streamedPaths` to `sink`.
    func streamed(_ path: String, memo: inout SiteFilesMemo, into sink: ByteSink) throws(BuildFailure) {
        try Export.json(site, title: siteTitle, pages: timelinePages, memo: &memo.export, into: sink)
    }

    /// The search index's files, all made at once.
    func searchFiles() throws(BuildFailure) -> [String: Data] {
        var files: [String: Data] = [:]
        try SearchIndex.files(site, pages: timelinePages) { files[$0.path] = $0.contents }
        return files
    }

    func render(_ page: Page) throws(BuildFailure) -> OutputFile {
        switch page {
        case .home:
            return OutputFile(path: Routes.home, text: try templates.render("index", home()))
        case .article(let index):
            let article = site.articles[index]
            let path = Routes.article(article.article.slug)
            return OutputFile(path: path, text: try templates.render("article", self.article(article, path: path)))
        case .archive(let page):
            return OutputFile(
                path: Routes.archive(page: page), text: try templates.render("archive", archive(page: page)))
        case .timeline(let page):
            return try timelinePage(page)
        case .parties:
            return OutputFile(path: Routes.parties, text: try templates.render("parties", partyList()))
        case .party(let index):
            let party = site.parties[index]
            let path = Routes.party(party.party.slug)
            return OutputFile(path: path, text: try templates.render("party", self.party(party, path: path)))
        case .terms:
            return OutputFile(path: Routes.terms, text: try templates.render("terms", termList()))
        case .term(let index):
            let term = site.terms[index]
            let path = Routes.term(term.term.slug)
            return OutputFile(path: path, text: try templates.render("term", self.term(term, path: path)))
        case .partyArticles(let index, let page):
            let party = site.parties[index].party
            return try entityArticlesPage(.party(party.slug), name: party.name, partyArticles[index], page: page)
        case .termArticles(let index, let page):
            let term = site.terms[index].term
            return try entityArticlesPage(.term(term.slug), name: term.name, termArticles[index], page: page)
        case .search:
            return OutputFile(path: Routes.search, text: try templates.render("search", search()))
        case .notFound:
            return OutputFile(path: Routes.notFound, text: try templates.render("404", notFound()))
        }
    }

    // MARK: - Shared

    var siteTitle: String {
        site.config.title ?? site.articles.first?.article.title ?? "Briefing"
    }

    private func frame(_ path: String, title: String, description: String? = nil, jsonLD: String? = nil) -> PageFrame {
        PageFrame(
            root: Routes.root(of: path), siteTitle: siteTitle, language: site.config.language, pageTitle: title,
            description: description ?? siteDescription, canonical: structured.url(path), jsonLD: jsonLD)
    }

    var siteDescription: String {
        site.config.description ?? site.articles.first?.article.summary ?? site.articles.first?.article.dek
            ?? siteTitle
    }

    private func absolute(_ path: String) -> String {
        site.config.normalizedBaseURL + Routes.canonical(path)
    }

    private func partyLink(_ slug: String, root: String, count: Int? = nil) -> LinkView? {
        guard let party = index.party(slug)?.party else { return nil }
        return LinkView(label: party.name, href: root + Routes.party(slug), detail: party.role, count: count)
    }

    /// Whether the links to both events read the same, in `eventLink` and on article pages:
    /// the same summary, date, time and status. Where they lead is their slug and page.
    static func linkedAlike(_ a: Event, _ b: Event) -> Bool {
        (a.slug, a.summary, a.date, a.when, a.status) == (b.slug, b.summary, b.date, b.when, b.status)
    }

    private func eventLink(_ event: LinkedEvent, root: String) -> EventLinkView {
        EventLinkView(
            summary: event.event.summary, dateLabel: DateLabel.event(event.event),
            href: root + eventHref(event.event.slug), isPlanned: event.event.status == .planned)
    }

    private func markdownHTML(_ markdown: String) -> String? {
        markdown.isEmpty ? nil : Markdown.html(markdown)
    }

    // MARK: - Pages

    func home() -> HomeView {
        let root = ""
        let lead = site.articles.first?.article
        let keyParties = site.parties.filter { !$0.mentions.isEmpty }
            .sorted { ($0.mentions.count, $1.party.slug) > ($1.mentions.count, $0.party.slug) }
            .prefix(6)
            .map {
                LinkView(
                    label: $0.party.name, href: Routes.party($0.party.slug), detail: $0.party.role,
                    count: $0.mentions.count)
            }
        let keyTerms = site.terms.filter { !$0.mentions.isEmpty }
            .sorted { ($0.mentions.count, $1.term.slug) > ($1.mentions.count, $0.term.slug) }
            .prefix(6)
            .map {
                LinkView(
                    label: $0.term.name, href: Routes.term($0.term.slug), detail: summary(of: $0),
                    count: $0.mentions.count)
            }
        let latest = latestEvents
        return HomeView(
            frame: {
                let f = frame(
                    Routes.home, title: siteTitle,
                    jsonLD: structured.website(name: siteTitle, description: siteDescription))
                f.isHome = true
                return f
            }(),
            headline: lead?.title ?? siteTitle, summary: lead?.summary, dek: lead?.dek,
            articles: site.articles.prefix(Self.homeArticleLimit).map { articleLink($0, root: root) },
            multipleArticles: site.articles.count > 1,
            archiveHref: archivePageCount > 0 ? root + Routes.archive(page: 1) : nil, articleCount: site.articles.count,
            keyParties: Array(keyParties), keyTerms: Array(keyTerms),
            latestEvents: latest.map { eventLink($0, root: root) },
            partyCount: site.parties.count, termCount: site.terms.count, eventCount: site.events.count)
    }

    /// The home page's latest events: the last three that happened, found from the timeline's
    /// end rather than by a pass over it all, and the first two planned, in timeline order.
    var latestEvents: [LinkedEvent] {
        var past: [LinkedEvent] = []
        for linked in site.events.reversed() where linked.event.status == .past {
            past.append(linked)
            if past.count == 3 { break }
        }
        return past.reversed() + firstPlanned
    }

    func article(_ linked: LinkedArticle, path: String) -> ArticleView {
        let root = Routes.root(of: path)
        let article = linked.article
        let paragraphs = linked.paragraphs.map { paragraph in
            let links = paragraph.mentions.map { mention in
                Markdown.Link(
                    segment: mention.segment, start: mention.start, end: mention.end,
                    url: root + Routes.entity(mention.target), title: title(of: mention.target))
            }
            return ParagraphView(
                number: paragraph.paragraph.number, anchor: paragraph.paragraph.anchor,
                html: Markdown.html(paragraph.paragraph.markdown, links: links), section: paragraph.paragraph.section,
                events: paragraph.events.compactMap { slug in
                    index.event(slug).map {
                        LinkView(label: shortSummary($0.event.summary), href: root + eventHref(slug))
                    }
                })
        }
        let counts = Dictionary(grouping: linked.paragraphs.flatMap(\.mentions), by: \.target).mapValues(\.count)
        let parties = linked.parties.compactMap { partyLink($0, root: root, count: counts[.party($0)]) }
        let terms = linked.terms.compactMap { slug in
            index.term(slug).map {
                LinkView(
                    label: $0.term.name, href: root + Routes.term(slug), detail: summary(of: $0),
                    count: counts[.term(slug)])
            }
        }
        let partyValues = linked.parties.compactMap { index.party($0)?.party }
        let jsonLD = structured.article(
            article, path: path, about: about(article, parties: partyValues, counts: counts), mentions: partyValues,
            terms: linked.terms.compactMap { index.term($0)?.term })
        return ArticleView(
            frame: {
                let f = frame(path, title: article.title, description: article.summary ?? article.dek, jsonLD: jsonLD)
                f.isArticle = true
                f.ogType = "article"
                return f
            }(),
            title: article.title, dek: article.dek, summary: article.summary, dateLabel: DateLabel.text(article.date),
            date: article.date, byline: article.byline, source: article.source, url: article.url,
            meta: meta(article),
            paragraphs: paragraphs, parties: parties, terms: terms, hasEntities: !parties.isEmpty || !terms.isEmpty)
    }

    /// What an article is about: the parties its headline or dek names, or else the one it names most.
    private func about(_ article: Article, parties: [Party], counts: [EntityRef: Int]) -> [Party] {
        let heading = [article.title, article.dek ?? ""].joined(separator: " ")
        let named = parties.filter { party in
            ([party.name] + party.aliases).contains { heading.contains($0) }
        }
        if !named.isEmpty { return named }
        return parties.max { (counts[.party($0.slug)] ?? 0, $1.slug) < (counts[.party($1.slug)] ?? 0, $0.slug) }
            .map { [$0] } ?? []
    }

    /// Date, byline and source, in that order, each only when the article states it.
    private func meta(_ article: Article) -> [MetaView] {
        var parts: [MetaView] = []
        if let label = DateLabel.text(article.date) { parts.append(MetaView(text: label, datetime: article.date)) }
        if let byline = article.byline { parts.append(MetaView(text: byline)) }
        if article.source != nil || article.url != nil {
            parts.append(MetaView(text: article.source ?? "Original article", href: article.url))
        }
        return parts
    }

    private func title(of ref: EntityRef) -> String {
        switch ref {
        case .party(let slug):
            guard let party = index.party(slug)?.party else { return slug }
            return party.role.map { "\(party.name), \($0)" } ?? "\(party.name) (\(party.kind.rawValue))"
        case .term(let slug):
            // A found term has no definition yet: the sentence that first uses it stands in.
            guard let term = index.term(slug) else { return slug }
            let summary = summary(of: term)
            return summary.isEmpty ? term.term.name : "\(term.term.name): \(summary)"
        }
    }

    /// An event's summary as a link beside the paragraph it cites: a found event's summary is a
    /// sentence of that paragraph, so a long one is cut to its opening words.
    func shortSummary(_ summary: String) -> String {
        let words = summary.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 16 else { return summary }
        return words.prefix(12).joined(separator: " ") + "\u{2026}"
    }

    /// Where an event is listed: its timeline page and anchor.
    func eventHref(_ slug: String) -> String {
        eventPath(slug) ?? Routes.event(slug, on: Routes.timeline)
    }

    /// The pages a page links to: the first, the last and the three either side of it, so that a
    /// timeline of thousands of pages does not list every page on every page.
    static func pageWindow(_ page: Int, of count: Int) -> [Int] {
        Array(Set([1, count] + ((page - 3)...(page + 3)).filter { (1...count).contains($0) })).sorted()
    }

    /// Whether `articleLink` shows the same for both: the same slug, headline, date, source and
    /// number of paragraphs.
    static func linkedAlike(_ a: LinkedArticle, _ b: LinkedArticle) -> Bool {
        (a.article.slug, a.article.title, a.article.date, a.article.source, a.paragraphs.count)
            == (b.article.slug, b.article.title, b.article.date, b.article.source, b.paragraphs.count)
    }

    /// An article as lists show it: its headline, its date and source, and its number of
    /// paragraphs, as `linkedAlike` compares.
    private func articleLink(_ linked: LinkedArticle, root: String) -> LinkView {
        LinkView(
            label: linked.article.title, href: root + Routes.article(linked.article.slug),
            detail: [DateLabel.text(linked.article.date), linked.article.source].compactMap { $0 }
                .joined(separator: " · ").nilIfEmpty,
            count: linked.paragraphs.count)
    }

    /// Archive pages: none while the home page lists every article.
    var archivePageCount: Int {
        site.articles.count <= Self.homeArticleLimit
            ? 0 : (site.articles.count + Self.archivePageSize - 1) / Self.archivePageSize
    }

    func archive(page: Int) -> ArchiveView {
        let path = Routes.archive(page: page)
        let root = Routes.root(of: path)
        let start = min((page - 1) * Self.archivePageSize, site.articles.count)
        let slice = site.articles[start..<min(start + Self.archivePageSize, site.articles.count)]
        let count = archivePageCount
        let f = frame(path, title: count > 1 ? "All articles, page \(page) of \(count)" : "All articles")
        return ArchiveView(
            frame: f, articles: slice.map { articleLink($0, root: root) }, articleCount: site.articles.count,
            pagination: pagination(page: page, of: count, root: root, route: Routes.archive(page:)))
    }

    /// Links between the pages of a list that has more than one ("Page 2 of 9", a window of numbers).
    private func pagination(page: Int, of count: Int, root: String, route: (Int) -> String) -> PaginationView? {
        guard count > 1 else { return nil }
        let window = Self.pageWindow(page, of: count)
        return PaginationView(
            page: page, pageCount: count, previous: page > 1 ? root + route(page - 1) : nil,
            next: page < count ? root + route(page + 1) : nil,
            pages: window.map {
                PageLinkView(
                    number: $0, href: root + route($0), isCurrent: $0 == page,
                    followsGap: $0 > 1 && !window.contains($0 - 1))
            })
    }

    /// What a timeline page's view gives as `eventList`, and the page's template prints where the
    /// list of events goes: between NUL characters, which no text of a briefing holds, replaced
    /// with the events as `timeline-event` renders each.
    static let eventListMark = "\u{0}event-list\u{0}"

    /// A timeline page: the `timeline` template, with its events, each rendered by the
    /// `timeline-event` template, where it prints `eventList`. An event the last build printed
    /// the same (`printed` gives its bytes, by its place in the site's order) is printed as it
    /// was: an article added changes one event of a page and the number and count of every page
    /// when it starts a new one, and the page's other events read as they did.
    func timelinePage(_ page: Int, printed: (Int) -> Data? = { _ in nil }) throws(BuildFailure) -> OutputFile {
        // The page's view holds its events only for a theme whose timeline page may read them.
        let view = timeline(page: page, withEvents: templates.timelineReadsEvents)
        let shell = try templates.render("timeline", view)
        let parts = shell.components(separatedBy: Self.eventListMark)
        let path = timelinePages.path(page: page)
        guard parts.count > 1 else {
            eventSpans.record(nil, for: path)
            return OutputFile(path: path, text: shell)
        }
        let range = timelinePages.range(page: page)
        let root = Routes.root(of: path)
        var list = Data()
        var ends: [Int] = []
        ends.reserveCapacity(range.count)
        for position in range {
            if let bytes = printed(position) {
                list.append(bytes)
            } else {
                let event =
                    templates.timelineReadsEvents
                    ? view.events[position - range.lowerBound] : eventView(site.events[position], root: root)
                list.append(contentsOf: try templates.render("timeline-event", event).utf8)
            }
            ends.append(list.count)
        }
        var contents = Data(parts[0].utf8)
        let start = contents.count
        for part in parts.dropFirst() {
            contents.append(list)
            contents.append(contentsOf: part.utf8)
        }
        eventSpans.record(parts.count == 2 ? EventSpans.Page(start: start, ends: ends) : nil, for: path)
        return OutputFile(path: path, contents: contents)
    }

    /// The bytes of the event at `position` in the site's order as this renderer's timeline page
    /// printed it, in `files`; nil if the page printed its events otherwise.
    func printedEvent(at position: Int, in files: [String: OutputFile]) -> Data? {
        let page = timelinePages.page(ofEventAt: position)
        let path = timelinePages.path(page: page)
        guard let spans = eventSpans.page(path), let file = files[path] else { return nil }
        let index = position - timelinePages.range(page: page).lowerBound
        guard index >= 0, index < spans.ends.count else { return nil }
        let from = spans.start + (index == 0 ? 0 : spans.ends[index - 1])
        let to = spans.start + spans.ends[index]
        guard to <= file.contents.count else { return nil }
        let base = file.contents.startIndex
        return file.contents[(base + from)..<(base + to)]
    }

    /// A timeline page's view; `withEvents` false leaves its list of events empty.
    func timeline(page: Int = 1, withEvents: Bool = true) -> TimelineView {
        let path = timelinePages.path(page: page)
        let root = Routes.root(of: path)
        let events = withEvents ? site.events[timelinePages.range(page: page)].map { eventView($0, root: root) } : []
        let count = timelinePages.count
        let f = frame(path, title: count > 1 ? "Timeline, page \(page) of \(count)" : "Timeline")
        f.isTimeline = true
        return TimelineView(
            frame: f, events: Array(events), eventList: Self.eventListMark, hasPlanned: hasPlannedEvents,
            pagination: pagination(page: page, of: count, root: root, route: timelinePages.path(page:)))
    }

    /// An event as a timeline page at `root` prints it.
    func eventView(_ linked: LinkedEvent, root: String) -> EventView {
        let event = linked.event
        return EventView(
            anchor: "event-\(event.slug)", dateLabel: DateLabel.event(event), date: event.date, when: event.when,
            isPlanned: event.status == .planned, summary: event.summary,
            descriptionHTML: markdownHTML(event.description),
            parties: linked.parties.compactMap { partyLink($0, root: root) },
            sources: linked.citations.compactMap { citation in
                index.article(citation.article).map {
                    LinkView(
                        label: "¶\(citation.paragraph)", href: root + Routes.paragraph(citation),
                        detail: $0.article.title)
                }
            })
    }

    /// The editor's definition, or, for a term found in the text and not yet defined, the sentence
    /// that first uses it.
    func summary(of linked: LinkedTerm) -> String {
        termSummaries[linked.term.slug] ?? Self.describe(linked)
    }

    /// Whether `describe` gives the same for both: they have the same definition and first quote.
    static func describedAlike(_ a: LinkedTerm, _ b: LinkedTerm) -> Bool {
        a.term.definition == b.term.definition && a.mentions.first?.quote == b.mentions.first?.quote
    }

    /// What `summary(of:)` gives, worked out once per term: every mention's title repeats it.
    /// It reads the term's definition and its first quote, as `describedAlike` compares.
    static func describe(_ linked: LinkedTerm) -> String {
        if !linked.term.definition.isEmpty { return linked.term.definition }
        guard let quote = linked.mentions.first?.quote else { return "" }
        return "As used: \u{201C}\(window(quote).trimmingSpaces())\u{201D}"
    }

    /// Words of the quote around its mention: a preview is read at a glance, and repeated in
    /// every link to the term, so a long sentence is cut to a few words on each side, marked "…".
    /// The term's page quotes its sentences whole.
    static func window(_ quote: Quote, before: Int = 6, after: Int = 8) -> String {
        // Split on single spaces and joined again, the text keeps its own spacing; the piece
        // next to the mention ("" or "(") is kept beside it.
        var lead = quote.before.split(separator: " ", omittingEmptySubsequences: false)
        var tail = quote.after.split(separator: " ", omittingEmptySubsequences: false)
        // Two or three words more are shown rather than cut.
        let cutLead = lead.count > before + 3
        let cutTail = tail.count > after + 3
        if cutLead { lead = Array(lead.suffix(before + 1)) }
        if cutTail { tail = Array(tail.prefix(after + 1)) }
        return (cutLead ? "\u{2026}" : "") + lead.joined(separator: " ") + quote.match + tail.joined(separator: " ")
            + (cutTail ? "\u{2026}" : "")
    }

    /// The quotes of the newest articles first, at most `entityListLimit`, and how many more there are.
    private func limitedQuotes(_ mentions: [Mention], root: String) -> ([QuoteView], Int?) {
        // Newest article first, each article's mentions in their order: the runs of one article
        // are sorted, not the mentions, so a term named thousands of times costs a lookup per article.
        let runs = Self.articleRuns(mentions).map {
            (rank: index.position(ofArticle: $0.article) ?? 0, range: $0.range)
        }
        let ordered = runs.indices.sorted { (runs[$0].rank, $0) < (runs[$1].rank, $1) }.lazy.flatMap { runs[$0].range }
        // One quote per sentence: a sentence naming a party twice is shown once. A paragraph's
        // mentions are next to each other, so its sentences are compared with each other only.
        var paragraph: Citation?
        var sentences: [String] = []
        var shown: [QuoteView] = []
        var more = 0
        for position in ordered {
            let mention = mentions[position]
            let sentence = mention.quote
            if mention.citation != paragraph {
                paragraph = mention.citation
                sentences.removeAll(keepingCapacity: true)
            }
            guard !sentences.contains(sentence.sentence) else { continue }
            sentences.append(sentence.sentence)
            guard shown.count < Self.entityListLimit else {
                more += 1
                continue
            }
            shown.append(
                QuoteView(
                    articleTitle: index.article(mention.citation.article)?.article.title ?? mention.citation.article,
                    paragraph: mention.citation.paragraph, href: root + Routes.paragraph(mention.citation),
                    before: sentence.before, match: sentence.match, after: sentence.after))
        }
        return (shown, more > 0 ? more : nil)
    }

    /// The mentions in runs from one article, in their order.
    static func articleRuns(_ mentions: [Mention]) -> [(article: String, range: Range<Int>)] {
        var runs: [(article: String, range: Range<Int>)] = []
        var start = 0
        while start < mentions.count {
            let article = mentions[start].citation.article
            var end = start + 1
            while end < mentions.count, mentions[end].citation.article == article { end += 1 }
            runs.append((article, start..<end))
            start = end
        }
        return runs
    }

    private func entityArticles(_ articles: ArraySlice<ArticleCount>, root: String) -> [LinkView] {
        articles.map { article in
            let linked = site.articles[Int(article.rank)].article
            return LinkView(label: linked.title, href: root + Routes.article(linked.slug), count: Int(article.count))
        }
    }

    /// The articles the mentions come from, by their place in the site's order (`rank`), with how
    /// many each has. Mentions come article by article, so each run of one article's is looked up
    /// once; an article whose mentions make more than one run is still counted once, in full.
    static func articleCounts(_ mentions: [Mention], index: Site.Index) -> [ArticleCount] {
        var runs = articleRuns(mentions).compactMap { run in
            index.position(ofArticle: run.article).map { ArticleCount(rank: Int32($0), count: Int32(run.range.count)) }
        }
        runs.sort { $0.rank < $1.rank }
        var counts: [ArticleCount] = []
        counts.reserveCapacity(runs.count)
        for run in runs {
            if counts.last?.rank == run.rank {
                counts[counts.count - 1].count += run.count
            } else {
                counts.append(run)
            }
        }
        return counts
    }

    /// The pages listing every article that names a party or term: none when its own page lists them all.
    func entityArticlePages(_ articleCount: Int) -> Range<Int> {
        guard articleCount > Self.entityArticleLimit else { return 1..<1 }
        return 1..<((articleCount + Self.archivePageSize - 1) / Self.archivePageSize + 1)
    }

    private func entityArticlesPage(_ entity: EntityRef, name: String, _ articles: [ArticleCount], page: Int)
        throws(BuildFailure) -> OutputFile
    {
        let view = entityArticles(
            entity, name: name, articles: articles, page: page, of: entityArticlePages(articles.count).count)
        return OutputFile(
            path: Routes.entityArticles(entity, page: page), text: try templates.render("entity-articles", view))
    }

    /// A page of the articles naming a party or term, newest first, with their mention counts.
    func entityArticles(_ entity: EntityRef, name: String, articles all: [ArticleCount], page: Int, of count: Int)
        -> EntityArticlesView
    {
        let path = Routes.entityArticles(entity, page: page)
        let root = Routes.root(of: path)
        let start = min((page - 1) * Self.archivePageSize, all.count)
        let f = frame(
            path, title: "Articles naming \(name)" + (count > 1 ? ", page \(page) of \(count)" : ""))
        switch entity {
        case .party: f.isParties = true
        case .term: f.isTerms = true
        }
        let kindLabel: String
        if case .party = entity { kindLabel = "Party" } else { kindLabel = "Key term" }
        return EntityArticlesView(
            frame: f, name: name, href: root + Routes.entity(entity), kindLabel: kindLabel,
            articles: entityArticles(all[start..<min(start + Self.archivePageSize, all.count)], root: root),
            articleCount: all.count,
            pagination: pagination(page: page, of: count, root: root) { Routes.entityArticles(entity, page: $0) })
    }

    func party(_ linked: LinkedParty, path: String) -> EntityView {
        let root = Routes.root(of: path)
        let party = linked.party
        let f = frame(
            path, title: party.name, description: party.role.map { "\(party.name), \($0)" },
            jsonLD: structured.partyPage(party))
        f.isParties = true
        let (related, moreRelated) = relatedParties(.party(party.slug), root: root)
        let (quotes, moreMentions) = limitedQuotes(linked.mentions, root: root)
        let articles = self.articles(naming: .party(party.slug))
        let events = linked.events.prefix(Self.entityListLimit).compactMap { index.event($0) }.map {
            eventLink($0, root: root)
        }
        return EntityView(
            frame: f, name: party.name, kindLabel: party.kind.rawValue.capitalized, role: party.role,
            aliases: party.aliases.isEmpty ? nil : party.aliases.joined(separator: ", "), definition: nil,
            descriptionHTML: markdownHTML(party.description), mentionCount: linked.mentions.count,
            mentions: quotes, moreMentions: moreMentions,
            events: events,
            moreEvents: linked.events.count > Self.entityListLimit ? linked.events.count - Self.entityListLimit : nil,
            articles: entityArticles(articles.prefix(Self.entityArticleLimit), root: root),
            articleCount: articles.count,
            allArticlesHref: articles.count > Self.entityArticleLimit
                ? root + Routes.entityArticles(.party(party.slug), page: 1) : nil,
            related: related, moreRelated: moreRelated)
    }

    /// The parties named in the same paragraphs as a party or term, most related first, at most
    /// `entityListLimit`, and how many more there are.
    private func relatedParties(_ entity: EntityRef, root: String) -> ([LinkView], Int?) {
        let ties = relations.ties(of: entity)
        let shown = ties.prefix(Self.entityListLimit).compactMap { tie in
            index.party(tie.party).map {
                LinkView(
                    label: $0.party.name, href: root + Routes.party(tie.party), detail: $0.party.role,
                    count: tie.paragraphs)
            }
        }
        return (shown, ties.count > Self.entityListLimit ? ties.count - Self.entityListLimit : nil)
    }

    func term(_ linked: LinkedTerm, path: String) -> EntityView {
        let root = Routes.root(of: path)
        let term = linked.term
        let description = summary(of: linked)
        let f = frame(
            path, title: term.name, description: description,
            jsonLD: structured.termPage(term, description: description.nilIfEmpty))
        f.isTerms = true
        let (related, moreRelated) = relatedParties(.term(term.slug), root: root)
        let (quotes, moreMentions) = limitedQuotes(linked.mentions, root: root)
        let articles = self.articles(naming: .term(term.slug))
        let events = linked.events.prefix(Self.entityListLimit).compactMap { index.event($0) }.map {
            eventLink($0, root: root)
        }
        return EntityView(
            frame: f, name: term.name, kindLabel: nil, role: nil,
            aliases: term.aliases.isEmpty ? nil : term.aliases.joined(separator: ", "),
            definition: term.definition.isEmpty ? nil : term.definition,
            descriptionHTML: markdownHTML(term.description), mentionCount: linked.mentions.count,
            mentions: quotes, moreMentions: moreMentions,
            events: events,
            moreEvents: linked.events.count > Self.entityListLimit ? linked.events.count - Self.entityListLimit : nil,
            articles: entityArticles(articles.prefix(Self.entityArticleLimit), root: root),
            articleCount: articles.count,
            allArticlesHref: articles.count > Self.entityArticleLimit
                ? root + Routes.entityArticles(.term(term.slug), page: 1) : nil,
            related: related, moreRelated: moreRelated)
    }

    func partyList() -> PartiesView {
        let root = Routes.root(of: Routes.parties)
        let groups = Party.Kind.allCases.compactMap { kind -> PartyGroupView? in
            var members = site.parties.filter { $0.party.kind == kind }
            guard !members.isEmpty else { return nil }
            // People are looked for by surname, as in an index ("Putin" before "Trump").
            if kind == .person {
                members = members.map { (Self.surnameKey($0.party.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            }
            return PartyGroupView(
                label: kind == .person ? "People" : kind == .country ? "Countries" : kind.rawValue.capitalized + "s",
                parties: members.map {
                    LinkView(
                        label: $0.party.name, href: root + Routes.party($0.party.slug), detail: $0.party.role,
                        count: $0.mentions.count)
                })
        }
        let f = frame(Routes.parties, title: "Parties")
        f.isParties = true
        return PartiesView(
            frame: f, groups: groups, count: site.parties.count,
            map: RelationMap.view(site, relations: relations, root: root))
    }

    /// A person's name ordered by its last word, then the whole name: "Putin Vladimir Putin".
    static func surnameKey(_ name: String) -> String {
        let folded = name.lowercased()
        let surname = folded.split(separator: " ").last.map(String.init) ?? folded
        return surname + " " + folded
    }

    func termList() -> TermsView {
        let root = Routes.root(of: Routes.terms)
        let f = frame(Routes.terms, title: "Key terms")
        f.isTerms = true
        return TermsView(
            frame: f,
            terms: site.terms.map {
                LinkView(
                    label: $0.term.name, href: root + Routes.term($0.term.slug), detail: summary(of: $0),
                    count: $0.mentions.count)
            }, count: site.terms.count)
    }

    func search() -> SearchView {
        let f = frame(Routes.search, title: "Search")
        f.isSearch = true
        return SearchView(frame: f)
    }

    /// The Atom feed: the articles, newest first. Atom needs a time for each entry; an article
    /// without a date takes the newest date of the others, or the site's default date.
    func feed() -> FeedView {
        let dates = site.articles.compactMap(\.article.date)
        let fallback = dates.max() ?? site.config.defaultDate ?? "1970-01-01"
        let entries = site.articles.map { linked in
            let article = linked.article
            return FeedView.Entry(
                title: article.title, href: absolute(Routes.article(article.slug)),
                updated: (article.date ?? fallback) + "T00:00:00Z", summary: article.summary ?? article.dek,
                author: article.byline ?? article.source)
        }
        return FeedView(
            title: siteTitle, subtitle: site.config.description, href: absolute(Routes.home),
            selfHref: absolute(Routes.feed), updated: fallback + "T00:00:00Z", entries: entries)
    }

    /// The 404 page is served for any missing address, at any depth, so its links start from
    /// the site's own path (taken from `base_url`) instead of being relative.
    func notFound() -> NotFoundView {
        let f = frame(Routes.notFound, title: "Page not found")
        f.root = URLComponents(string: site.config.normalizedBaseURL)?.percentEncodedPath ?? "/"
        if !f.root.hasSuffix("/") { f.root += "/" }
        return NotFoundView(frame: f)
    }

    func sitemap(_ pages: [String]) -> SitemapView {
        SitemapView(urls: pages.filter { $0 != Routes.notFound }.map { SitemapView.Entry(loc: absolute($0)) })
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Where a renderer's timeline pages printed their events: for each page, by path, the offset
/// of its list of events in the file and the end of each event after it.
final class EventSpans: Sendable {
    struct Page: Sendable {
        var start: Int
        var ends: [Int]
    }

    private let pages = Mutex<[String: Page]>([:])

    func record(_ page: Page?, for path: String) {
        pages.withLock { $0[path] = page }
    }

    func page(_ path: String) -> Page? {
        pages.withLock { $0[path] }
    }

    /// Takes `other`'s pages at these paths, whose files are the same.
    func carry(_ paths: some Sequence<String>, from other: EventSpans) {
        let kept = other.pages.withLock { all in paths.compactMap { path in all[path].map { (path, $0) } } }
        pages.withLock { mine in
            for (path, page) in kept { mine[path] = page }
        }
    }
}
