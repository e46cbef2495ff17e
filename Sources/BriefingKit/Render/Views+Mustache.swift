import Mustache

// Templates read view fields by name through these switches rather than by reflection, which
// made rendering a large site several times slower. A test checks each one against the stored
// properties, so a field added to a view and not here fails the test suite.

extension PageFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": printed(self.root)
        case "siteTitle": printed(self.siteTitle)
        case "language": printed(self.language)
        case "pageTitle": printed(self.pageTitle)
        case "description": printed(self.description)
        case "canonical": printed(self.canonical)
        case "ogType": printed(self.ogType)
        case "jsonLD": printed(self.jsonLD)
        case "isHome": printed(self.isHome)
        case "isArticle": printed(self.isArticle)
        case "isTimeline": printed(self.isTimeline)
        case "isParties": printed(self.isParties)
        case "isTerms": printed(self.isTerms)
        case "isSearch": printed(self.isSearch)
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": printed(self.label)
        case "href": printed(self.href)
        case "detail": printed(self.detail)
        case "count": printed(self.count)
        // For "1 mention" against "2 mentions".
        case "isPlural": self.count != 1
        default: nil
        }
    }
}

extension ParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": printed(self.number)
        case "anchor": printed(self.anchor)
        case "html": printed(self.html)
        case "section": printed(self.section)
        case "events": printed(self.events)
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "title": printed(self.title)
        case "dek": printed(self.dek)
        case "summary": printed(self.summary)
        case "dateLabel": printed(self.dateLabel)
        case "date": printed(self.date)
        case "byline": printed(self.byline)
        case "source": printed(self.source)
        case "url": printed(self.url)
        case "meta": printed(self.meta)
        case "paragraphs": printed(self.paragraphs)
        case "parties": printed(self.parties)
        case "terms": printed(self.terms)
        case "hasEntities": printed(self.hasEntities)
        default: nil
        }
    }
}

extension MetaView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": printed(self.text)
        case "datetime": printed(self.datetime)
        case "href": printed(self.href)
        default: nil
        }
    }
}

extension QuoteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articleTitle": printed(self.articleTitle)
        case "paragraph": printed(self.paragraph)
        case "href": printed(self.href)
        case "before": printed(self.before)
        case "match": printed(self.match)
        case "after": printed(self.after)
        default: nil
        }
    }
}

extension EventLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": printed(self.summary)
        case "dateLabel": printed(self.dateLabel)
        case "href": printed(self.href)
        case "isPlanned": printed(self.isPlanned)
        default: nil
        }
    }
}

extension EntityView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "name": printed(self.name)
        case "kindLabel": printed(self.kindLabel)
        case "role": printed(self.role)
        case "aliases": printed(self.aliases)
        case "definition": printed(self.definition)
        case "descriptionHTML": printed(self.descriptionHTML)
        case "mentionCount": printed(self.mentionCount)
        case "mentions": printed(self.mentions)
        case "moreMentions": printed(self.moreMentions)
        case "events": printed(self.events)
        case "moreEvents": printed(self.moreEvents)
        case "articles": printed(self.articles)
        case "articleCount": printed(self.articleCount)
        case "allArticlesHref": printed(self.allArticlesHref)
        case "related": printed(self.related)
        case "moreRelated": printed(self.moreRelated)
        default: nil
        }
    }
}

extension EventView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": printed(self.anchor)
        case "dateLabel": printed(self.dateLabel)
        case "date": printed(self.date)
        case "when": printed(self.when)
        case "isPlanned": printed(self.isPlanned)
        case "summary": printed(self.summary)
        case "descriptionHTML": printed(self.descriptionHTML)
        case "parties": printed(self.parties)
        case "sources": printed(self.sources)
        default: nil
        }
    }
}

extension TimelineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "events": printed(self.events)
        case "eventList": printed(self.eventList)
        case "hasPlanned": printed(self.hasPlanned)
        case "pagination": printed(self.pagination)
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": printed(self.page)
        case "pageCount": printed(self.pageCount)
        case "previous": printed(self.previous)
        case "next": printed(self.next)
        case "pages": printed(self.pages)
        default: nil
        }
    }
}

extension PageLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": printed(self.number)
        case "href": printed(self.href)
        case "isCurrent": printed(self.isCurrent)
        case "followsGap": printed(self.followsGap)
        default: nil
        }
    }
}

extension PartyGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": printed(self.label)
        case "parties": printed(self.parties)
        default: nil
        }
    }
}

extension PartiesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "groups": printed(self.groups)
        case "count": printed(self.count)
        case "map": printed(self.map)
        default: nil
        }
    }
}

extension RelationMapView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "viewBox": printed(self.viewBox)
        case "nodes": printed(self.nodes)
        case "edges": printed(self.edges)
        default: nil
        }
    }
}

extension MapNodeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": printed(self.label)
        case "href": printed(self.href)
        case "count": printed(self.count)
        case "x": printed(self.x)
        case "y": printed(self.y)
        case "r": printed(self.r)
        case "labelX": printed(self.labelX)
        case "labelY": printed(self.labelY)
        case "anchor": printed(self.anchor)
        default: nil
        }
    }
}

extension MapEdgeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x1": printed(self.x1)
        case "y1": printed(self.y1)
        case "x2": printed(self.x2)
        case "y2": printed(self.y2)
        case "width": printed(self.width)
        case "label": printed(self.label)
        default: nil
        }
    }
}

extension SearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        default: nil
        }
    }
}

extension FeedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": printed(self.title)
        case "subtitle": printed(self.subtitle)
        case "href": printed(self.href)
        case "selfHref": printed(self.selfHref)
        case "updated": printed(self.updated)
        case "entries": printed(self.entries)
        default: nil
        }
    }
}

extension FeedView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": printed(self.title)
        case "href": printed(self.href)
        case "updated": printed(self.updated)
        case "summary": printed(self.summary)
        case "author": printed(self.author)
        default: nil
        }
    }
}

extension TermsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "terms": printed(self.terms)
        case "count": printed(self.count)
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "headline": printed(self.headline)
        case "summary": printed(self.summary)
        case "dek": printed(self.dek)
        case "articles": printed(self.articles)
        case "multipleArticles": printed(self.multipleArticles)
        case "archiveHref": printed(self.archiveHref)
        case "articleCount": printed(self.articleCount)
        case "keyParties": printed(self.keyParties)
        case "keyTerms": printed(self.keyTerms)
        case "latestEvents": printed(self.latestEvents)
        case "partyCount": printed(self.partyCount)
        case "termCount": printed(self.termCount)
        case "eventCount": printed(self.eventCount)
        default: nil
        }
    }
}

extension EntityArticlesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "name": printed(self.name)
        case "href": printed(self.href)
        case "kindLabel": printed(self.kindLabel)
        case "articles": printed(self.articles)
        case "articleCount": printed(self.articleCount)
        case "pagination": printed(self.pagination)
        default: nil
        }
    }
}

extension ArchiveView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        case "articles": printed(self.articles)
        case "articleCount": printed(self.articleCount)
        case "pagination": printed(self.pagination)
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": printed(self.frame)
        default: nil
        }
    }
}

extension SitemapView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "urls": printed(self.urls)
        default: nil
        }
    }
}

extension SitemapView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "loc": printed(self.loc)
        default: nil
        }
    }
}

extension RobotsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sitemap": printed(self.sitemap)
        default: nil
        }
    }
}

/// Text a template prints. The template library casts a value it prints to each of the kinds it
/// knows (template, renderable, lambda, optional) before describing it, and each cast a value
/// fails costs a lookup in the runtime's table of conformances: a `String` reached its text at
/// the sixth. This one is a renderable, reached at the second; as a section's context it answers
/// lookups of other names at once instead of being reflected; and it passes the library's
/// string transforms (`uppercased(name)`…) on to its text.
struct PrintedText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let renderText: String
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { renderText.transform(name) }
}

/// A number a template prints, for the same reason; it passes on the library's number transforms.
struct PrintedNumber: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let value: Int
    var renderText: String { String(value) }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { value.transform(name) }
}

/// A field a view has but leaves empty. Answered as nothing (nil), the library would look the
/// name up again in every view around this one, two casts at each, and print an outer view's
/// field of the same name if it found one; as a null value the lookup ends here, and the field
/// prints as nothing and counts as false in a section, as Mustache's specification says of a
/// name that is present and null.
struct PrintedNothing: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

func printed(_ text: String) -> Any? { PrintedText(renderText: text) }
func printed(_ text: String?) -> Any? { text.map { PrintedText(renderText: $0) } ?? PrintedNothing() }
func printed(_ number: Int) -> Any? { PrintedNumber(value: number) }
func printed(_ number: Int?) -> Any? { number.map { PrintedNumber(value: $0) } ?? PrintedNothing() }
/// Views, lists and flags go to the templates as they are; an absent one as a null value.
func printed<Value>(_ value: Value?) -> Any? { value.map { $0 } ?? PrintedNothing() }
func printed<Value>(_ value: Value) -> Any? { value }
