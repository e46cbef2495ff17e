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

    static func rows(_ site: Site) -> [[String]] {
        var rows: [[String]] = []
        for linked in site.parties {
            let party = linked.party
            rows.append([
                "party", party.name, party.role ?? party.kind.rawValue.capitalized, Routes.party(party.slug),
                party.aliases.joined(separator: "; "),
            ])
        }
        for linked in site.terms {
            let term = linked.term
            rows.append([
                "term", term.name, term.definition, Routes.term(term.slug), term.aliases.joined(separator: "; "),
            ])
        }
        for (position, linked) in site.events.enumerated() {
            let event = linked.event
            rows.append([
                "event", event.summary, DateLabel.event(event),
                Routes.event(event.slug, page: PageRenderer.timelinePage(ofEventAt: position)), "",
            ])
        }
        for linked in site.articles {
            for paragraph in linked.paragraphs {
                rows.append([
                    "paragraph", "\(linked.article.title), ¶\(paragraph.paragraph.number)",
                    DateLabel.text(linked.article.date) ?? "",
                    Routes.paragraph(Citation(article: linked.article.slug, paragraph: paragraph.paragraph.number)),
                    paragraph.text,
                ])
            }
        }
        return rows
    }

    /// Each row as encoded by an earlier build, by its address, kept while the row is the same.
    typealias Encoded = Memo<String, [String], NoContext, Data>

    static func script(_ site: Site) throws(BuildFailure) -> Data {
        var memo = Encoded(keeps: false)
        let sink = ByteSink()
        try script(site, memo: &memo, into: sink)
        return sink.data
    }

    static func script(_ site: Site, memo: inout Encoded, into sink: ByteSink) throws(BuildFailure) {
        // An array of strings always encodes; an empty row would show it did not.
        @Sendable func encode(_ row: [String]) -> Data { (try? JSONEncoder().encode(row)) ?? Data("[]".utf8) }
        try sink.append(Data("window.\(variable) = ".utf8))
        try memo.appendJSONArray(rows(site), key: { $0[3] }, to: sink, encode)
        try sink.append(Data(";\n".utf8))
    }
}
