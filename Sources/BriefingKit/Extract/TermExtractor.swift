import Foundation

/// Finds the key terms of an article: the concepts a reader needs explained ("ceasefire",
/// "energy infrastructure", "six-party talks"), without any editorial file.
///
/// Candidates are noun-phrase-shaped runs of up to four words inside a sentence, cut at function
/// words, verbs' usual endings, generic adjectives ("recent", "full"), names of parties, places and
/// dates. A candidate scores by how often and how widely the article uses it (the headline counts
/// double) and by how uncommon its words are in everyday English, so a story's own vocabulary rises
/// above words any story uses. Variants are one term: singular and plural, "cease fire",
/// "cease-fire" and "ceasefire", and the synonyms listed in `synonyms` ("truce" and "ceasefire").
public enum TermExtractor {
    /// Groups of words a news text uses for the same thing, in singular; the most used form names
    /// the term.
    /// Kept short on purpose: a pair the text treats apart can be split by an editorial file.
    static let synonyms: [[String]] = [
        ["ceasefire", "truce", "armistice"],
        ["earthquake", "quake", "temblor", "tremor"],
        ["talk", "discussion", "negotiation"],
        ["airstrike", "air strike"],
        ["spacecraft", "probe"],
    ]

    /// Each synonym, in singular, and the first word of its group.
    static let synonymOf: [String: String] = Dictionary(
        synonyms.flatMap { group in group.map { ($0, group[0]) } }, uniquingKeysWith: { first, _ in first })

    /// Words that never start, end or join a term: function words, pronouns, auxiliaries, the
    /// commonest verbs and adverbs, and adjectives that grade rather than name ("significant").
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "about", "as", "into", "onto", "over", "under", "after", "before", "during", "since", "until", "between",
        "against", "among", "amid", "amidst", "alongside", "throughout", "through", "across", "toward", "towards",
        "upon", "within", "without", "via", "per",
        "than", "then", "so", "if", "while", "whether", "because", "although", "though", "unless", "despite",
        "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "their", "his", "her", "him",
        "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "where", "when",
        "why", "how", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
        "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "not", "no", "yes", "all", "any", "each", "every", "both", "either", "neither", "some", "such",
        "own", "same", "other", "another", "more", "most", "less", "least", "much", "many", "few", "several",
        "very", "too", "also", "only", "just", "even", "still", "yet", "already", "again", "ever", "never", "now",
        "once", "well", "up", "down", "out", "off", "away", "back", "said", "says", "say", "told", "tell", "added",
        "according", "including", "new", "recent", "further", "first", "second", "third", "last", "next", "latest",
        "previous", "former", "current", "following", "significant", "limited", "high", "low", "big", "small",
        "large", "great", "good", "bad", "major", "key", "important", "possible", "potential", "immediate",
        "ongoing", "complete", "comprehensive", "full", "lasting", "whole", "entire", "real", "different",
        "certain", "various", "initial", "final", "total", "overall", "direct", "ultimate", "numerous",
        "complex", "sustainable", "stringent", "subsequent", "estimated", "likely", "clear", "early",
        "late", "long", "short", "old", "young", "annual", "daily", "weekly", "monthly", "official", "officially",
        "additional", "further", "top", "best", "worst", "better", "worse", "little", "local", "national",
        "international", "global", "world", "world's", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "hundred", "thousand", "million", "billion", "percent", "per cent", "time",
        "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "today", "yesterday",
        "tomorrow", "people", "way", "thing", "things", "lot", "part", "kind", "sort", "number", "page",
        "image", "file", "photo", "credit", "news", "article", "articles", "source", "sources", "link", "links",
        "story", "report", "reports", "statement", "announcement", "comment", "comments", "use", "make", "made",
        "take", "took", "get", "got", "give", "gave", "go", "went", "come", "came", "see", "seen", "know", "known",
        "become", "became", "remain", "remains", "seem", "seems", "continue", "continues", "want", "wants",
        "need", "needs", "like", "help", "began", "begin", "begins", "start", "started", "agree", "agreed",
        "consider", "discuss", "remarked", "indicated", "insisted", "noted", "stated", "expressed", "described",
        "hinted", "asserted", "claimed", "reported", "announced", "confirmed", "explained", "called", "asked",
        "dear", "mr", "mrs", "ms", "dr", "et", "al", "etc", "via", "ago", "whereas", "however", "instead",
        "nonetheless", "meanwhile", "moreover", "therefore", "thus", "hence", "perhaps", "almost", "nearly",
        "about", "around", "approximately", "roughly", "least", "able", "unable", "set", "due", "far", "near",
        "true", "false", "open", "close", "closed", "sure", "ready", "willing", "focus", "fair",
        "earlier", "later", "smaller", "larger", "bigger", "higher", "lower", "greater", "fewer", "dozen",
        "dozens", "solo", "strong", "weak", "hard", "easy", "kilometer", "kilometers", "kilometre", "kilometres",
        "mile", "miles", "meter", "meters", "metre", "metres", "feet", "foot", "ton", "tons", "tonne", "tonnes",
        "pound", "pounds", "kilogram", "kilograms", "dollar", "dollars", "euro", "euros", "inch", "inches",
        "o'clock", "am", "pm", "p.m", "a.m", "member", "members", "team", "side", "sides", "nation", "nations",
        "country", "countries", "government", "leader", "leaders", "official", "officials", "president",
    ]

    /// Words a verb follows: negation and the modal verbs.
    static let verbCues: Set<String> = [
        "not", "never", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "will", "would", "can", "could",
        "should", "shall", "might", "must",
    ]

    /// Words after which "to" opens a verb ("is expected to debate", "refused to sign"); "due"
    /// does so after "is" or "are" ("is due to debate", where "was due to flooding" may give a
    /// cause).
    static let infinitiveCues: Set<String> = [
        "expected", "plans", "planned", "planning", "intends", "intended", "going", "able", "unable", "wants",
        "wanted", "seeks", "sought", "hopes", "hoped", "vowed", "pledged", "promised", "threatened", "refused",
        "decided", "tried", "trying", "failed", "scheduled", "likely", "unlikely", "ready", "willing",
    ]

    /// Everyday nouns for the business of news ("talks", "decision"): they head a term ("peace
    /// talks") but are not one by themselves.
    static let genericNouns: Set<String> = [
        "talk", "discussion", "negotiation", "meeting", "agreement", "deal", "decision", "plan", "proposal",
        "request", "issue", "problem", "situation", "condition", "term", "level", "rate", "support", "attack",
        "strike", "war", "conflict", "call", "progress", "effort", "process", "relation", "information", "date",
        "visit", "resumption", "winner", "price", "result", "outcome", "area", "place", "case", "change", "event",
        "move", "step", "way", "point", "question", "answer", "role", "view", "need", "interest", "focus",
        "award", "goal", "prize", "energy", "infrastructure", "election", "commission", "launch", "spacecraft",
        "flight", "mission", "game", "match", "season", "deadline", "group", "organization", "organisation",
    ]

    /// Last words of a name that make it a thing a reader may need explained ("Puskás Award",
    /// "International Space Station"), not a party or a place.
    static let namedThings: Set<String> = [
        "award", "awards", "prize", "cup", "trophy", "station", "treaty", "accord", "accords", "agreement",
        "act", "protocol", "convention", "doctrine", "plan", "programme", "program", "initiative", "index",
    ]

    static let capitals = Set(Gazetteer.countries.compactMap(\.capital))
    static let titles = Set(Gazetteer.titles)
    /// The words of the gazetteer's titles, lowercased ("foreign", "minister").
    static let titleWords = Set(Gazetteer.titles.flatMap { MentionMatcher.words(in: $0).map(\.folded) })

    /// People named by what they do, which the titles do not hold: a compound ending in them
    /// ("trade negotiators", "aid workers") names people in their role, not a term.
    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "official", "leader", "representative", "negotiator", "adviser",
        "advisor", "aide", "analyst", "expert", "observer", "critic", "supporter", "member", "head", "chief",
        "lawmaker", "legislator", "politician", "diplomat", "envoy", "delegate", "candidate", "commander", "officer",
        "executive", "director", "manager", "chairman", "chairwoman", "correspondent", "reporter", "journalist",
        "editor", "source", "insider", "staffer", "worker", "employee", "resident", "citizen", "voter", "user",
    ]

    /// Plurals that name one thing rather than several ("talks" are a negotiation).
    static let pluralConcepts: Set<String> = [
        "talks", "negotiations", "discussions", "sanctions", "relations", "arms", "goods", "earnings", "savings",
        "affairs", "forces", "troops", "headquarters", "remains", "tariffs", "reparations",
    ]

    /// Lowercase words inside names ("Copa del Rey", "Osama bin Laden").
    static let nameParticles: Set<String> = [
        "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "van", "von", "der", "den",
        "bin", "ibn", "al", "el", "y",
    ]

    /// Words naming a time span, which a compound modifier made of them only dates ("month-long").
    static let timeWords: Set<String> = [
        "day", "week", "month", "year", "hour", "minute", "long", "term", "old", "time", "decade", "century",
    ]

    /// The key terms of each article, best first per article, merged across articles by name.
    /// Names that belong to `parties` are never terms.
    public static func terms(in articles: [Article], parties: [Party]) -> [Term] {
        var memo = Selections(keeps: false)
        return terms(in: articles, parties: parties, memo: &memo)
    }

    /// Each article's chosen terms, kept between builds while the words of party names are the
    /// same, or with `words`, while the article holds none of the words that changed; the terms
    /// made of them all, kept while every article's choice and the party names are the same; and
    /// those of them the briefing keeps, kept while they are the same.
    struct Selections: Sendable {
        var perArticle: Memo<String, Article, Set<String>, ArticleTerms>
        var all: LastResult<Choices, Merged>
        var kept: LastResult<Kept, [Term]>
        var usage: Usage
        /// The words and keys of the party names, while the parties are the same: folding the
        /// words of every name was a few milliseconds of each rebuild of a large briefing.
        var partyNames: LastResult<[Party], (words: Set<String>, keys: Set<String>)>

        init(keeps: Bool = true) {
            partyNames = .init(keeps: keeps)
            perArticle = .init(keeps: keeps)
            all = .init(keeps: keeps)
            kept = .init(keeps: keeps)
            usage = .init(keeps: keeps)
        }
    }

    /// How many articles hold a phrase of each term's forms, whether they chose it or not. While
    /// the terms and the list of articles are the same, only the articles whose phrases changed
    /// are asked again: a rebuild after a word asks one article about each term, not every one.
    struct Usage: Sendable {
        private var terms: [Term] = []
        private var filters: [WordFilter] = []
        private var counts: [Int] = []
        private let keeps: Bool

        init(keeps: Bool) {
            self.keeps = keeps
        }

        mutating func counts(of merged: Merged, in filters: [WordFilter]) -> [Int] {
            var counts: [Int]
            if keeps, filters.count == self.filters.count, merged.terms == terms {
                counts = self.counts
                for (old, new) in zip(self.filters, filters) where old != new {
                    for (index, keys) in merged.keys.enumerated() {
                        if keys.contains(where: old.mayContain) { counts[index] -= 1 }
                        if keys.contains(where: new.mayContain) { counts[index] += 1 }
                    }
                }
            } else {
                counts = Parallel.map(Array(merged.keys.indices)) { index in
                    let keys = merged.keys[index]
                    return filters.reduce(0) { count, filter in
                        keys.contains(where: filter.mayContain) ? count + 1 : count
                    }
                }
            }
            if keeps { (terms, self.filters, self.counts) = (merged.terms, filters, counts) }
            return counts
        }
    }

    /// A term as one article names it: the form it uses most, and its other forms.
    struct Selection: Equatable, Sendable {
        let name: String
        let aliases: [String]
        /// What the merge across articles reads of each form (the name first), worked out with
        /// the article's choice and kept with it: keying every article's forms again at each
        /// rebuild was most of the merge.
        let mergeKeys: [String]
        let matchKeys: [String]
        let slug: String

        init(name: String, aliases: [String]) {
            self.name = name
            self.aliases = aliases
            let names = [name] + aliases
            mergeKeys = names.map(TermExtractor.mergeKey)
            matchKeys = names.map(MentionMatcher.key)
            slug = Text.slug(name)
        }
    }

    /// What one article gives the briefing's terms: those it chooses, and the phrases it could
    /// have chosen.
    struct ArticleTerms: Equatable, Sendable {
        var selection: [Selection]
        /// The merge key of every candidate phrase of the article, chosen or not.
        var candidates: WordFilter
    }

    /// Every article's chosen terms, and the party names no term may take.
    struct Choices: Equatable, Sendable {
        struct Article: Equatable, Sendable {
            var path: String
            var selection: [Selection]
        }

        var articles: [Article]
        var partyKeys: Set<String>
    }

    /// The terms the articles chose, merged by name, with how many articles chose each and the
    /// merge keys of its forms, hashed for the articles' candidate filters.
    struct Merged: Sendable {
        var terms: [Term]
        var chosenBy: [Int]
        var keys: [[WordFilter.Probe]]
    }

    /// The merged terms and which of them the briefing keeps.
    struct Kept: Equatable, Sendable {
        var terms: [Term]
        var kept: [Bool]
    }

    /// A term must be chosen by at least one in this many of the articles that could have chosen
    /// it: a phrase most articles of the briefing use without choosing it ("the region", "not on
    /// the table", a stock phrase of the coverage) is its everyday language, not a key term. With
    /// this many articles or fewer using a phrase, one choosing it is enough.
    static let choiceShare = 5

    static func terms(in articles: [Article], parties: [Party], memo: inout Selections, words: ArticleWords? = nil)
        -> [Term]
    {
        let (partyWords, partyKeys) = memo.partyNames.value(for: parties) { parties in
            (
                words: Set(
                    parties.flatMap { ([$0.name] + $0.aliases).flatMap { MentionMatcher.words(in: $0).map(\.folded) } }
                ),
                keys: Set(parties.flatMap { ([$0.name] + $0.aliases).map(MentionMatcher.key) })
            )
        }
        let selections = memo.perArticle.map(
            articles, key: \.path, context: partyWords, holds: words?.holdsForWords()
        ) {
            selected(in: $0, partyWords: partyWords)
        }
        // An edit that changes no article's choice (most edits of a word) leaves the terms as they were.
        let choices = Choices(
            articles: zip(articles, selections).map { .init(path: $0.path, selection: $1.selection) },
            partyKeys: partyKeys)
        let merged = memo.all.value(for: choices, merged)
        let usedBy = memo.usage.counts(of: merged, in: selections.map(\.candidates))
        let kept = zip(merged.chosenBy, usedBy).map { chosen, used in chosen * choiceShare >= used }
        return memo.kept.value(for: Kept(terms: merged.terms, kept: kept)) { input in
            zip(input.terms, input.kept).compactMap { $1 ? $0 : nil }
        }
    }

    /// The articles' terms merged by name, in the articles' order; a name of a party is never a term.
    private static func merged(_ choices: Choices) -> Merged {
        let partyKeys = choices.partyKeys
        var terms: [Term] = []
        var owner: [String: Int] = [:]
        var takenSlugs = Set<String>()
        var chosenBy: [Int] = []
        var termKeys: [[String]] = []
        for article in choices.articles {
            let path = article.path
            for found in article.selection {
                if found.matchKeys.contains(where: partyKeys.contains) { continue }
                let names = [found.name] + found.aliases
                let keys = found.mergeKeys
                if let index = keys.lazy.compactMap({ owner[$0] }).first {
                    chosenBy[index] += 1
                    for (name, key) in zip(names, keys) where owner[key] == nil {
                        owner[key] = index
                        terms[index].aliases.append(name)
                        termKeys[index].append(key)
                    }
                    continue
                }
                let slug = found.slug
                guard !slug.isEmpty, takenSlugs.insert(slug).inserted else { continue }
                terms.append(
                    Term(
                        slug: slug, name: found.name, aliases: found.aliases, definition: "",
                        path: path + Extraction.pathSuffix))
                for key in keys where owner[key] == nil { owner[key] = terms.count - 1 }
                chosenBy.append(1)
                termKeys.append(keys)
            }
        }
        return Merged(terms: terms, chosenBy: chosenBy, keys: termKeys.map { $0.map(WordFilter.Probe.init) })
    }

    // MARK: - One article

    struct Token {
        var text: String
        var folded: String
        /// Capitalised inside a sentence and not a known party, place or date: part of a proper name.
        var proper: Bool
    }

    struct Candidate {
        var words: [String]
        /// Whether the phrase holds a proper name.
        var proper = false
        var surfaces: [String: Int] = [:]
        var weight = 0.0
        /// Weight of the uses that are the whole run, not part of a longer phrase.
        var alone = 0.0
        var paragraphs = Set<Int>()
        var first = Int.max
        var score = 0.0
    }

    /// The article's terms, best first: a name and the other forms the text uses.
    static func selected(in article: Article, partyWords: Set<String>) -> ArticleTerms {
        var candidates: [String: Candidate] = [:]
        var wordCounts: [String: Double] = [:]
        var position = 0
        var units: [(text: String, paragraph: Int, weight: Double, titleCase: Bool)] = [
            (article.title, 0, 1.5, true)
        ]
        if let dek = article.dek { units.append((dek, 0, 1.5, false)) }
        units += article.paragraphs.map { (Markdown.plainText(of: $0.markdown), $0.number, 1, false) }
        // Words the body capitalises inside sentences are names, also in a headline in title case.
        var properWords = Set<String>()
        var unitRuns: [[[Token]]?] = units.map { unit in
            guard !unit.titleCase else { return nil }
            return runs(in: unit.text, titleCase: false, partyWords: partyWords)
        }
        for runs in unitRuns.compactMap({ $0 }) {
            for run in runs {
                for token in run where token.proper { properWords.insert(token.folded) }
            }
        }
        for (index, unit) in units.enumerated() where unitRuns[index] == nil {
            unitRuns[index] = runs(in: unit.text, titleCase: true, partyWords: partyWords, properWords: properWords)
        }
        // Words the article uses on their own as often as after a verb are that verb's object,
        // and the verb leaves the run: a participle ("accepting canal tolls", "using troop
        // rotation"), or people in the plural and their verb ("voters support sanctions", where
        // "doctors walkout" stays whole).
        var wholeRuns: [String: Double] = [:]
        for (unit, runs) in zip(units, unitRuns) {
            for run in runs ?? [] { wholeRuns[mergeKey(words: run.map(\.folded)), default: 0] += unit.weight }
        }
        var trimmedKeys: [String] = []
        for index in unitRuns.indices {
            unitRuns[index] = unitRuns[index]?.map { run in
                guard run.count >= 2, !run[0].proper else { return run }
                let verbs: Int
                if isParticiple(run[0].folded) {
                    verbs = 1
                } else if run.count >= 3, CommonWords.partOfSpeech(run[0].folded) == .person,
                    singular(run[0].folded) != run[0].folded
                {
                    verbs = 2
                } else {
                    return run
                }
                let rest = run.dropFirst(verbs)
                let alone = wholeRuns[mergeKey(words: rest.map(\.folded))] ?? 0
                guard alone >= wholeRuns[mergeKey(words: run.map(\.folded)), default: 0] else { return run }
                // The article still uses the whole phrase, for the count of articles using a term.
                trimmedKeys += phraseRanges(in: run).map { mergeKey(words: run[$0].map(\.folded)) }
                return Array(rest)
            }
        }
        for (unit, runs) in zip(units, unitRuns) {
            for run in runs ?? [] {
                // Each word's parts of a merge key made once, for the run's every phrase: a
                // phrase's key is its words without hyphens, the last in the singular.
                var plain: [String] = []
                var plainSingular: [String] = []
                plain.reserveCapacity(run.count)
                plainSingular.reserveCapacity(run.count)
                for token in run {
                    let singularWord = singular(token.folded)
                    wordCounts[singularWord, default: 0] += unit.weight
                    plain.append(withoutHyphens(token.folded))
                    plainSingular.append(withoutHyphens(singularWord))
                }
                for phrase in phraseRanges(in: run) {
                    var key = ""
                    for index in phrase.dropLast() { key += plain[index] }
                    key += plainSingular[phrase.upperBound - 1]
                    var surface = run[phrase.lowerBound].text
                    for index in phrase.dropFirst() {
                        surface += " "
                        surface += run[index].text
                    }
                    position += 1
                    // Updated in place: a copy taken out and put back would copy its sets each time.
                    func count(_ candidate: inout Candidate) {
                        candidate.surfaces[surface, default: 0] += 1
                        candidate.weight += unit.weight
                        if phrase.count == run.count { candidate.alone += unit.weight }
                        if unit.paragraph > 0 { candidate.paragraphs.insert(unit.paragraph) }
                        candidate.first = min(candidate.first, position)
                    }
                    count(
                        &candidates[
                            key,
                            default: Candidate(
                                words: run[phrase].map(\.folded), proper: run[phrase].contains(where: \.proper))])
                }
            }
        }
        // Asked about every term of the briefing, so that a false "may" is about two in a million.
        let candidateKeys = WordFilter(words: Array(candidates.keys) + trimmedKeys, bitsPerWord: 32, probes: 10)
        // Synonyms join the most used of their group, also as the head of a phrase ("peace
        // discussions" and "peace talks").
        var groups: [String: [String]] = [:]
        for (key, candidate) in candidates {
            guard let last = candidate.words.last else { continue }
            let head = synonymOf[singular(last)] ?? singular(last)
            groups[mergeKey((candidate.words.dropLast() + [head]).joined(separator: " ")), default: []].append(key)
        }
        for keys in groups.values where keys.count > 1 {
            let main = keys.max {
                (candidates[$0]!.weight, $1) < (candidates[$1]!.weight, $0)
            }!
            for other in keys where other != main {
                let absorbed = candidates.removeValue(forKey: other)!
                candidates[main]!.weight += absorbed.weight
                candidates[main]!.alone += absorbed.alone
                candidates[main]!.paragraphs.formUnion(absorbed.paragraphs)
                candidates[main]!.surfaces.merge(absorbed.surfaces) { $0 + $1 }
            }
        }
        for key in candidates.keys {
            var candidate = candidates[key]!
            // Uncommon words make a phrase specific to the story; the rarest word counts most.
            let rarity = candidate.words.map { word in
                max(0, min(4, 6 - CommonWords.frequency(singular(word))))
            }.sorted(by: >)
            let specificity = rarity.enumerated().map { $1 / Double($0 + 1) }.reduce(0, +)
            // A compound names a kind of thing ("peace treaty", "maritime ceasefire").
            let compound =
                candidate.words.count == 1 ? 0 : isAdjective(candidate.words[0]) ? 0.75 : 1.5
            // How much the article comes back to the phrase's words in other phrases ("peace" in
            // "peace talks", "peace treaty" and "peace discussions").
            let support =
                0.8
                * candidate.words.map { log(1 + max(0, (wordCounts[singular($0)] ?? 0) - candidate.weight)) }
                .reduce(0, +)
            let spread = 1 + 0.3 * Double(max(0, candidate.paragraphs.count - 1))
            candidate.score = candidate.weight * spread * (specificity + compound + support)
            candidates[key] = candidate
        }
        let ranked = candidates.values.filter { isTermShaped($0, wordCounts: wordCounts) }.sorted {
            ($0.score, -$0.first) > ($1.score, -$1.first)
        }
        let limit = min(10, max(3, article.paragraphs.count))
        var chosen: [Candidate] = []
        for candidate in ranked where candidate.score >= 3 {
            if chosen.count == limit { break }
            // A phrase inside a chosen longer one, never used apart from it, adds nothing.
            let inside = chosen.contains { longer in
                longer.words.count > candidate.words.count && contains(longer.words, candidate.words)
                    && candidate.weight <= longer.weight
            }
            if inside { continue }
            // "humanitarian aid request": a term with an everyday noun added is that term. A noun
            // that names a thing ("agreement", "plan") is part of it unless the article also uses
            // the term without it: "free trade", only ever in "free trade agreement", is not one.
            if candidate.words.count >= 3, let last = candidate.words.last, genericNouns.contains(singular(last)),
                let core = candidates[mergeKey(candidate.words.dropLast().joined(separator: " "))],
                !namedThings.contains(last) || core.weight > candidate.weight,
                isTermShaped(core, wordCounts: wordCounts)
            {
                continue
            }
            // "ceasefire agreement" once, beside "ceasefire": a form of that term, not a new one.
            if candidate.words.count == 2, candidate.weight < 2, genericNouns.contains(singular(candidate.words[1])),
                let index = chosen.firstIndex(where: {
                    $0.words.count == 1 && singular($0.words[0]) == singular(candidate.words[0])
                })
            {
                chosen[index].surfaces.merge(candidate.surfaces.mapValues { _ in 0 }) { old, _ in old }
                continue
            }
            // The same the other way: a chosen phrase never used apart from this longer one
            // ("agents law", scored above "foreign agents law" for its adjective) gives it its place.
            let within = chosen.indices.filter { index in
                let shorter = chosen[index]
                return shorter.words.count < candidate.words.count && contains(candidate.words, shorter.words)
                    && shorter.weight <= candidate.weight
            }
            if let first = within.first {
                chosen[first] = candidate
                for index in within.dropFirst().reversed() { chosen.remove(at: index) }
                continue
            }
            chosen.append(candidate)
        }
        let selection = chosen.map { candidate in
            let forms = candidate.surfaces.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            return Selection(name: forms[0], aliases: Array(forms.dropFirst()))
        }
        return ArticleTerms(selection: selection, candidates: candidateKeys)
    }

    /// Any term must end in a noun-like word; a single word must not be an everyday noun of news;
    /// a long phrase must recur, since a single long one is usually a clause ("decision sent oil prices").
    static func isTermShaped(_ candidate: Candidate, wordCounts: [String: Double]) -> Bool {
        guard let head = candidate.words.last else { return false }
        // "electoral commission", "football club": an organisation is a party, not a term.
        if candidate.words.count > 1, Gazetteer.organisationWords.contains(head) { return false }
        switch CommonWords.partOfSpeech(head) {
        // A person's role ("energy minister", "football player") belongs to a party, not a term;
        // a word the list knows as people, in the plural, ends a compound naming a group
        // ("political prisoners", "mass graves") when it is no title's or role's ("aid workers").
        case .person:
            if candidate.words.count == 1 || singular(head) == head || titleWords.contains(singular(head))
                || roleNouns.contains(singular(head))
            {
                return false
            }
        case .adjective, .adverb: return false
        case .verb:
            let after = candidate.words.count > 1 ? candidate.words[candidate.words.count - 2] : nil
            // "asset freeze": a word that is also a noun ends a compound, as the runs read it.
            if after != nil, CommonWords.canBeNoun(head), !head.hasSuffix("ed"), !head.hasSuffix("ing") { break }
            // "intelligence sharing": a gerund with a noun reading, after a noun, names an activity.
            // "prices rising" is a clause: the noun before a gerund head is singular.
            guard head.hasSuffix("ing"), CommonWords.canBeNoun(head), let after,
                CommonWords.partOfSpeech(after) == .noun, singular(after) == after
            else { return false }
        case .noun: break
        case nil:
            // Unknown words: an "-ed" or "-ing" ending is a verb's ("signified", "pertaining").
            if head.hasSuffix("ed") || head.hasSuffix("ing") { return false }
        }
        if head.hasSuffix("ly") { return false }
        if candidate.words.count == 1 {
            // "the council", "the fund": an organisation named by its kind is a party, not a term.
            if Gazetteer.organisationWords.contains(singular(head)) { return false }
            // Alone at least twice, or rare: a word used only inside longer phrases is their part ("peace").
            // A noun by the word list, or a word too rare for it that does not read as another part of speech.
            let known =
                CommonWords.partOfSpeech(singular(head)) == .noun
                || (CommonWords.entries[singular(head)] == nil && CommonWords.entries[head] == nil
                    && !isAdjective(head) && !head.hasSuffix("ate") && !head.hasSuffix("ize"))
            // Qualities ("willingness") are not things to explain.
            return !head.hasSuffix("ing") && !head.hasSuffix("ness") && head.count > 3
                && !genericNouns.contains(singular(head))
                && (candidate.alone >= 2
                    || (known && candidate.alone >= 1 && CommonWords.frequency(singular(head)) < 3.6)
                    || (candidate.weight >= 2 && CommonWords.frequency(singular(head)) < 3.0))
        }
        // A longer phrase used once must be nouns and adjectives throughout, not a clause.
        if candidate.words.count >= 3 && candidate.weight < 2
            && candidate.words.dropLast().contains(where: { $0.hasSuffix("ed") || $0.hasSuffix("ing") })
        {
            return false
        }
        // An adjective before a noun makes a term only if the phrase recurs or the article keeps
        // coming back to the noun ("maritime ceasefire"), not for a passing description
        // ("endemic corruption", "assertive stance").
        if candidate.weight < 2, let modifier = candidate.words.first,
            isAdjective(modifier), (wordCounts[singular(head)] ?? 0) < 2
        {
            return false
        }
        // A name with a common noun after it ("San Diego skyscrapers") is a term only if the text
        // repeats it or the noun is uncommon ("Dragon spacecraft", "Falcon 9 rocket").
        if candidate.proper && !namedThings.contains(head) && candidate.weight < 2
            && CommonWords.frequency(singular(head)) >= 4.4
        {
            return false
        }
        // A compound used once with a plural head describes instances in passing ("energy stocks",
        // "infrastructure attacks"); a singular one names a concept ("peace treaty").
        // Nouns whose plural has a meaning of its own ("peace talks", "economic sanctions") are
        // concepts in the plural.
        if candidate.words.count > 1, candidate.weight < 2, singular(head) != head, !pluralConcepts.contains(head) {
            return false
        }
        // A term must be cited, so the body must use it, not only the headline.
        if candidate.paragraphs.isEmpty { return false }
        // A gerund or participle opening a phrase is usually its verb ("pausing attacks",
        // "conceded defeat"), unless the phrase recurs.
        if candidate.words[0].hasSuffix("ing") || candidate.words[0].hasSuffix("ed"), candidate.weight < 2 {
            return false
        }
        return true
    }

    /// A verb's "-ed" or "-ing" form, by the word list ("traded", "accepting"); "armed" and
    /// "enriched" are participles too, which only their place tells from a verb.
    static func isParticiple(_ word: String) -> Bool {
        (word.hasSuffix("ed") || word.hasSuffix("ing")) && CommonWords.partOfSpeech(word) == .verb
    }

    /// An adjective by the word list, or, for a word it does not know, by its ending ("endemic").
    static func isAdjective(_ word: String) -> Bool {
        if CommonWords.entries[word] != nil { return CommonWords.partOfSpeech(word) == .adjective }
        return ["ic", "ous", "ive", "al", "ful", "less", "able", "ible"].contains { word.hasSuffix($0) }
    }

    static func contains(_ longer: [String], _ shorter: [String]) -> Bool {
        guard shorter.count <= longer.count else { return false }
        return (0...(longer.count - shorter.count)).contains { start in
            zip(longer[start...], shorter).allSatisfy { singular($0) == singular($1) }
        }
    }

    /// Where each sub-phrase of a run lies in it: up to four words whose head is a common noun or
    /// a "thing" ("Puskás Award"); a proper word may only modify ("Falcon 9 rocket", "Dragon
    /// spacecraft"). Places rather than copies of the words: an article has thousands of phrases.
    static func phraseRanges(in run: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for start in run.indices {
            // A name is taken whole: "New Horizons spacecraft", never "Horizons spacecraft".
            if start > 0 && run[start].proper && run[start - 1].proper { continue }
            // A phrase opening with a number is none, whatever its length.
            if run[start].folded.first?.isNumber ?? false { continue }
            for end in start..<min(run.count, start + 4) {
                let head = run[end]
                if head.proper && !namedThings.contains(head.folded) { continue }
                if end + 1 < run.count && head.proper && run[end + 1].proper { continue }
                result.append(start..<end + 1)
            }
        }
        return result
    }

    /// Runs of words that may belong to a term, in each sentence of `text`.
    static func runs(in text: String, titleCase: Bool, partyWords: Set<String>, properWords: Set<String> = [])
        -> [[Token]]
    {
        var result: [[Token]] = []
        let bytes = Array(text.utf8)
        for sentence in Sentences.ranges(in: text) {
            let sentenceBytes = Array(bytes[sentence])
            let sentenceText = String(decoding: sentenceBytes, as: UTF8.self)
            let words = MentionMatcher.words(in: sentenceText)
            // Hyphenated words are one word ("technical-level", "six-party").
            var merged: [(text: String, lower: String, first: Int, last: Int)] = []
            for (index, word) in words.enumerated() {
                if index > 0, Self.isHyphen(sentenceBytes[words[index - 1].end..<word.start]) {
                    merged[merged.count - 1].text += "-" + word.text
                    merged[merged.count - 1].last = index
                } else {
                    merged.append((word.text, "", index, index))
                }
            }
            // Each word lowered once, for the compounds and the tokens below.
            for index in merged.indices { merged[index].lower = merged[index].text.lowercased() }
            // An open compound spelled apart ("cease fire") is one word when English writes it closed.
            var index = 0
            while index + 1 < merged.count {
                let first = merged[index].lower
                let second = merged[index + 1].lower
                let gap = sentenceBytes[words[merged[index].last].end..<words[merged[index + 1].first].start]
                if gap.elementsEqual(" ".utf8), !stopWords.contains(first), !stopWords.contains(second),
                    first.count > 2, second.count > 2, let entry = CommonWords.entries[first + second],
                    entry.partOfSpeech == .noun || entry.partOfSpeech == nil
                {
                    merged[index].text += " " + merged[index + 1].text
                    merged[index].lower = merged[index].text.lowercased()
                    merged[index].last = merged[index + 1].last
                    merged.remove(at: index + 1)
                }
                index += 1
            }
            var run: [Token] = []
            for (position, word) in merged.enumerated() {
                if position > 0 {
                    let gap = sentenceBytes[words[merged[position - 1].last].end..<words[word.first].start]
                    if !gap.elementsEqual(" ".utf8) {
                        if !run.isEmpty { result.append(run) }
                        run = []
                    }
                }
                // After "not", a modal or a verb's "to" comes a verb ("does not cover ransomware",
                // "is due to debate sanctions"), and after a name or an organisation's word a
                // participle is its verb ("Almaris traded accusations", "the council stressed
                // sanctions", where "The enriched uranium" opens a sentence): no term holds it.
                if position > 0, !startsWithCapital(word.text),
                    verbCues.contains(merged[position - 1].lower)
                        || (isParticiple(word.lower)
                            && ((startsWithCapital(merged[position - 1].text)
                                && !stopWords.contains(merged[position - 1].lower))
                                || Gazetteer.organisationWords.contains(merged[position - 1].lower)))
                        || (position > 1 && merged[position - 1].lower == "to"
                            && opensInfinitive(
                                after: merged[position - 2].lower, and: position > 2 ? merged[position - 3].lower : nil))
                {
                    if !run.isEmpty { result.append(run) }
                    run = []
                    continue
                }
                let nextCapitalised =
                    position + 1 < merged.count && startsWithCapital(merged[position + 1].text)
                let knownName = titleCase && properWords.contains(word.lower)
                if let token = token(
                    word.text, lowered: word.lower, sentenceStart: position == 0, titleCase: titleCase && !knownName,
                    partyWords: partyWords, after: run.last, beforeCapital: nextCapitalised || knownName,
                    // Read only for a word the list calls a verb.
                    surroundings: {
                        Surroundings(
                            next: position + 1 < merged.count ? merged[position + 1].lower : nil,
                            afterTo: position > 0 && merged[position - 1].lower == "to",
                            opener: position > run.count ? merged[position - run.count - 1].lower : nil)
                    })
                {
                    run.append(token)
                } else {
                    if !run.isEmpty { result.append(run) }
                    run = []
                }
            }
            if !run.isEmpty { result.append(run) }
        }
        return result
    }

    /// Whether a "to" after `word`, itself after `earlier` (both lowered), opens a verb.
    static func opensInfinitive(after word: String, and earlier: String?) -> Bool {
        infinitiveCues.contains(word) || (word == "due" && (earlier == "is" || earlier == "are"))
    }

    /// Words that open a verb's object: after one of them, a word that may be a verb or a noun
    /// is the verb ("the council strikes a deal").
    static let objectOpeners = determiners.union([
        "them", "him", "us", "it", "me", "some", "all", "more", "most",
    ])

    /// What is around a word that the list calls a verb, to tell whether it is a noun there:
    /// the next word and the word before its run (lowered), and whether "to" comes before it.
    struct Surroundings {
        var next: String? = nil
        var afterTo = false
        var opener: String? = nil

        /// Whether a determiner opens the run.
        var determined: Bool { opener.map(TermExtractor.isDeterminer) ?? false }
    }

    /// Words the word list reads as verbs that open a compound as its modifier ("free trade
    /// agreement", "snap election"), except after "to" ("agreed to free prisoners") or before an object.
    static let modifierReadings: Set<String> = ["free", "snap"]

    /// Whether `word` is one of `modifierReadings` before a noun, and not after "to".
    static func modifiesCompound(_ word: String, around: Surroundings) -> Bool {
        guard modifierReadings.contains(word), !around.afterTo, let next = around.next else { return false }
        return CommonWords.canBeNoun(next) && !objectOpeners.contains(next)
    }

    /// Whether `word`, usually a verb but also a noun, opens a compound right after a
    /// determiner that is no pronoun, before another noun ("a show trial"); not "the strike
    /// ended", where no noun follows, nor "measures that freeze assets", nor a past form.
    static func opensCompound(_ word: String, after previous: Token?, around: Surroundings) -> Bool {
        guard previous == nil, around.determined, !pronounDeterminers.contains(around.opener ?? ""),
            CommonWords.canBeNoun(word), !EventExtractor.pastForms.contains(word), let next = around.next
        else { return false }
        return CommonWords.canBeNoun(next) && !stopWords.contains(next)
    }

    /// Words that make what follows a noun phrase ("the", "an", "their"), or with "that" a
    /// clause whose subject it is ("insists that asset freeze must come first").
    static let determiners: Set<String> = [
        "a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
        "any", "no", "every", "each", "another",
    ]

    /// Of `determiners`, those that may also be a pronoun before a verb ("measures that freeze
    /// assets", "helped her free them"): no compound opens right after them.
    static let pronounDeterminers: Set<String> = ["that", "her"]

    /// A determiner, or a name in the possessive ("Almaris's").
    static func isDeterminer(_ word: String) -> Bool {
        determiners.contains(word) || word.hasSuffix("'s") || word.hasSuffix("\u{2019}s")
    }

    /// Whether `word`, usually a verb but also a noun ("freeze", "probe", "deal", "strike"), is the
    /// noun a compound ends in: after a singular noun (or another such word, "a show trial") or
    /// an adjective of a run a determiner opens ("an asset freeze", "the corruption probe", "a
    /// nuclear deal") or a noun naming one thing in the plural ("the arms deal"), or in the
    /// plural itself ("bond yields", "drone strikes"); never in the past ("the decision sent oil
    /// prices up") or before an object ("the council strikes a deal"). "Requests for fertilizer
    /// run from …" keeps its verb.
    static func isCompoundHead(
        _ word: String, after previous: Token?, before next: String?, beforeCapital: Bool, determined: Bool
    ) -> Bool {
        guard let previous, !previous.proper, CommonWords.canBeNoun(word), !beforeCapital,
            !EventExtractor.pastForms.contains(word)
        else { return false }
        if let next, objectOpeners.contains(next) || next.first?.isNumber == true { return false }
        let plural = singular(word) != word
        guard determined || plural else { return false }
        let modifier = previous.folded
        switch CommonWords.partOfSpeech(modifier) {
        case .noun, nil,
            .verb where CommonWords.canBeNoun(modifier):
            return singular(modifier) == modifier || pluralConcepts.contains(modifier)
        case .adjective: return true
        default: return false
        }
    }

    /// Whether the bytes between two words are one hyphen: ASCII's, or Unicode's hyphen or non-breaking hyphen.
    static func isHyphen(_ gap: ArraySlice<UInt8>) -> Bool {
        gap.elementsEqual("-".utf8) || gap.elementsEqual("\u{2010}".utf8) || gap.elementsEqual("\u{2011}".utf8)
    }

    /// The word as part of a term, or nil when it ends one; `lowered` is `text.lowercased()`.
    static func token(
        _ text: String, lowered: String, sentenceStart: Bool, titleCase: Bool, partyWords: Set<String>,
        after: Token?, beforeCapital: Bool, surroundings: () -> Surroundings = { Surroundings() }
    ) -> Token? {
        let folded = text.hasCurlyApostrophe ? lowered.replacingOccurrences(of: "\u{2019}", with: "'") : lowered
        // Most words hold no hyphen: no need to split them.
        let parts = folded.utf8.contains(UInt8(ascii: "-")) ? folded.split(separator: "-").map(String.init) : [folded]
        // Any capital makes a name ("d'Or", "al-Sada"); so does a particle inside one ("Copa del Rey").
        let properName =
            !titleCase
            && ((hasCapital(text) && (!sentenceStart || beforeCapital))
                || (after?.proper == true && beforeCapital && nameParticles.contains(folded)))
        if !properName, stopWords.contains(folded) || parts.allSatisfy(stopWords.contains) { return nil }
        if parts.count > 1, parts.contains(where: { timeWords.contains(singular($0)) }) { return nil }
        if folded.first?.isNumber ?? false {
            // A number inside a name ("Falcon 9 rocket"), never on its own.
            return after?.proper == true ? Token(text: text, folded: folded, proper: true) : nil
        }
        guard let initial = text.unicodeScalars.first, initial.properties.isAlphabetic else { return nil }
        let capitalised = startsWithCapital(text)
        if properName && nameParticles.contains(folded) { return Token(text: text, folded: folded, proper: true) }
        if folded.count > 4 && folded.hasSuffix("ly") { return nil }
        // A finite verb or an adverb ends a noun phrase; participles may still modify ("suspended sentence").
        if !properName, let kind = CommonWords.partOfSpeech(folded) {
            if kind == .adverb { return nil }
            if kind == .verb && !folded.hasSuffix("ed") && !folded.hasSuffix("ing") {
                let around = surroundings()
                let noun =
                    isCompoundHead(
                        folded, after: after, before: around.next, beforeCapital: beforeCapital,
                        determined: around.determined)
                    || modifiesCompound(folded, around: around) || opensCompound(folded, after: after, around: around)
                if !noun { return nil }
            }
        }
        if Gazetteer.notNames.contains(folded) && !capitalised {
            return Token(text: text, folded: folded, proper: false)
        }
        guard properName || capitalised else { return Token(text: text, folded: folded, proper: false) }
        // Capitalised: a party, place, month or title ends the term; a headline or sentence opener
        // in capitals is the everyday word.
        // At a sentence's start, "Oil" is the word oil; months and days are never terms.
        let dateWord = TimeExpression.months[folded] != nil || TimeExpression.weekdays.contains(folded)
        // The acronym of a thing ("LNG", "GPS") modifies a term as a name does ("LNG terminal");
        // any other acronym is a party's.
        if Gazetteer.thingAcronyms.contains(text) { return Token(text: text, folded: folded, proper: true) }
        // A word of a title opening a sentence before lowercase words is the everyday word:
        // "Foreign agents law", though "Foreign Minister Elias Abton" makes "foreign" a party's word.
        if (partyWords.contains(folded) && (properName || !titleWords.contains(folded)))
            || (Gazetteer.notNames.contains(folded) && (properName || dateWord))
            || MentionMatcher.isAcronym(text)
        {
            return nil
        }
        // "US-Russia negotiations": a compound of parties or places names them, not a term.
        if parts.count > 1,
            text.split(separator: "-").contains(where: { part in
                partyWords.contains(part.lowercased()) || MentionMatcher.isAcronym(String(part))
                    || PartyTable.country(forDemonymOrName: String(part)) != nil
            })
        {
            return nil
        }
        if PartyTable.country(forDemonymOrName: text) != nil || capitals.contains(text) || titles.contains(text)
            || Gazetteer.regions.contains(folded)
        {
            return nil
        }
        if !properName {
            return CommonWords.frequency(folded) >= 3 ? Token(text: folded, folded: folded, proper: false) : nil
        }
        return Token(text: text, folded: folded, proper: true)
    }

    /// Whether any letter is a capital; plain ASCII is checked without Unicode tables.
    static func hasCapital(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
        }
    }

    static func startsWithCapital(_ text: String) -> Bool {
        guard let scalar = text.unicodeScalars.first else { return false }
        return scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    /// The phrase as the text writes it, lowercase unless it is a proper name.
    static func surface(_ phrase: [Token]) -> String {
        phrase.map(\.text).joined(separator: " ")
    }

    /// Forms of one term share this key: case, plural, spaces and hyphens aside.
    static func mergeKey(_ name: String) -> String {
        let folded =
            name.hasCurlyApostrophe
            ? name.lowercased().replacingOccurrences(of: "\u{2019}", with: "'") : name.lowercased()
        // Split at the space byte: splitting Characters was a tenth of a rebuild's term step.
        return mergeKey(
            words: folded.utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) })
    }

    /// The key of words already folded to lowercase.
    static func mergeKey(words: [String]) -> String {
        guard let last = words.last else { return "" }
        var key = ""
        for word in words.dropLast() { key += word }
        key += singular(last)
        return withoutHyphens(key)
    }

    /// The text without its ASCII hyphens, as merge keys leave them out.
    static func withoutHyphens(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        var text = text
        text.removeAll { $0 == "-" }
        return text
    }

    /// A plural noun's singular by the regular rules; good enough to merge "aftershock" and "aftershocks".
    static func singular(_ word: String) -> String {
        // Every rule ends in "s": most words are told by their last byte, without counting characters.
        guard word.utf8.last == UInt8(ascii: "s") else { return word }
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 4, word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") {
            return String(word.dropLast(2))
        }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
