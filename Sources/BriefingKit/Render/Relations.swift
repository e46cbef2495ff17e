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

    private let byEntity: [EntityRef: [Tie]]

    init(_ site: Site) {
        var counts: [EntityRef: [String: Int]] = [:]
        for article in site.articles {
            for paragraph in article.paragraphs {
                let named = Set(paragraph.mentions.map(\.target))
                let parties = named.compactMap { ref -> String? in
                    if case .party(let slug) = ref { return slug }
                    return nil
                }
                guard !parties.isEmpty else { continue }
                for entity in named {
                    for party in parties where entity != .party(party) {
                        counts[entity, default: [:]][party, default: 0] += 1
                    }
                }
            }
        }
        byEntity = counts.mapValues { ties in
            ties.map { Tie(party: $0.key, paragraphs: $0.value) }
                .sorted { ($0.paragraphs, $1.party) > ($1.paragraphs, $0.party) }
        }
    }

    /// The parties named together with `entity`, most related first, then by slug.
    func ties(of entity: EntityRef) -> [Tie] {
        byEntity[entity] ?? []
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
