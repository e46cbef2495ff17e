import Foundation

/// The search page's index: every party, term, event and paragraph as a row the browser
/// searches offline.
///
/// It is written as a script that assigns the index to `window.briefingSearchIndex`, because a
/// page opened from disk (`file://`) may load a script but may not fetch a JSON file. Rows are
/// arrays, not objects, to keep the file small: `[kind, title, detail, href, text]`, with `href`
/// relative to the site root.
enum SearchIndex {
    static let variable = "briefingSearchIndex"

    static func partyRow(_ party: Party) -> [String] {
        [
            "party", party.name, party.role ?? party.kind.rawValue.capitalized, Routes.party(party.slug),
            party.aliases.joined(separator: "; "),
        ]
    }

    static func termRow(_ term: Term) -> [String] {
        ["term", term.name, term.definition, Routes.term(term.slug), term.aliases.joined(separator: "; ")]
    }

    static func eventRow(_ place: PlacedEvent) -> [String] {
        let event = place.event.event
        return ["event", event.summary, DateLabel.event(event), place.path, ""]
    }

    static func paragraphRows(_ linked: LinkedArticle) -> [[String]] {
        linked.paragraphs.map { paragraph in
            [
                "paragraph", "\(linked.article.title), ¶\(paragraph.paragraph.number)",
                DateLabel.text(linked.article.date) ?? "",
                Routes.paragraph(Citation(article: linked.article.slug, paragraph: paragraph.paragraph.number)),
                paragraph.text,
            ]
        }
    }

    /// Each part of the index as encoded by an earlier build, kept while what it is made from is
    /// the same: an article's paragraphs are encoded together, as one part.
    struct Encoded: Sendable {
        var parties: Memo<String, Party, NoContext, Data>
        var terms: Memo<String, Term, NoContext, Data>
        var events: Memo<String, PlacedEvent, NoContext, Data>
        var articles: Memo<String, LinkedArticle, NoContext, Data>

        init(keeps: Bool = true) {
            parties = .init(keeps: keeps)
            terms = .init(keeps: keeps)
            events = .init(keeps: keeps)
            articles = .init(keeps: keeps)
        }
    }

    static func script(_ site: Site) throws(BuildFailure) -> Data {
        var memo = Encoded(keeps: false)
        let sink = ByteSink()
        try script(site, pages: TimelinePages(site.events), memo: &memo, into: sink)
        return sink.data
    }

    /// The script, with each event's address on the timeline's `pages`.
    static func script(_ site: Site, pages: TimelinePages, memo: inout Encoded, into sink: ByteSink)
        throws(BuildFailure)
    {
        @Sendable func encode(_ row: [String]) -> Data {
            var json = JSONText()
            json.strings(row)
            return json.data
        }
        try sink.append(Data("window.\(variable) = [".utf8))
        var first = true
        try memo.parties.appendJSONElements(site.parties.map(\.party), key: \.slug, to: sink, first: &first) {
            encode(partyRow($0))
        }
        try memo.terms.appendJSONElements(site.terms.map(\.term), key: \.slug, to: sink, first: &first) {
            encode(termRow($0))
        }
        let events = pages.placed(site.events)
        try memo.events.appendJSONElements(events, key: \.event.event.slug, to: sink, first: &first) {
            encode(eventRow($0))
        }
        try memo.articles.appendJSONElements(site.articles, key: \.article.slug, to: sink, first: &first) {
            var json = JSONText(capacity: 4096)
            for (index, row) in paragraphRows($0).enumerated() {
                if index > 0 { json.comma() }
                json.strings(row)
            }
            return json.data
        }
        try sink.append(Data("];\n".utf8))
    }
}
