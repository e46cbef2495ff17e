// View models: what each template sees. Built from the linked Site; they hold text and relative
// links only, so templates decide all markup.

/// Fields every page shares: where the site root is from this page, and the site's name.
struct PageFrame {
    var root: String
    var siteTitle: String
    var language: String
    var pageTitle: String
    var description: String
    /// The page's absolute address, when the site's base URL is set.
    var canonical: String?
    /// The Open Graph type: `article` for articles, `website` for the rest.
    var ogType = "website"
    /// Structured data (schema.org, JSON-LD) for the page, already encoded and safe inside `<script>`.
    var jsonLD: String?
    /// Which top-level section the page belongs to, for marking the current navigation entry.
    var isHome = false
    var isArticle = false
    var isTimeline = false
    var isParties = false
    var isTerms = false
    var isSearch = false
}

struct LinkView {
    var label: String
    var href: String
    var detail: String?
    var count: Int?
}

struct ParagraphView {
    var number: Int
    var anchor: String
    var html: String
    var section: String?
    var events: [LinkView]
}

struct ArticleView {
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
}

/// One part of an article's byline row: a date, an author or a source link.
struct MetaView {
    var text: String
    var datetime: String?
    var href: String?
}

struct QuoteView {
    var articleTitle: String
    var paragraph: Int
    var href: String
    var before: String
    var match: String
    var after: String
}

struct EventLinkView {
    var summary: String
    var dateLabel: String
    var href: String
    var isPlanned: Bool
}

struct EntityView {
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
    var articles: [LinkView]
    /// Parties named in the same paragraphs, most related first; `count` is the paragraphs.
    var related: [LinkView]
    var moreRelated: Int?
}

struct EventView {
    var anchor: String
    var dateLabel: String
    var date: String?
    var when: String?
    var isPlanned: Bool
    var summary: String
    var descriptionHTML: String?
    var parties: [LinkView]
    var sources: [LinkView]
}

struct TimelineView {
    var frame: PageFrame
    var events: [EventView]
    var hasPlanned: Bool
    /// Links between the timeline's pages, when it has more than one.
    var pagination: PaginationView?
}

struct PaginationView {
    var page: Int
    var pageCount: Int
    var previous: String?
    var next: String?
    var pages: [PageLinkView]
}

struct PageLinkView {
    var number: Int
    var href: String
    var isCurrent: Bool
    /// Pages are left out between this one and the one before it.
    var followsGap: Bool
}

struct PartyGroupView {
    var label: String
    var parties: [LinkView]
}

struct PartiesView {
    var frame: PageFrame
    var groups: [PartyGroupView]
    var count: Int
    /// Who is mentioned with whom, when at least two parties share a paragraph.
    var map: RelationMapView?
}

/// The relation map as the SVG template draws it: coordinates are in the map's own units.
struct RelationMapView {
    /// The SVG `viewBox`, cropped to the drawing and its labels.
    var viewBox: String
    var nodes: [MapNodeView]
    var edges: [MapEdgeView]
}

struct MapNodeView {
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
}

struct MapEdgeView {
    var x1: String
    var y1: String
    var x2: String
    var y2: String
    var width: String
    var label: String
}

struct SearchView {
    var frame: PageFrame
}

/// The Atom feed of the articles, newest first.
struct FeedView {
    struct Entry {
        var title: String
        var href: String
        var updated: String
        var summary: String?
        var author: String?
    }
    var title: String
    var subtitle: String?
    var href: String
    var selfHref: String
    var updated: String
    var entries: [Entry]
}

struct TermsView {
    var frame: PageFrame
    var terms: [LinkView]
    var count: Int
}

struct HomeView {
    var frame: PageFrame
    var headline: String
    var summary: String?
    var dek: String?
    var articles: [LinkView]
    var multipleArticles: Bool
    var keyParties: [LinkView]
    var keyTerms: [LinkView]
    var latestEvents: [EventLinkView]
    var partyCount: Int
    var termCount: Int
    var eventCount: Int
}

struct NotFoundView {
    var frame: PageFrame
}

struct SitemapView {
    struct Entry {
        var loc: String
    }
    var urls: [Entry]
}

struct RobotsView {
    var sitemap: String
}
