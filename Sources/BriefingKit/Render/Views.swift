// View models: what each template sees. Built from the linked Site; they hold text and relative
// links only, so templates decide all markup.
//
// They are classes, not structs: the template engine reads every field through a cast of the
// view to `MustacheParent`, and casting a struct copies it (retaining each of its strings) at
// every `{{name}}`, where casting a class instance copies one reference.

/// Fields every page shares: where the site root is from this page, and the site's name.
final class PageFrame {
    var root: String
    var siteTitle: String
    var language: String
    var pageTitle: String
    var description: String
    /// The page's absolute address, when the site's base URL is set.
    var canonical: String?
    /// The Open Graph type: `article` for articles, `website` for the rest.
    var ogType: String
    /// Structured data (schema.org, JSON-LD) for the page, already encoded and safe inside `<script>`.
    var jsonLD: String?
    /// Which top-level section the page belongs to, for marking the current navigation entry.
    var isHome: Bool
    var isArticle: Bool
    var isTimeline: Bool
    var isParties: Bool
    var isTerms: Bool
    var isSearch: Bool

    init(
        root: String, siteTitle: String, language: String, pageTitle: String, description: String,
        canonical: String? = nil, ogType: String = "website", jsonLD: String? = nil, isHome: Bool = false,
        isArticle: Bool = false, isTimeline: Bool = false, isParties: Bool = false, isTerms: Bool = false,
        isSearch: Bool = false
    ) {
        self.root = root
        self.siteTitle = siteTitle
        self.language = language
        self.pageTitle = pageTitle
        self.description = description
        self.canonical = canonical
        self.ogType = ogType
        self.jsonLD = jsonLD
        self.isHome = isHome
        self.isArticle = isArticle
        self.isTimeline = isTimeline
        self.isParties = isParties
        self.isTerms = isTerms
        self.isSearch = isSearch
    }
}

final class LinkView {
    var label: String
    var href: String
    var detail: String?
    var count: Int?

    init(label: String, href: String, detail: String? = nil, count: Int? = nil) {
        self.label = label
        self.href = href
        self.detail = detail
        self.count = count
    }
}

final class ParagraphView {
    var number: Int
    var anchor: String
    var html: String
    var section: String?
    var events: [LinkView]

    init(number: Int, anchor: String, html: String, section: String? = nil, events: [LinkView]) {
        self.number = number
        self.anchor = anchor
        self.html = html
        self.section = section
        self.events = events
    }
}

final class ArticleView {
    var frame: PageFrame
    var title: String
    var dek: String?
    var summary: String?
    var dateLabel: String?
    var date: String?
    var byline: String?
    var source: String?
    var url: String?
    var meta: [MetaView]
    var paragraphs: [ParagraphView]
    var parties: [LinkView]
    var terms: [LinkView]
    var hasEntities: Bool

    init(
        frame: PageFrame, title: String, dek: String? = nil, summary: String? = nil, dateLabel: String? = nil,
        date: String? = nil, byline: String? = nil, source: String? = nil, url: String? = nil, meta: [MetaView],
        paragraphs: [ParagraphView], parties: [LinkView], terms: [LinkView], hasEntities: Bool
    ) {
        self.frame = frame
        self.title = title
        self.dek = dek
        self.summary = summary
        self.dateLabel = dateLabel
        self.date = date
        self.byline = byline
        self.source = source
        self.url = url
        self.meta = meta
        self.paragraphs = paragraphs
        self.parties = parties
        self.terms = terms
        self.hasEntities = hasEntities
    }
}

/// One part of an article's byline row: a date, an author or a source link.
final class MetaView {
    var text: String
    var datetime: String?
    var href: String?

    init(text: String, datetime: String? = nil, href: String? = nil) {
        self.text = text
        self.datetime = datetime
        self.href = href
    }
}

final class QuoteView {
    var articleTitle: String
    var paragraph: Int
    var href: String
    var before: String
    var match: String
    var after: String

    init(articleTitle: String, paragraph: Int, href: String, before: String, match: String, after: String) {
        self.articleTitle = articleTitle
        self.paragraph = paragraph
        self.href = href
        self.before = before
        self.match = match
        self.after = after
    }
}

final class EventLinkView {
    var summary: String
    var dateLabel: String
    var href: String
    var isPlanned: Bool

    init(summary: String, dateLabel: String, href: String, isPlanned: Bool) {
        self.summary = summary
        self.dateLabel = dateLabel
        self.href = href
        self.isPlanned = isPlanned
    }
}

final class EntityView {
    var frame: PageFrame
    var name: String
    var kindLabel: String?
    var role: String?
    var aliases: String?
    var definition: String?
    var descriptionHTML: String?
    var mentionCount: Int
    var mentions: [QuoteView]
    /// Quoted sentences left out for length, when there are any.
    var moreMentions: Int?
    var events: [EventLinkView]
    var moreEvents: Int?
    /// The newest articles naming it; `articleCount` is all of them.
    var articles: [LinkView]
    var articleCount: Int
    /// The paged list of every article naming it, when the page cannot list them all.
    var allArticlesHref: String?
    /// Parties named in the same paragraphs, most related first; `count` is the paragraphs.
    var related: [LinkView]
    var moreRelated: Int?

    init(
        frame: PageFrame, name: String, kindLabel: String? = nil, role: String? = nil, aliases: String? = nil,
        definition: String? = nil, descriptionHTML: String? = nil, mentionCount: Int, mentions: [QuoteView],
        moreMentions: Int? = nil, events: [EventLinkView], moreEvents: Int? = nil, articles: [LinkView],
        articleCount: Int? = nil, allArticlesHref: String? = nil, related: [LinkView], moreRelated: Int? = nil
    ) {
        self.frame = frame
        self.name = name
        self.kindLabel = kindLabel
        self.role = role
        self.aliases = aliases
        self.definition = definition
        self.descriptionHTML = descriptionHTML
        self.mentionCount = mentionCount
        self.mentions = mentions
        self.moreMentions = moreMentions
        self.events = events
        self.moreEvents = moreEvents
        self.articles = articles
        self.articleCount = articleCount ?? articles.count
        self.allArticlesHref = allArticlesHref
        self.related = related
        self.moreRelated = moreRelated
    }
}

final class EventView {
    var anchor: String
    var dateLabel: String
    var date: String?
    var when: String?
    var isPlanned: Bool
    var summary: String
    var descriptionHTML: String?
    var parties: [LinkView]
    var sources: [LinkView]

    init(
        anchor: String, dateLabel: String, date: String? = nil, when: String? = nil, isPlanned: Bool, summary: String,
        descriptionHTML: String? = nil, parties: [LinkView], sources: [LinkView]
    ) {
        self.anchor = anchor
        self.dateLabel = dateLabel
        self.date = date
        self.when = when
        self.isPlanned = isPlanned
        self.summary = summary
        self.descriptionHTML = descriptionHTML
        self.parties = parties
        self.sources = sources
    }
}

final class TimelineView {
    var frame: PageFrame
    var events: [EventView]
    /// The page's events, each as `timeline-event` renders it; the page's template prints them
    /// unescaped.
    var eventList: String
    var hasPlanned: Bool
    /// Links between the timeline's pages, when it has more than one.
    var pagination: PaginationView?

    init(
        frame: PageFrame, events: [EventView], eventList: String, hasPlanned: Bool, pagination: PaginationView? = nil
    ) {
        self.frame = frame
        self.events = events
        self.eventList = eventList
        self.hasPlanned = hasPlanned
        self.pagination = pagination
    }
}

final class PaginationView {
    var page: Int
    var pageCount: Int
    var previous: String?
    var next: String?
    var pages: [PageLinkView]

    init(page: Int, pageCount: Int, previous: String? = nil, next: String? = nil, pages: [PageLinkView]) {
        self.page = page
        self.pageCount = pageCount
        self.previous = previous
        self.next = next
        self.pages = pages
    }
}

final class PageLinkView {
    var number: Int
    var href: String
    var isCurrent: Bool
    /// Pages are left out between this one and the one before it.
    var followsGap: Bool

    init(number: Int, href: String, isCurrent: Bool, followsGap: Bool) {
        self.number = number
        self.href = href
        self.isCurrent = isCurrent
        self.followsGap = followsGap
    }
}

final class PartyGroupView {
    var label: String
    var parties: [LinkView]

    init(label: String, parties: [LinkView]) {
        self.label = label
        self.parties = parties
    }
}

final class PartiesView {
    var frame: PageFrame
    var groups: [PartyGroupView]
    var count: Int
    /// Who is mentioned with whom, when at least two parties share a paragraph.
    var map: RelationMapView?

    init(frame: PageFrame, groups: [PartyGroupView], count: Int, map: RelationMapView? = nil) {
        self.frame = frame
        self.groups = groups
        self.count = count
        self.map = map
    }
}

/// The relation map as the SVG template draws it: coordinates are in the map's own units.
final class RelationMapView {
    /// The SVG `viewBox`, cropped to the drawing and its labels.
    var viewBox: String
    var nodes: [MapNodeView]
    var edges: [MapEdgeView]

    init(viewBox: String, nodes: [MapNodeView], edges: [MapEdgeView]) {
        self.viewBox = viewBox
        self.nodes = nodes
        self.edges = edges
    }
}

final class MapNodeView {
    var label: String
    var href: String
    var count: Int
    var x: String
    var y: String
    var r: String
    var labelX: String
    var labelY: String
    /// SVG `text-anchor` of the label: labels on the right start at the node, those on the left end there.
    var anchor: String

    init(
        label: String, href: String, count: Int, x: String, y: String, r: String, labelX: String, labelY: String,
        anchor: String
    ) {
        self.label = label
        self.href = href
        self.count = count
        self.x = x
        self.y = y
        self.r = r
        self.labelX = labelX
        self.labelY = labelY
        self.anchor = anchor
    }
}

final class MapEdgeView {
    var x1: String
    var y1: String
    var x2: String
    var y2: String
    var width: String
    var label: String

    init(x1: String, y1: String, x2: String, y2: String, width: String, label: String) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
        self.width = width
        self.label = label
    }
}

final class SearchView {
    var frame: PageFrame

    init(frame: PageFrame) {
        self.frame = frame
    }
}

/// The Atom feed of the articles, newest first.
final class FeedView {
    final class Entry {
        var title: String
        var href: String
        var updated: String
        var summary: String?
        var author: String?

        init(title: String, href: String, updated: String, summary: String? = nil, author: String? = nil) {
            self.title = title
            self.href = href
            self.updated = updated
            self.summary = summary
            self.author = author
        }
    }
    var title: String
    var subtitle: String?
    var href: String
    var selfHref: String
    var updated: String
    var entries: [Entry]

    init(title: String, subtitle: String? = nil, href: String, selfHref: String, updated: String, entries: [Entry]) {
        self.title = title
        self.subtitle = subtitle
        self.href = href
        self.selfHref = selfHref
        self.updated = updated
        self.entries = entries
    }
}

final class TermsView {
    var frame: PageFrame
    var terms: [LinkView]
    var count: Int

    init(frame: PageFrame, terms: [LinkView], count: Int) {
        self.frame = frame
        self.terms = terms
        self.count = count
    }
}

final class HomeView {
    var frame: PageFrame
    var headline: String
    var summary: String?
    var dek: String?
    /// The newest articles, at most `PageRenderer.homeArticleLimit`.
    var articles: [LinkView]
    var multipleArticles: Bool
    /// The archive listing every article, when the home page cannot.
    var archiveHref: String?
    var articleCount: Int
    var keyParties: [LinkView]
    var keyTerms: [LinkView]
    var latestEvents: [EventLinkView]
    var partyCount: Int
    var termCount: Int
    var eventCount: Int

    init(
        frame: PageFrame, headline: String, summary: String? = nil, dek: String? = nil, articles: [LinkView],
        multipleArticles: Bool, archiveHref: String? = nil, articleCount: Int, keyParties: [LinkView],
        keyTerms: [LinkView], latestEvents: [EventLinkView],
        partyCount: Int, termCount: Int, eventCount: Int
    ) {
        self.frame = frame
        self.headline = headline
        self.summary = summary
        self.dek = dek
        self.articles = articles
        self.multipleArticles = multipleArticles
        self.archiveHref = archiveHref
        self.articleCount = articleCount
        self.keyParties = keyParties
        self.keyTerms = keyTerms
        self.latestEvents = latestEvents
        self.partyCount = partyCount
        self.termCount = termCount
        self.eventCount = eventCount
    }
}

final class NotFoundView {
    var frame: PageFrame

    init(frame: PageFrame) {
        self.frame = frame
    }
}

final class SitemapView {
    final class Entry {
        var loc: String

        init(loc: String) {
            self.loc = loc
        }
    }
    var urls: [Entry]

    init(urls: [Entry]) {
        self.urls = urls
    }
}

final class RobotsView {
    var sitemap: String

    init(sitemap: String) {
        self.sitemap = sitemap
    }
}

/// One page of the list of every article naming a party or term, newest first, a hundred to a page.
final class EntityArticlesView {
    var frame: PageFrame
    /// The party or term, and its page.
    var name: String
    var href: String
    /// "Party" or "Key term", for the link back.
    var kindLabel: String
    var articles: [LinkView]
    var articleCount: Int
    var pagination: PaginationView?

    init(
        frame: PageFrame, name: String, href: String, kindLabel: String, articles: [LinkView], articleCount: Int,
        pagination: PaginationView? = nil
    ) {
        self.frame = frame
        self.name = name
        self.href = href
        self.kindLabel = kindLabel
        self.articles = articles
        self.articleCount = articleCount
        self.pagination = pagination
    }
}

/// One page of the archive: every article, newest first, a hundred to a page.
final class ArchiveView {
    var frame: PageFrame
    var articles: [LinkView]
    var articleCount: Int
    /// Links between the archive's pages, when it has more than one.
    var pagination: PaginationView?

    init(frame: PageFrame, articles: [LinkView], articleCount: Int, pagination: PaginationView? = nil) {
        self.frame = frame
        self.articles = articles
        self.articleCount = articleCount
        self.pagination = pagination
    }
}
