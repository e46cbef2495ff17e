/// Joins what the extractor found with the editors' files: the editors' files win.
///
/// An extracted party that shares a name, an alias or the slug with an editorial party is that
/// party: its other names join the editorial aliases. An editorial party with `hidden: true`
/// removes itself and the extracted party it matches. Since any shared name makes a match,
/// extraction never adds a name another party claims, and so never makes a build fail.
public enum Extraction {
    public struct Summary: Sendable, Equatable {
        public var found: Int
        public var matched: Int
        public var added: Int
        public var hidden: Int
    }

    public static func merge(extracted: [Party], into editorial: [Party]) -> ([Party], Summary) {
        var parties = editorial
        var owner: [String: Int] = [:]
        for (index, party) in parties.enumerated() {
            for key in keys(party) where owner[key] == nil { owner[key] = index }
        }
        var summary = Summary(found: extracted.count, matched: 0, added: 0, hidden: 0)
        for found in extracted {
            let foundKeys = keys(found)
            if let index = foundKeys.lazy.compactMap({ owner[$0] }).first {
                summary.matched += 1
                for name in [found.name] + found.aliases {
                    let key = MentionMatcher.key(name)
                    guard !key.isEmpty, owner[key] == nil else { continue }
                    owner[key] = index
                    parties[index].aliases.append(name)
                }
                continue
            }
            parties.append(found)
            summary.added += 1
            for key in foundKeys where owner[key] == nil { owner[key] = parties.count - 1 }
        }
        summary.hidden = parties.filter { $0.hidden == true }.count
        return (parties.filter { $0.hidden != true }, summary)
    }

    static func keys(_ party: Party) -> [String] {
        ([party.name] + party.aliases).map(MentionMatcher.key).filter { !$0.isEmpty } + ["slug:" + party.slug]
    }
}
