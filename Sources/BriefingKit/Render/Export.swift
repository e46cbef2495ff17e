/// What `briefing.json` holds: the briefing as data for other tools, with every fact's citation
/// (`article-slug#pN`) but without the rendering details (quotes, file positions) that made it
/// grow faster than the site.
import Foundation

enum Export {
    struct Article: Encodable {
        var slug: String
        var title: String
        var dek: String?
        var summary: String?
        var date: String?
        var source: String?
        var url: String?
        var byline: String?
        var page: String
        var paragraphs: [Paragraph]
        var parties: [String]
        var terms: [String]
    }

    struct Paragraph: Encodable {
        var number: Int
        var anchor: String
        var section: String?
        var text: String
        var mentions: [Mention]
        var events: [String]
    }

    struct Mention: Encodable {
        var party: String?
        var term: String?
        var text: String
    }

    struct Party: Encodable {
        var slug: String
        var name: String
        var kind: String
        var role: String?
        var aliases: [String]
        var description: String?
        var page: String
        var mentions: [String]
        var events: [String]
    }

    struct Term: Encodable {
        var slug: String
        var name: String
        var aliases: [String]
        var definition: String?
        var description: String?
        var page: String
        /// Cited paragraphs; the events citing them are under `events` (a term's own event list
        /// would repeat most of the timeline for a common term).
        var mentions: [String]
    }

    struct Event: Encodable {
        var slug: String
        var summary: String
        var date: String?
        var when: String?
        var order: Int
        var status: String
        var sources: [String]
        var parties: [String]
        var description: String?
        /// Its timeline page and anchor.
        var page: String
    }

    // Each written field by field, keys in sorted order: the bytes `JSONEncoder` gives with
    // sorted keys, which `ExportTests` checks, at a fraction of its time.

    static func write(_ article: Article, to json: inout JSONText) {
        json.object { object in
            object.field("byline", article.byline)
            object.field("date", article.date)
            object.field("dek", article.dek)
            object.field("page", article.page)
            object.field("paragraphs", article.paragraphs) { json, paragraph in
                json.object { object in
                    object.field("anchor", paragraph.anchor)
                    object.field("events", paragraph.events)
                    object.field("mentions", paragraph.mentions) { json, mention in
                        json.object { object in
                            object.field("party", mention.party)
                            object.field("term", mention.term)
                            object.field("text", mention.text)
                        }
                    }
                    object.field("number", paragraph.number)
                    object.field("section", paragraph.section)
                    object.field("text", paragraph.text)
                }
            }
            object.field("parties", article.parties)
            object.field("slug", article.slug)
            object.field("source", article.source)
            object.field("summary", article.summary)
            object.field("terms", article.terms)
            object.field("title", article.title)
            object.field("url", article.url)
        }
    }

    static func write(_ party: Party, to json: inout JSONText) {
        json.object { object in
            object.field("aliases", party.aliases)
            object.field("description", party.description)
            object.field("events", party.events)
            object.field("kind", party.kind)
            object.field("mentions", party.mentions)
            object.field("name", party.name)
            object.field("page", party.page)
            object.field("role", party.role)
            object.field("slug", party.slug)
        }
    }

    static func write(_ term: Term, to json: inout JSONText) {
        json.object { object in
            object.field("aliases", term.aliases)
            object.field("definition", term.definition)
            object.field("description", term.description)
            object.field("mentions", term.mentions)
            object.field("name", term.name)
            object.field("page", term.page)
            object.field("slug", term.slug)
        }
    }

    static func write(_ event: Event, to json: inout JSONText) {
        json.object { object in
            object.field("date", event.date)
            object.field("description", event.description)
            object.field("order", event.order)
            object.field("page", event.page)
            object.field("parties", event.parties)
            object.field("slug", event.slug)
            object.field("sources", event.sources)
            object.field("status", event.status)
            object.field("summary", event.summary)
            object.field("when", event.when)
        }
    }

    /// One value's JSON, sized for a typical article.
    static func encoded<Value>(_ value: Value, _ write: (Value, inout JSONText) -> Void) -> Data {
        var json = JSONText(capacity: 4096)
        write(value, &json)
        return json.data
    }

    static func cite(_ citation: Citation) -> String { "\(citation.article)#p\(citation.paragraph)" }

    static func citations(_ mentions: [BriefingKit.Mention]) -> [String] {
        var seen = Set<Citation>()
        return mentions.map(\.citation).filter { seen.insert($0).inserted }.map(cite)
    }

    static func article(_ linked: LinkedArticle) -> Article {
        let article = linked.article
        return Article(
            slug: article.slug, title: article.title, dek: article.dek, summary: article.summary,
            date: article.date, source: article.source, url: article.url, byline: article.byline,
            page: Routes.article(article.slug),
            paragraphs: linked.paragraphs.map { paragraph in
                Paragraph(
                    number: paragraph.paragraph.number, anchor: paragraph.paragraph.anchor,
                    section: paragraph.paragraph.section, text: paragraph.text,
                    mentions: paragraph.mentions.map { mention in
                        switch mention.target {
                        case .party(let slug): Mention(party: slug, term: nil, text: mention.text)
                        case .term(let slug): Mention(party: nil, term: slug, text: mention.text)
                        }
                    }, events: paragraph.events)
            }, parties: linked.parties, terms: linked.terms)
    }

    static func party(_ linked: LinkedParty) -> Party {
        let party = linked.party
        return Party(
            slug: party.slug, name: party.name, kind: party.kind.rawValue, role: party.role,
            aliases: party.aliases, description: party.description.nilIfEmpty, page: Routes.party(party.slug),
            mentions: citations(linked.mentions), events: linked.events)
    }

    static func term(_ linked: LinkedTerm) -> Term {
        let term = linked.term
        return Term(
            slug: term.slug, name: term.name, aliases: term.aliases, definition: term.definition.nilIfEmpty,
            description: term.description.nilIfEmpty, page: Routes.term(term.slug),
            mentions: citations(linked.mentions))
    }

    static func event(_ placed: PlacedEvent) -> Event {
        let linked = placed.event
        let event = linked.event
        return Event(
            slug: event.slug, summary: event.summary, date: event.date, when: event.when, order: event.order,
            status: event.status.rawValue, sources: linked.citations.map(cite), parties: linked.parties,
            description: event.description.nilIfEmpty, page: placed.path)
    }

    /// Each element as encoded by an earlier build, kept while the element is the same.
    struct Encoded: Sendable {
        var articles: Memo<String, LinkedArticle, NoContext, Data>
        var events: Memo<String, PlacedEvent, NoContext, Data>
        var parties: Memo<String, LinkedParty, NoContext, Data>
        var terms: Memo<String, LinkedTerm, NoContext, Data>

        init(keeping: Bool = true) {
            articles = .init(keeps: keeping)
            events = .init(keeps: keeping)
            parties = .init(keeps: keeping)
            terms = .init(keeps: keeping)
        }
    }

    /// The whole file, `{"articles":[…],"events":[…],"parties":[…],"terms":[…],"title":…}`, encoded
    /// one element at a time on all cores, so no encoder ever holds the whole briefing.
    static func json(_ site: Site, title: String) throws(BuildFailure) -> Data {
        var memo = Encoded(keeping: false)
        let sink = ByteSink()
        try json(site, title: title, pages: TimelinePages(site.events), memo: &memo, into: sink)
        return sink.data
    }

    /// The file, with each event's address on the timeline's `pages`.
    static func json(_ site: Site, title: String, pages: TimelinePages, memo: inout Encoded, into sink: ByteSink)
        throws(BuildFailure)
    {
        try sink.append(Data("{\"articles\":".utf8))
        try memo.articles.appendJSONArray(site.articles, key: \.article.slug, to: sink) {
            encoded(article($0), write)
        }
        try sink.append(Data(",\"events\":".utf8))
        try memo.events.appendJSONArray(
            pages.placed(site.events), key: \.event.event.slug, to: sink
        ) {
            encoded(event($0), write)
        }
        try sink.append(Data(",\"parties\":".utf8))
        try memo.parties.appendJSONArray(site.parties, key: \.party.slug, to: sink) { encoded(party($0), write) }
        try sink.append(Data(",\"terms\":".utf8))
        try memo.terms.appendJSONArray(site.terms, key: \.term.slug, to: sink) { encoded(term($0), write) }
        var closing = JSONText()
        closing.string(title)
        try sink.append(Data(",\"title\":".utf8) + closing.data + Data("}".utf8))
    }
}
