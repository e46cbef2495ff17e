/// Joins what the extractors found with the editors' files: the editors' files win.
///
/// An extracted party that shares a name, an alias or the slug with an editorial party is that
/// party: its other names join the editorial aliases. An editorial party with `hidden: true`
/// removes itself and the extracted party it matches. Since any shared name makes a match,
/// extraction never adds a name another party claims, and so never makes a build fail.
public enum Extraction {
    /// What a found party, term or event has after its article's path, where an editor's item has its file.
    static let pathSuffix = " (extracted)"

    public struct Summary: Sendable, Equatable {
        public var found: Int
        public var matched: Int
        public var added: Int
        public var hidden: Int
    }

    public static func merge(extracted: [Party], into editorial: [Party], terms: [Term] = []) -> ([Party], Summary) {
        var parties = editorial
        var owner: [String: Int] = [:]
        // A file that is `same_as` another party adds its names to that party later; found
        // parties match the party it points to, not the file itself.
        for (index, party) in parties.enumerated() where party.sameAs == nil {
            for key in keys(party) where owner[key] == nil { owner[key] = index }
        }
        // Names the editors gave terms are not parties.
        let termKeys = Set(terms.flatMap { ([$0.name] + $0.aliases).map(MentionMatcher.key) })
        let sameAsKeys = Set(
            parties.filter { $0.sameAs != nil }.flatMap { ([$0.name] + $0.aliases).map(MentionMatcher.key) })
        var summary = Summary(found: extracted.count, matched: 0, added: 0, hidden: 0)
        for var found in extracted {
            // Each name is keyed once: keying each again for every check was most of the join
            // after a new name, when all six hundred parties of a large briefing are joined again.
            let nameKey = MentionMatcher.key(found.name)
            if termKeys.contains(nameKey) || sameAsKeys.contains(nameKey) { continue }
            let aliases = zip(found.aliases, found.aliases.map(MentionMatcher.key)).filter {
                !termKeys.contains($0.1) && !sameAsKeys.contains($0.1)
            }
            found.aliases = aliases.map(\.0)
            let names = [(found.name, nameKey)] + aliases
            let foundKeys = keys(nameKeys: names.map(\.1), slug: found.slug)
            if let index = foundKeys.lazy.compactMap({ owner[$0] }).first {
                summary.matched += 1
                for (name, key) in names {
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

    /// Joins the terms found in the text with the editors' terms the same way: a found term sharing
    /// a form ("ceasefires", "cease-fire") or the slug with an editorial term extends that term; an
    /// editorial term with `hidden: true` drops itself and the found term it matches; a found term
    /// or form that names a party is left out, so it can never collide with one.
    public static func merge(extracted: [Term], into editorial: [Term], parties: [Party]) -> ([Term], Summary) {
        var terms = editorial
        var owner: [String: Int] = [:]
        for (index, term) in terms.enumerated() {
            for key in termKeys(term) where owner[key] == nil { owner[key] = index }
        }
        var taken = Set(parties.flatMap { ([$0.name] + $0.aliases).map(MentionMatcher.key) })
        taken.formUnion(editorial.flatMap { ([$0.name] + $0.aliases).map(MentionMatcher.key) })
        var summary = Summary(found: extracted.count, matched: 0, added: 0, hidden: 0)
        for var found in extracted {
            let foundKeys = termKeys(found)
            if let index = foundKeys.lazy.compactMap({ owner[$0] }).first {
                summary.matched += 1
                for name in [found.name] + found.aliases where taken.insert(MentionMatcher.key(name)).inserted {
                    terms[index].aliases.append(name)
                }
                continue
            }
            if taken.contains(MentionMatcher.key(found.name)) { continue }
            found.aliases.removeAll { taken.contains(MentionMatcher.key($0)) }
            for name in [found.name] + found.aliases { taken.insert(MentionMatcher.key(name)) }
            terms.append(found)
            summary.added += 1
            for key in foundKeys where owner[key] == nil { owner[key] = terms.count - 1 }
        }
        summary.hidden = terms.filter { $0.hidden == true }.count
        return (terms.filter { $0.hidden != true }, summary)
    }

    /// Joins the events found in the text with the editors' events: an editorial event citing a
    /// paragraph stands for what that paragraph reports, so found events from it are left out; an
    /// editorial event with `hidden: true` drops the found event with its slug.
    public static func merge(extracted: [Event], into editorial: [Event]) -> ([Event], Summary) {
        // No editors' events: the found ones are the events, as the very array they came in.
        if editorial.isEmpty {
            return (extracted, Summary(found: extracted.count, matched: 0, added: extracted.count, hidden: 0))
        }
        let cited = Set(editorial.flatMap { $0.sources.map(\.value) })
        let hiddenSlugs = Set(editorial.filter { $0.hidden == true }.map(\.slug))
        // Found events never share a slug (extraction names them apart), so only the editors'
        // slugs are looked up, not all 42,000 of a large briefing's put in a set.
        let taken = Set(editorial.map(\.slug))
        var summary = Summary(found: extracted.count, matched: 0, added: 0, hidden: hiddenSlugs.count)
        var events = editorial.filter { $0.hidden != true }
        #if DEBUG
            var foundSlugs = Set<String>()
        #endif
        for event in extracted {
            if !hiddenSlugs.isEmpty, hiddenSlugs.contains(event.slug) { continue }
            let citesAnEditorsParagraph = !cited.isEmpty && event.sources.contains { cited.contains($0.value) }
            #if DEBUG
                precondition(foundSlugs.insert(event.slug).inserted, "two found events share the slug \(event.slug)")
            #endif
            if citesAnEditorsParagraph || !taken.isEmpty && taken.contains(event.slug) {
                summary.matched += 1
                continue
            }
            events.append(event)
            summary.added += 1
        }
        return (events, summary)
    }

    static func termKeys(_ term: Term) -> [String] {
        ([term.name] + term.aliases).map(TermExtractor.mergeKey).filter { !$0.isEmpty } + ["slug:" + term.slug]
    }

    /// The party among `parties` that a found party would merge with, if any.
    public static func match(_ found: Party, in parties: [Party]) -> Party? {
        let foundKeys = Set(keys(found))
        return parties.first { !foundKeys.isDisjoint(with: keys($0)) }
    }

    /// The term among `terms` that a found term would merge with, if any.
    public static func match(_ found: Term, in terms: [Term]) -> Term? {
        let foundKeys = Set(termKeys(found))
        return terms.first { !foundKeys.isDisjoint(with: termKeys($0)) }
    }

    static func keys(_ party: Party) -> [String] {
        keys(nameKeys: ([party.name] + party.aliases).map(MentionMatcher.key), slug: party.slug)
    }

    /// A party's keys from its names' keys, already made.
    static func keys(nameKeys: [String], slug: String) -> [String] {
        nameKeys.filter { !$0.isEmpty } + ["slug:" + slug]
    }
}

extension Extraction {
    /// Whether an event at this path was found in an article's text rather than written by an
    /// editor: compared as bytes, the last ones only, since `hasSuffix` compares Characters.
    static func isExtracted(path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            bytes.count >= pathSuffixBytes.count
                && bytes[(bytes.count - pathSuffixBytes.count)...].elementsEqual(pathSuffixBytes)
        }
    }

    private static let pathSuffixBytes = Array(pathSuffix.utf8)
}
