/// Joins the events two or more articles report into one event citing each of them.
///
/// Coverage of a story repeats itself: a follow-up restates what happened on Tuesday, often
/// in the same words. Two found events are taken for the same happening when they come from
/// different articles and
/// - fall on the same calendar day with the same status (an undated event is never merged:
///   "on Saturday" in two articles is two Saturdays unless their publication dates say not),
/// - share a party,
/// - are worded alike: at least half of their content words in common (Jaccard ≥ 0.5), and
/// - name nothing the other does not: the capitalised words of one are all in the other, so
///   "travels to Helmstad on Saturday" stays apart from "travels to Mirav on Saturday".
/// The first report keeps its wording and slug and gains the other's citations and parties.
enum RepeatedEvents {
    static let similarity = 0.5
    /// The most recent earlier reports on one day naming one party that an event is compared
    /// with: coverage restates what it reported lately, and this keeps a thousand reports of one
    /// day from comparing each with every other.
    static let candidateLimit = 64

    /// Short and frequent words that say nothing about which happening a sentence reports.
    private static let ignored: Set<String> = [
        "the", "and", "for", "that", "with", "from", "this", "have", "has", "had", "been", "were", "was", "are",
        "said", "says", "will", "would", "their", "they", "them", "after", "over", "into", "about", "also", "its",
        "which", "when", "where", "while", "who", "but", "not", "his", "her", "she", "him", "our", "than",
    ]

    /// The events with repeats folded into their first report, and how many were folded.
    static func merge(_ events: [Event]) -> (events: [Event], merged: Int) {
        // The kept events as their places in `events`, and the ones that gained a repeat's
        // citations: with no repeat found, the events come back as the very array they came in,
        // not a copy of tens of thousands, and later steps compare them with the last build's at once.
        var kept: [Int] = []
        var gained: [Int: Event] = [:]
        // Only dated events with parties can be merged; the rest are kept as they are, and what
        // is compared is held for these candidates alone: most events of a large briefing are
        // undated, and each costs no more than its place in `kept`.
        var candidates: [(kept: Int, words: Set<String>, names: Set<String>, articles: Set<String>)] = []
        // Events that may be one happening share a day, a status and a party. An article's events
        // join the index once the article is done, as two sentences of one article are never merged.
        var byKey: [String: [Int]] = [:]
        var pending: [(key: String, candidate: Int)] = []
        var currentArticle: Substring?
        var merged = 0
        for (position, event) in events.enumerated() {
            guard let key = key(of: event), !event.parties.isEmpty else {
                kept.append(position)
                continue
            }
            // Only candidates read the index, so it is brought up to date when one comes from
            // another article than the last candidate.
            let source = event.sources.first.map { article(of: $0.value) }
            if source != currentArticle {
                for entry in pending { byKey[entry.key, default: []].append(entry.candidate) }
                pending.removeAll()
                currentArticle = source
            }
            let eventArticles = Set(event.sources.map { String(article(of: $0.value)) })
            let eventWords = contentWords(event.summary)
            let eventNames = properNames(event.summary)
            let keys = Set(event.parties.map(\.value)).sorted().map { key + " " + $0 }
            // The earliest matching report, among the latest candidates of each of its parties.
            var match: Int?
            for key in keys {
                for index in (byKey[key] ?? []).suffix(candidateLimit) where index < (match ?? Int.max) {
                    let candidate = candidates[index]
                    if candidate.articles.isDisjoint(with: eventArticles),
                        jaccard(candidate.words, eventWords) >= similarity,
                        candidate.names.isSubset(of: eventNames) || eventNames.isSubset(of: candidate.names)
                    {
                        match = index
                    }
                }
            }
            if let index = match {
                let keptIndex = candidates[index].kept
                var first = gained[keptIndex] ?? events[kept[keptIndex]]
                first.sources += event.sources
                let known = Set(first.parties.map(\.value))
                let added = event.parties.filter { !known.contains($0.value) }
                first.parties += added
                gained[keptIndex] = first
                for party in added { pending.append((key + " " + party.value, index)) }
                candidates[index].articles.formUnion(eventArticles)
                merged += 1
                continue
            }
            for key in keys { pending.append((key, candidates.count)) }
            candidates.append((kept.count, eventWords, eventNames, eventArticles))
            kept.append(position)
        }
        guard merged > 0 else { return (events, 0) }
        return (kept.enumerated().map { gained[$0] ?? events[$1] }, merged)
    }

    private static func key(of event: Event) -> String? {
        event.date.map { "\(event.status.rawValue) \($0)" }
    }

    /// The article slug of a source written `article-slug#pN`, read as the linker reads it; found
    /// in its bytes, as this runs for every event of every article on every rebuild.
    private static func article(of citation: String) -> Substring {
        Linker.sourceParts(citation)?.article ?? citation[...]
    }

    static func contentWords(_ text: String) -> Set<String> {
        Set(MentionMatcher.words(in: text).map(\.folded).filter { $0.count > 2 && !ignored.contains($0) })
    }

    /// Capitalised words after the first: names of people, places and days.
    static func properNames(_ text: String) -> Set<String> {
        Set(MentionMatcher.words(in: text).dropFirst().filter { $0.text.first?.isUppercase == true }.map(\.folded))
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
