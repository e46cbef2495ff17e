import Mustache

// Templates read view fields by name through these switches rather than by reflection, which
// made rendering a large site several times slower. A test checks each one against the stored
// properties, so a field added to a view and not here fails the test suite.

extension PageFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": self.root
        case "siteTitle": self.siteTitle
        case "language": self.language
        case "pageTitle": self.pageTitle
        case "description": self.description
        case "canonical": self.canonical
        case "ogType": self.ogType
        case "jsonLD": self.jsonLD
        case "isHome": self.isHome
        case "isArticle": self.isArticle
        case "isTimeline": self.isTimeline
        case "isParties": self.isParties
        case "isTerms": self.isTerms
        case "isSearch": self.isSearch
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "detail": self.detail
        case "count": self.count
        // For "1 mention" against "2 mentions".
        case "isPlural": self.count != 1
        default: nil
        }
    }
}

extension ParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "anchor": self.anchor
        case "html": self.html
        case "section": self.section
        case "events": self.events
        default: nil
        }
    }
}

extension ArticleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "title": self.title
        case "dek": self.dek
        case "summary": self.summary
        case "dateLabel": self.dateLabel
        case "date": self.date
        case "byline": self.byline
        case "source": self.source
        case "url": self.url
        case "meta": self.meta
        case "paragraphs": self.paragraphs
        case "parties": self.parties
        case "terms": self.terms
        case "hasEntities": self.hasEntities
        default: nil
        }
    }
}

extension MetaView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "datetime": self.datetime
        case "href": self.href
        default: nil
        }
    }
}

extension QuoteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articleTitle": self.articleTitle
        case "paragraph": self.paragraph
        case "href": self.href
        case "before": self.before
        case "match": self.match
        case "after": self.after
        default: nil
        }
    }
}

extension EventLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": self.summary
        case "dateLabel": self.dateLabel
        case "href": self.href
        case "isPlanned": self.isPlanned
        default: nil
        }
    }
}

extension EntityView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "name": self.name
        case "kindLabel": self.kindLabel
        case "role": self.role
        case "aliases": self.aliases
        case "definition": self.definition
        case "descriptionHTML": self.descriptionHTML
        case "mentionCount": self.mentionCount
        case "mentions": self.mentions
        case "moreMentions": self.moreMentions
        case "events": self.events
        case "moreEvents": self.moreEvents
        case "articles": self.articles
        case "articleCount": self.articleCount
        case "allArticlesHref": self.allArticlesHref
        case "related": self.related
        case "moreRelated": self.moreRelated
        default: nil
        }
    }
}

extension EventView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "dateLabel": self.dateLabel
        case "date": self.date
        case "when": self.when
        case "isPlanned": self.isPlanned
        case "summary": self.summary
        case "descriptionHTML": self.descriptionHTML
        case "parties": self.parties
        case "sources": self.sources
        default: nil
        }
    }
}

extension TimelineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "events": self.events
        case "hasPlanned": self.hasPlanned
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "pageCount": self.pageCount
        case "previous": self.previous
        case "next": self.next
        case "pages": self.pages
        default: nil
        }
    }
}

extension PageLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "href": self.href
        case "isCurrent": self.isCurrent
        case "followsGap": self.followsGap
        default: nil
        }
    }
}

extension PartyGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "parties": self.parties
        default: nil
        }
    }
}

extension PartiesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "groups": self.groups
        case "count": self.count
        case "map": self.map
        default: nil
        }
    }
}

extension RelationMapView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "viewBox": self.viewBox
        case "nodes": self.nodes
        case "edges": self.edges
        default: nil
        }
    }
}

extension MapNodeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "count": self.count
        case "x": self.x
        case "y": self.y
        case "r": self.r
        case "labelX": self.labelX
        case "labelY": self.labelY
        case "anchor": self.anchor
        default: nil
        }
    }
}

extension MapEdgeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x1": self.x1
        case "y1": self.y1
        case "x2": self.x2
        case "y2": self.y2
        case "width": self.width
        case "label": self.label
        default: nil
        }
    }
}

extension SearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        default: nil
        }
    }
}

extension FeedView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "subtitle": self.subtitle
        case "href": self.href
        case "selfHref": self.selfHref
        case "updated": self.updated
        case "entries": self.entries
        default: nil
        }
    }
}

extension FeedView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "href": self.href
        case "updated": self.updated
        case "summary": self.summary
        case "author": self.author
        default: nil
        }
    }
}

extension TermsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "terms": self.terms
        case "count": self.count
        default: nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "headline": self.headline
        case "summary": self.summary
        case "dek": self.dek
        case "articles": self.articles
        case "multipleArticles": self.multipleArticles
        case "archiveHref": self.archiveHref
        case "articleCount": self.articleCount
        case "keyParties": self.keyParties
        case "keyTerms": self.keyTerms
        case "latestEvents": self.latestEvents
        case "partyCount": self.partyCount
        case "termCount": self.termCount
        case "eventCount": self.eventCount
        default: nil
        }
    }
}

extension EntityArticlesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "name": self.name
        case "href": self.href
        case "kindLabel": self.kindLabel
        case "articles": self.articles
        case "articleCount": self.articleCount
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension ArchiveView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "articles": self.articles
        case "articleCount": self.articleCount
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        default: nil
        }
    }
}

extension SitemapView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "urls": self.urls
        default: nil
        }
    }
}

extension SitemapView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "loc": self.loc
        default: nil
        }
    }
}

extension RobotsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sitemap": self.sitemap
        default: nil
        }
    }
}
