import Foundation

/// Finds the events an article reports: the sentences that tell of something done or planned
/// by a party, or at a time the text gives, with that time read against the publication date.
///
/// Each event is the sentence itself (less a leading "However,"), so the timeline says only what
/// the article says, and cites its paragraph. Times are explicit dates ("Nov. 30, 2016", "May 29"),
/// weekdays, days and weeks counted from publication ("yesterday", "last week", "the week prior"),
/// months and years ("in April", "since 2008"), and words that only order ("a subsequent post",
/// "previously"). A sentence with "will", "scheduled", "plans" or "further talks" is planned unless
/// its time is already past. Without a publication date, events keep the article's wording and
/// are ordered relative to each other; with one, a past event the text does not date is taken to
/// be the day of publication, as news is.
public enum EventExtractor {
    /// Words that make a sentence about something still to come.
    static let planMarkers: Set<String> = [
        "will", "shall", "plans", "plan", "planned", "planning", "scheduled", "upcoming", "expected", "intends",
        "intend", "further", "next", "tomorrow",
    ]

    /// Actions that, agreed or consented "to", are still to come ("consented to begin talks").
    static let plannedActions: Set<String> = [
        "begin", "start", "hold", "meet", "resume", "launch", "visit", "sign", "open", "negotiate", "return",
    ]

    /// Words that make a sentence analysis or speculation rather than a report.
    static let hedges: Set<String> = [
        "likely", "unlikely", "perhaps", "maybe", "might", "could", "may", "seems", "seem", "appears", "perspective",
        "probably", "possibly", "uncertainty", "whether",
    ]

    /// Connectives that open a sentence and mean nothing on a timeline.
    static let openers: Set<String> = [
        "however", "nonetheless", "nevertheless", "instead", "contrarily", "meanwhile", "moreover", "still",
        "also", "separately", "additionally", "furthermore", "yet", "but", "and", "so",
    ]

    /// Irregular past forms and past auxiliaries: with a verb ending in "-ed", the signs of a
    /// sentence that reports something done rather than describes how things are.
    static let pastForms: Set<String> = [
        "was", "were", "did", "had", "said", "told", "met", "won", "took", "began", "sent", "rose", "fell",
        "struck", "spoke", "held", "beat", "made", "gave", "came", "went", "saw", "left", "kept", "brought",
        "thought", "found", "chose", "led", "ran", "broke", "paid", "put", "sought", "stood", "fought", "caught",
        "bought", "built", "drew", "drove", "grew", "knew", "lost", "meant", "became", "felt", "heard", "shot",
        "sold", "spent", "threw", "understood", "wrote", "withdrew", "swore", "woke", "flew", "hid", "shook",
        "forgave", "overtook", "undertook", "slid", "won", "upheld", "withheld", "quit", "split", "spread",
    ]

    public static func events(in articles: [Article], parties: [Party]) -> [Event] {
        var memo = FoundEvents(keeps: false)
        return events(in: articles, parties: parties, memo: &memo)
    }

    /// Each article's events, kept between builds while the parties' names it holds are the
    /// same; and all of them with their slugs told apart, kept while every article's events
    /// are the same.
    struct FoundEvents: Sendable {
        var perArticle: Memo<String, Article, [MentionMatcher.Name], [Event]>
        var all: NamedApart
        /// The matcher of the parties' names, while they are the same.
        var matcher: LastResult<[MentionMatcher.Name], MentionMatcher>

        init(keeps: Bool = true) {
            perArticle = .init(keeps: keeps)
            all = .init(keeps: keeps)
            matcher = .init(keeps: keeps)
        }
    }

    /// The events as the last build named them apart, and what they were named from.
    struct NamedApart: Sendable {
        private var input: [ArticleEvents] = []
        private var output: [Event] = []
        /// The place of the article each name of `output` went to.
        private var articleOf: [String: Int] = [:]
        /// For each opening (slug as found) of an event of `input`, the places of the articles
        /// holding such an event: when names change hands, only these articles are asked
        /// whether their events tried one, rather than every later event of the briefing.
        private var openings: [String: [Int]] = [:]
        private let keeps: Bool
        /// How the last value was named: as the last naming, from it, or from scratch.
        private(set) var naming = Naming.fromScratch

        enum Naming { case asBefore, again, fromScratch }

        init(keeps: Bool) {
            self.keeps = keeps
        }

        mutating func value(for input: [ArticleEvents]) -> [Event] {
            let output: [Event]
            // Taken out, so that naming again moves names in the only copy, in place, rather than
            // first copying the tens of thousands of names a large briefing gives.
            var articleOf = self.articleOf
            var openings = self.openings
            (self.articleOf, self.openings) = ([:], [:])
            // Naming as before, every event opens as it did: the openings are the same.
            if let named = EventExtractor.namedAsBefore(input, last: self.input, named: self.output) {
                (output, naming) = (named, .asBefore)
            } else if let named = EventExtractor.namedAgain(
                input, last: self.input, named: self.output, articleOf: &articleOf, openings: &openings)
            {
                (output, naming) = (named, .again)
            } else {
                (output, articleOf) = EventExtractor.namedApartWithPlaces(input)
                naming = .fromScratch
                openings = [:]
                if keeps {
                    for (place, article) in input.enumerated() {
                        for event in article.events { openings[event.slug, default: []].append(place) }
                    }
                }
            }
            if keeps {
                self.input = input
                self.output = output
                self.articleOf = articleOf
                self.openings = openings
            }
            return output
        }
    }

    /// The last build's naming with the changed articles' events put in, when the articles and
    /// every event's slug as found are what they were: naming reads only those, so each event is
    /// named as before, and the 42,000 slugs of a large briefing need not be put in a set again.
    static func namedAsBefore(_ input: [ArticleEvents], last: [ArticleEvents], named: [Event]) -> [Event]? {
        guard !last.isEmpty, input.count == last.count else { return nil }
        // The events put in are found first: when one opens otherwise, no copy of the tens of
        // thousands named was made in vain.
        var changed: [(place: Int, event: Event)] = []
        var offset = 0
        for (now, was) in zip(input, last) {
            guard now.slug == was.slug, now.events.count == was.events.count else { return nil }
            if now.events != was.events {
                for (index, (event, before)) in zip(now.events, was.events).enumerated() {
                    guard event.slug == before.slug else { return nil }
                    var renamed = event
                    renamed.slug = named[offset + index].slug
                    changed.append((offset + index, renamed))
                }
            }
            offset += now.events.count
        }
        var result = named
        for (place, event) in changed { result[place] = event }
        return result
    }

    struct ArticleEvents: Equatable, Sendable {
        var slug: String
        var events: [Event]
    }

    /// With `words`, an article's events are kept while no party name it holds changed; without,
    /// while no party name changed.
    static func events(
        in articles: [Article], parties: [Party], memo: inout FoundEvents, words: ArticleWords? = nil
    ) -> [Event] {
        var names: [MentionMatcher.Name] = []
        for party in parties {
            for name in [party.name] + party.aliases { names.append(.init(name: name, target: .party(party.slug))) }
        }
        let matcher = memo.matcher.value(for: names, MentionMatcher.init)
        let perArticle = memo.perArticle.map(articles, key: \.path, context: names, holds: words?.holdsForNames()) {
            events(in: $0, matcher: matcher)
        }
        // An edit that changes no event's wording, date or parties leaves them all as they were.
        let input = zip(articles, perArticle).map { ArticleEvents(slug: $0.slug, events: $1) }
        return memo.all.value(for: input)
    }

    static func namedApart(_ articles: [ArticleEvents]) -> [Event] {
        namedApartWithPlaces(articles).events
    }

    /// The events named apart, and the place of the article each name went to.
    static func namedApartWithPlaces(_ articles: [ArticleEvents]) -> (events: [Event], articleOf: [String: Int]) {
        // Two events, in one article or two, may open with the same words. The first, in the
        // articles' order, keeps the words as its slug; a later one adds its article's slug (and a
        // number within that article). Numbering across articles would rename every later event
        // of the same opening when one article is edited; this way an edit renames at most the
        // event that takes over a slug the edited one gave up or took.
        // Made to size: grown by appending, the list of every event held up to twice its room,
        // and the names were hashed again at every doubling of the table.
        let count = articles.reduce(0) { $0 + $1.events.count }
        var articleOf: [String: Int] = Dictionary(minimumCapacity: count)
        var events: [Event] = []
        events.reserveCapacity(count)
        for (place, article) in articles.enumerated() {
            events += name(article) {
                articleOf[$0] != nil
            } taking: {
                articleOf[$0] = place
            }
        }
        return (events, articleOf)
    }

    /// One article's events named apart from the names `taken` says are given, each name given
    /// handed to `take`.
    private static func name(
        _ article: ArticleEvents, taken: (String) -> Bool, taking take: (String) -> Void
    ) -> [Event] {
        var nextNumber: [String: Int] = [:]
        return article.events.map { event in
            var event = event
            if !taken(event.slug) {
                take(event.slug)
                return event
            }
            let qualified = event.slug + "-" + article.slug
            var number = nextNumber[qualified] ?? 1
            var slug = number == 1 ? qualified : "\(qualified)-\(number)"
            while taken(slug) {
                number += 1
                slug = "\(qualified)-\(number)"
            }
            take(slug)
            nextNumber[qualified] = number + 1
            event.slug = slug
            return event
        }
    }

    /// The names a naming from scratch gives, worked out from the last naming when the articles
    /// are the same ones in the same order: an article whose events open as they did keeps its
    /// names unless a name it tried was given or given up before it, which only the articles
    /// named again can change; the others are named again against the names given before them.
    /// Most edits rename one event, so only the events that tried its old or new name are
    /// looked at again, and the names of 40,000 events are not hashed into a set again.
    /// `articleOf` and `openings`, the last naming's, are brought up to this one in place.
    /// An article added or removed is named as an article that was there with no events, or
    /// is there with none now, once the places of the articles after it are moved along.
    static func namedAgain(
        _ input: [ArticleEvents], last: [ArticleEvents], named: [Event], articleOf: inout [String: Int],
        openings: inout [String: [Int]]
    ) -> [Event]? {
        guard !last.isEmpty, !articleOf.isEmpty, !openings.isEmpty else { return nil }
        if abs(input.count - last.count) == 1 {
            let (longer, shorter) = input.count > last.count ? (input, last) : (last, input)
            let place = zip(longer, shorter).prefix { $0.slug == $1.slug }.count
            guard longer[(place + 1)...].elementsEqual(shorter[place...], by: { $0.slug == $1.slug }) else {
                return nil
            }
            let none = ArticleEvents(slug: longer[place].slug, events: [])
            if input.count > last.count {
                movePlaces(from: place, by: 1, articleOf: &articleOf, openings: &openings)
                var last = last
                last.insert(none, at: place)
                return namedAgain(input, last: last, named: named, articleOf: &articleOf, openings: &openings)
            }
            var input = input
            input.insert(none, at: place)
            guard let events = namedAgain(input, last: last, named: named, articleOf: &articleOf, openings: &openings)
            else { return nil }
            // The article removed gave up every name it had and holds no opening now.
            movePlaces(from: place + 1, by: -1, articleOf: &articleOf, openings: &openings)
            return events
        }
        guard input.count == last.count, zip(input, last).allSatisfy({ $0.slug == $1.slug }) else { return nil }
        // The openings of the articles whose events changed, as they are now.
        for (place, (now, was)) in zip(input, last).enumerated() where !now.events.sharesStorage(with: was.events) {
            for event in was.events {
                openings[event.slug]?.removeAll { $0 == place }
                if openings[event.slug]?.isEmpty == true { openings[event.slug] = nil }
            }
            for event in now.events { openings[event.slug, default: []].append(place) }
        }
        // The names given before the current article in one naming and not in the other.
        var differ = Set<String>()
        // The articles with an event that may have tried a name that entered or left `differ`:
        // one opening with the name, or with the part of it before a hyphen (the name qualified
        // by an article's slug and a number). An article not marked tried none of them.
        var marked = [Bool](repeating: false, count: input.count)
        func toggle(_ name: String) {
            if differ.remove(name) == nil { differ.insert(name) }
            var opening = name[...]
            while true {
                for place in openings[String(opening)] ?? [] { marked[place] = true }
                guard let hyphen = opening.utf8.lastIndex(of: UInt8(ascii: "-")) else { break }
                opening = opening[..<hyphen]
            }
        }
        // The last naming, with each article named otherwise put in its place: an article named
        // as before keeps its events where they are, rather than being copied into a new array.
        var events = named
        var moves: [(name: String, place: Int?)] = []
        var start = 0
        // Where the current article's events begin in `events`, which renamed articles before
        // it may have made longer or shorter than `named`.
        var shift = 0
        for (place, (now, was)) in zip(input, last).enumerated() {
            let names = named[start..<start + was.events.count]
            let at = start + shift
            start += was.events.count
            // Most articles hold the very events they held; the others' are read in place, by
            // index: zipping the arrays copied out every event of every article, twice.
            let unchanged = now.events.sharesStorage(with: was.events)
            let openSame =
                unchanged
                || now.events.count == was.events.count
                    && now.events.indices.allSatisfy { now.events[$0].slug == was.events[$0].slug }
            // The names an event tried before the one it got: its opening, then its article's.
            func tried(_ found: String, _ given: String) -> Bool {
                if differ.contains(found) { return true }
                if given == found { return false }
                // Every other name tried begins with the opening and a hyphen: while no name in
                // `differ` does, none was (asked of every later event once a name changes).
                guard
                    differ.contains(where: { name in
                        name.utf8.count > found.utf8.count && name.utf8.starts(with: found.utf8)
                            && name.utf8.dropFirst(found.utf8.count).first == UInt8(ascii: "-")
                    })
                else { return false }
                let qualified = found + "-" + now.slug
                if differ.contains(qualified) { return true }
                guard given != qualified, let number = Int(given.dropFirst(qualified.count + 1)) else { return false }
                return (2...max(2, number)).contains { differ.contains("\(qualified)-\($0)") }
            }
            if openSame,
                differ.isEmpty || !marked[place]
                    || !now.events.indices.contains(where: {
                        tried(now.events[$0].slug, names[names.startIndex + $0].slug)
                    })
            {
                if !unchanged, now.events != was.events {
                    for (index, (event, given)) in zip(now.events, names).enumerated() {
                        var event = event
                        event.slug = given.slug
                        events[at + index] = event
                    }
                }
                continue
            }
            var mine = Set<String>()
            let renamed = name(now) { name in
                mine.contains(name) || (articleOf[name].map { $0 < place } ?? false) != differ.contains(name)
            } taking: {
                mine.insert($0)
            }
            // A name the article gives in both namings is no difference, and marks no article:
            // toggled out and in, it marked every article with an event of its opening.
            let before = Set(names.map(\.slug))
            let after = Set(renamed.map(\.slug))
            for given in names {
                if !after.contains(given.slug) { toggle(given.slug) }
                moves.append((given.slug, nil))
            }
            for event in renamed {
                if !before.contains(event.slug) { toggle(event.slug) }
                moves.append((event.slug, place))
            }
            events.replaceSubrange(at..<at + names.count, with: renamed)
            shift += renamed.count - names.count
        }
        // The names given up first, then those given: a name may move to an earlier article.
        for (name, place) in moves where place == nil { articleOf[name] = nil }
        for (name, place) in moves { if let place { articleOf[name] = place } }
        return events
    }

    /// The articles' places from `place` on moved by `offset`, in both indexes, in place: the
    /// names and openings are not hashed again.
    private static func movePlaces(
        from place: Int, by offset: Int, articleOf: inout [String: Int], openings: inout [String: [Int]]
    ) {
        for index in articleOf.values.indices where articleOf.values[index] >= place {
            articleOf.values[index] += offset
        }
        for index in openings.values.indices {
            for position in openings.values[index].indices where openings.values[index][position] >= place {
                openings.values[index][position] += offset
            }
        }
    }

    struct Found {
        var paragraph: Paragraph
        var sentence: String
        var parties: [String]
        var time: TimeExpression?
        var planned: Bool
        /// Told in the past perfect or as "previously": before the news of the day.
        var background: Bool
        var key = 0.0
        var textOrder: Int
    }

    /// The article's events in timeline order; their slugs are made unique across articles by the caller.
    static func events(in article: Article, matcher: MentionMatcher) -> [Event] {
        let published = article.date.flatMap(Day.init(iso:))
        var found: [Found] = []
        for paragraph in article.paragraphs {
            let text = Markdown.plainText(of: paragraph.markdown)
            let bytes = Array(text.utf8)
            for range in Sentences.ranges(in: text) {
                let sentence = String(decoding: bytes[range], as: UTF8.self).trimmingSpaces()
                let tokens = MentionMatcher.words(in: sentence)
                let words = tokens.map(\.folded)
                // Speculation shows early in a sentence ("Ukraine's perspective likely equates …").
                guard words.count >= 4, !words.prefix(8).contains(where: hedges.contains), sentence.last != "?" else {
                    continue
                }
                let mentions = matcher.matches(in: sentence)
                let planned =
                    words.contains(where: planMarkers.contains)
                    || words.indices.dropFirst().dropLast().contains { index in
                        words[index] == "to" && plannedActions.contains(words[index + 1])
                            && !["began", "started", "continued", "tried", "managed"].contains(words[index - 1])
                    }
                let past = hasPastVerb(tokens, in: sentence)
                let time = TimeExpression.find(
                    in: words, original: tokens.map(\.text), published: published, future: planned,
                    past: past && !planned)
                // A party acting near the start of the sentence, a time or a plan: something happened or will.
                let prefix = String(decoding: Array(sentence.utf8).prefix(90), as: UTF8.self)
                let actor = mentions.contains { $0.start < prefix.utf8.count }
                // Told in the past or as a plan; the present tense describes ("the conflict continues").
                // A time the text gives makes a report even in the present tense ("The talks are the
                // result of telephone messages on Saturday").
                let dated = time.map { $0.precision < 3 } ?? false
                guard actor || time != nil || planned, planned || dated || past else {
                    continue
                }
                var slugsInSentence: [String] = []
                for mention in mentions where !slugsInSentence.contains(mention.target.slug) {
                    slugsInSentence.append(mention.target.slug)
                }
                // The time, when it is known, settles it: before publication is done, after is planned.
                var isPlanned = planned || (time?.future ?? false)
                switch time?.anchor {
                case .day(let day)?, .period(let day)?:
                    if let published { isPlanned = published < day }
                case .offset(let days, _)?: isPlanned = days > 0
                default: break
                }
                let background =
                    words.contains { ["previously", "formerly"].contains($0) }
                    || zip(words, words.dropFirst()).contains { $0 == "had" && ($1.hasSuffix("ed") || $1 == "been") }
                found.append(
                    Found(
                        paragraph: paragraph, sentence: summary(of: sentence), parties: slugsInSentence, time: time,
                        planned: isPlanned, background: background, textOrder: found.count))
            }
        }
        order(&found, published: published)
        // One copy of the path for all of the article's events.
        let path = article.path + Extraction.pathSuffix
        return found.sorted { ($0.key, $0.textOrder) < ($1.key, $1.textOrder) }.enumerated().map { rank, event in
            var date: String?
            switch event.time?.anchor {
            case .day(let day)?: date = day.iso
            case .relative(let offset)? where offset > 0 && !event.planned: date = published?.iso
            case nil where !event.planned && !event.background: date = published?.iso
            default: date = nil
            }
            let base = Text.slug(event.sentence.split(separator: " ").prefix(7).joined(separator: " "))
            let slug = base.isEmpty ? "\(article.slug)-p\(event.paragraph.number)" : base
            let location = SourceLocation(path: article.path, line: event.paragraph.line, column: 1)
            return Event(
                slug: slug, summary: event.sentence, date: date, when: event.time?.text, order: rank + 1,
                status: event.planned ? .planned : .past,
                sources: [Located("\(article.slug)#\(event.paragraph.anchor)", at: location)],
                parties: event.parties.map { Located($0, at: location) }, path: path)
        }
    }

    /// Puts a number on each event's place in time: days from the publication date (or from the
    /// latest date the article gives, or from "now" when it gives none).
    static func order(_ found: inout [Found], published: Day?) {
        let explicit = found.compactMap { event -> Day? in
            if case .day(let day)? = event.time?.anchor { return day }
            return nil
        }
        let base = Double((published ?? explicit.max())?.number ?? 0)
        for index in found.indices {
            let event = found[index]
            func key(_ anchor: TimeExpression.Anchor) -> Double {
                switch anchor {
                case .day(let day): Double(day.number)
                case .period(let day): Double(day.number)
                case .offset(let days, _): base + days
                case .relative(let offset): base + offset
                case .relativeTo(let other, let offset): key(other) + offset
                }
            }
            if let anchor = event.time?.anchor {
                found[index].key = key(anchor)
            } else {
                found[index].key = event.planned ? base + 1 : event.background ? base - 0.5 : base
            }
            // A plan with no date comes after everything done.
            if event.planned, event.time == nil { found[index].key = base + 1 }
        }
    }

    /// A past-tense verb: one of the irregular forms, or a verb ending in "-ed" that does not open
    /// a participle clause after a comma (", coupled with", ", backed by").
    static func hasPastVerb(_ words: [MentionMatcher.Word], in sentence: String) -> Bool {
        let bytes = Array(sentence.utf8)
        return words.indices.contains { index in
            let word = words[index].folded
            if pastForms.contains(word) { return true }
            guard word.hasSuffix("ed"), word.count > 4,
                CommonWords.partOfSpeech(word) == .verb || CommonWords.entries[word] == nil
            else { return false }
            let afterComma = index > 0 && bytes[words[index - 1].end..<words[index].start].contains(UInt8(ascii: ","))
            return !afterComma
        }
    }

    /// The sentence without a leading connective, starting with a capital.
    static func summary(of sentence: String) -> String {
        var text = sentence
        if let comma = text.firstIndex(of: ","), openers.contains(text[..<comma].lowercased()) {
            text = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces)
        }
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
