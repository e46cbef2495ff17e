/// Who is mentioned with whom: for each party or term, the parties named in the same paragraphs,
/// counted once per paragraph.
///
/// A paragraph is the unit a reader checks a fact against, so two parties named in one paragraph
/// are "mentioned together"; naming both twice there still counts once.
struct Relations: Sendable {
    /// One related party and the number of paragraphs that name both.
    struct Tie: Hashable, Sendable {
        var party: String
        var paragraphs: Int
    }

    /// For each party or term, the paragraphs it shares with each party, and the same as ties.
    private let counts: [EntityRef: [String: Int]]
    private let byEntity: [EntityRef: [Tie]]

    init(_ site: Site) {
        var counts: [EntityRef: [String: Int]] = [:]
        for article in site.articles { Self.count(article, into: &counts, by: 1) }
        self.counts = counts
        byEntity = counts.mapValues(Self.ties)
    }

    /// The relations of `site`, made from `old`'s, the relations of `oldSite`: the articles
    /// that changed are counted out and in again, and only the entities they name are sorted anew.
    init(_ site: Site, updating old: Relations, from oldSite: Site) {
        let before = Dictionary(oldSite.articles.map { ($0.article.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(site.articles.map { ($0.article.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = old.counts
        var touched = Set<EntityRef>()
        for (slug, article) in before where after[slug] != article {
            touched.formUnion(Self.count(article, into: &counts, by: -1))
        }
        for (slug, article) in after where before[slug] != article {
            touched.formUnion(Self.count(article, into: &counts, by: 1))
        }
        var byEntity = old.byEntity
        for entity in touched {
            counts[entity] = counts[entity]?.filter { $0.value > 0 }
            if counts[entity]?.isEmpty == true { counts[entity] = nil }
            byEntity[entity] = counts[entity].map(Self.ties)
        }
        self.counts = counts
        self.byEntity = byEntity
    }

    /// Adds `step` for each paragraph of the article that names an entity and a party; returns the entities.
    @discardableResult
    private static func count(_ article: LinkedArticle, into counts: inout [EntityRef: [String: Int]], by step: Int)
        -> Set<EntityRef>
    {
        var touched = Set<EntityRef>()
        for paragraph in article.paragraphs {
            let named = Set(paragraph.mentions.map(\.target))
            let parties = named.compactMap { ref -> String? in
                if case .party(let slug) = ref { return slug }
                return nil
            }
            guard !parties.isEmpty else { continue }
            for entity in named {
                for party in parties where entity != .party(party) {
                    counts[entity, default: [:]][party, default: 0] += step
                    touched.insert(entity)
                }
            }
        }
        return touched
    }

    private static func ties(_ counts: [String: Int]) -> [Tie] {
        counts.map { Tie(party: $0.key, paragraphs: $0.value) }
            .sorted { ($0.paragraphs, $1.party) > ($1.paragraphs, $0.party) }
    }

    /// The parties named together with `entity`, most related first, then by slug.
    func ties(of entity: EntityRef) -> [Tie] {
        byEntity[entity] ?? []
    }

    /// Whether `other` ties the same parties by as many paragraphs: the relation map is the same.
    /// Compared party by party: a party an edit did not touch keeps the very array of ties,
    /// which compares at once.
    func samePartyPairs(as other: Relations) -> Bool {
        func parties(_ relations: Relations) -> Int {
            relations.byEntity.keys.reduce(0) { count, entity in
                if case .party = entity { count + 1 } else { count }
            }
        }
        return parties(self) == parties(other)
            && byEntity.allSatisfy { entity, ties in
                guard case .party = entity else { return true }
                return other.byEntity[entity] == ties
            }
    }

    /// Every pair of parties named together, each pair once (the smaller slug first), strongest first.
    func partyPairs() -> [(String, String, Int)] {
        var pairs: [(String, String, Int)] = []
        for (entity, ties) in byEntity {
            guard case .party(let slug) = entity else { continue }
            for tie in ties where slug < tie.party {
                pairs.append((slug, tie.party, tie.paragraphs))
            }
        }
        return pairs.sorted { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }
    }
}
