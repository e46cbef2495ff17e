import Foundation

/// Finds the parties an article names: people, governments, countries acting as actors,
/// organisations, without any editorial file.
///
/// Names are runs of capitalised words inside a sentence. A title before a person's name
/// becomes the role ("Secretary of State Marco Rubio"); a surname alone joins the full name
/// ("Putin" → Vladimir Putin); countries, demonyms and capitals resolve through the gazetteer;
/// a seat of government stands for the government ("the Kremlin"); a name used only after
/// "in", "at", "near" or "from" is a place, not a party; sentence openers and dates are never names.
public enum PartyExtractor {
    /// A name as it appears, with the words before it.
    struct Run: Equatable, Sendable {
        var words: [String]
        /// The name as written, from its first word to its last ("al-Sada" keeps its hyphen).
        var text: String
        var precededBy: String?
        var sentenceStart: Bool
        /// The capitalised title words just before the name ("Russian President").
        var title: [String]
        var followedByAcronym: String?
        /// Lowercase word right after the name ("administration").
        var followedBy: String?
    }

    static let placePrepositions: Set<String> = [
        "in", "at", "near", "from", "into", "across", "outside", "inside", "of",
    ]

    public static func parties(in articles: [Article]) -> [Party] {
        var memo = NameRuns(keeps: false)
        return parties(in: articles, memo: &memo)
    }

    /// What each article's names say, kept between builds: it depends on the article alone; and
    /// the parties made of them all, kept while every article's findings are the same.
    struct NameRuns: Sendable {
        var runs: Memo<String, Article, NoContext, PartyTable.Findings>
        var parties: LastResult<[ArticleFindings], [Party]>

        init(keeps: Bool = true) {
            runs = .init(keeps: keeps)
            parties = .init(keeps: keeps)
        }
    }

    struct ArticleFindings: Equatable, Sendable {
        var path: String
        var findings: PartyTable.Findings
    }

    /// Each article's names are read on all cores, each on its own; the table then puts together
    /// what they say in the articles' order, which is all a new name makes it do again.
    static func parties(in articles: [Article], memo: inout NameRuns) -> [Party] {
        let findings = memo.runs.map(articles, key: \.path, context: NoContext()) { article in
            PartyTable.findings(article.paragraphs.flatMap { Self.runs(in: Markdown.plainText(of: $0.markdown)) })
        }
        // An edit that changes no name leaves every article's findings as they were, and the table too.
        let input = zip(articles, findings).map { ArticleFindings(path: $0.path, findings: $1) }
        return memo.parties.value(for: input) { input in
            var builder = PartyTable()
            for article in input { builder.add(article.findings, path: article.path) }
            return builder.parties()
        }
    }

    // MARK: - Finding names

    static func runs(in text: String) -> [Run] {
        var result: [Run] = []
        let bytes = Array(text.utf8)
        for sentence in Sentences.ranges(in: text) {
            let sentenceText = String(decoding: bytes[sentence], as: UTF8.self)
            let words = MentionMatcher.words(in: sentenceText)
            let sentenceBytes = Array(sentenceText.utf8)
            func gap(_ index: Int) -> String {
                guard index > 0 else { return "" }
                return String(decoding: sentenceBytes[words[index - 1].end..<words[index].start], as: UTF8.self)
            }
            var index = 0
            while index < words.count {
                guard isCapitalised(words[index].text) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < words.count {
                    let separator = gap(end)
                    // Initials ("U.S.") join across their full stops.
                    if separator == ".", words[end - 1].text.count == 1, words[end].text.count == 1 {
                        end += 1
                        continue
                    }
                    // A title written with hyphens ("Secretary-General") joins the name it opens.
                    if separator == "-", let length = hyphenatedTitle(at: end - 1, in: words, gap: gap) {
                        end += length - 1
                        continue
                    }
                    let joins = separator == " " || separator == "'s " || separator == "\u{2019}s "
                    if !joins || separator.utf8.contains(UInt8(ascii: "'"))
                        || separator.unicodeScalars.contains("\u{2019}")
                    {
                        break
                    }
                    if isCapitalised(words[end].text) {
                        end += 1
                    } else if ["bin", "al", "de", "da", "van", "von", "del"].contains(words[end].text)
                        || ((words[end].text == "of" || words[end].text == "for") && joinsWithOf(words[end - 1].text)),
                        end + 1 < words.count, gap(end + 1) == " " || gap(end + 1) == "-",
                        isCapitalised(words[end + 1].text) || words[end + 1].text == "the"
                    {
                        end += 2
                    } else {
                        break
                    }
                }
                let names = words[index..<min(end, words.count)].map(\.text)
                var run = Run(
                    words: names,
                    text: String(decoding: sentenceBytes[words[index].start..<words[end - 1].end], as: UTF8.self),
                    precededBy: index > 0 ? words[index - 1].folded : nil, sentenceStart: index == 0,
                    title: [], followedByAcronym: nil,
                    followedBy: end < words.count && gap(end) == " " ? words[end].folded : nil)
                var next = end
                if end < words.count, gap(end).hasSuffix("("), MentionMatcher.isAcronym(words[end].text) {
                    run.followedByAcronym = words[end].text
                    next = end + 1
                }
                if end < words.count, gap(end) == "\u{2019}s " || gap(end) == "'s " {
                    run.followedBy = "'s " + words[end].folded
                }
                // "in Vienna, Austria": a name right after a place and a comma is part of the address,
                // unless it owns something ("Saudi Arabia's energy minister").
                if index > 2, gap(index) == ", ", isCapitalised(words[index - 1].text),
                    placePrepositions.contains(words[index - 2].folded), !(run.followedBy?.hasPrefix("'s") ?? false)
                {
                    run.precededBy = "in"
                }
                result.append(run)
                index = next
            }
        }
        return result
    }

    /// The number of words of a title written with hyphens ("Secretary-General", "Editor-in-Chief")
    /// starting at `start`, if one does; `gap` gives the text before a word.
    static func hyphenatedTitle(at start: Int, in words: [MentionMatcher.Word], gap: (Int) -> String) -> Int? {
        hyphenatedTitles.first { title in
            start + title.count <= words.count && words[start..<(start + title.count)].map(\.text) == title
                && (start + 1..<(start + title.count)).allSatisfy { gap($0) == "-" }
        }?.count
    }

    /// The titles written with hyphens, split into their words.
    static let hyphenatedTitles = Gazetteer.titles.filter { $0.contains("-") }.map(titleWords)

    /// A title's words as a run holds them, split at spaces and hyphens.
    static func titleWords(_ title: String) -> [String] {
        MentionMatcher.words(in: title).map(\.text)
    }

    /// First words of titles that go on with "of" ("Chief of Staff", "Head of Mission").
    static let titleWordsBeforeOf = Set(
        Gazetteer.titles.map(PartyExtractor.titleWords).filter { $0.count > 2 && $0[1] == "of" }.map { $0[0] })

    /// "Secretary of State", "Organization of the Petroleum Exporting Countries", "Institute of
    /// Technology" join across "of", "Bank for International Settlements" across "for"; "David
    /// Hicks of Australia" does not.
    static func joinsWithOf(_ word: String) -> Bool {
        let folded = word.lowercased()
        return Gazetteer.organisationWords.contains(folded) || Gazetteer.titles.contains(word)
            || titleWordsBeforeOf.contains(word)
            || ["institute", "university", "bank", "republic", "state", "secretary", "minister", "house"].contains(
                folded)
    }

    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return first.isUppercase
    }
}

/// Collects the runs of all articles into parties, resolving short forms to full names.
struct PartyTable {
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var loneWords = Set<String>()
    /// Surnames and single names seen on their own, by spelling, resolved once all full names
    /// are known. Their uses are numbered across the articles in order, and each spelling keeps
    /// only the numbers and counts those rules read: some hundred thousand uses at 1,000
    /// articles, of a few thousand spellings.
    private var singles: [String: SingleUses] = [:]
    /// How many uses of single words the articles added so far hold.
    private var singleCount = 0

    /// The uses of one single word's spelling, across the articles or within one.
    struct SingleUses: Equatable, Sendable {
        var name: String
        /// The number of its first use.
        var first: Int
        /// Its first use followed by "administration", and by "'s team".
        var administration: Int?
        var team: Int?
        /// How many uses act on their own (not after a preposition of place), and the first of them.
        var acting = 0
        var firstActing: Int?
        /// The article of that first acting use.
        var firstActingPath: String?

        /// These uses, then `later`'s (numbered from 0 within their article), which begin `offset` uses on.
        mutating func add(_ later: SingleUses, offset: Int, path: String) {
            administration = administration ?? later.administration.map { $0 + offset }
            team = team ?? later.team.map { $0 + offset }
            acting += later.acting
            if firstActing == nil, let next = later.firstActing {
                firstActing = next + offset
                firstActingPath = path
            }
        }
    }

    struct Entry {
        var name: String
        var kind: Party.Kind
        var role: String?
        var aliases: [String] = []
        var actor = false
        var path: String
    }

    /// What a name says of a party, from its run alone.
    struct Record: Equatable, Sendable {
        /// The name's key, as the matcher folds it.
        var key: String
        var name: String
        var kind: Party.Kind
        var alias: String?
        var role: String?
        var actor: Bool
    }

    /// What one run names.
    enum Finding: Equatable, Sendable {
        case party(Record)
        /// Two words or more without a title or a common first name: a person only when some
        /// article up to this one uses the last word alone.
        case personIfSurnameAlone(Record, surname: String)
        /// One word, resolved once all full names are known.
        case single(name: String, precededBy: String?, followedBy: String?)
    }

    /// What an article's runs name, and the words it uses on their own.
    struct Findings: Equatable, Sendable {
        var loneWords: [String] = []
        var findings: [Finding] = []
        /// Its single words, in order of first use, their uses numbered within the article.
        var singles: [SingleUses] = []
        /// How many uses of single words it holds.
        var singleCount = 0
    }

    static func findings(_ runs: [PartyExtractor.Run]) -> Findings {
        var result = Findings()
        // Where each single word's spelling sits in `result.singles`.
        var place: [String: Int] = [:]
        // Single words seen on their own; a two-word name whose last word is among them is a person ("Buhari").
        var lone = Set<String>()
        for run in runs where run.words.count == 1 && !run.sentenceStart && lone.insert(run.words[0]).inserted {
            result.loneWords.append(run.words[0])
        }
        for var run in runs {
            // Sentence openers and leading articles are not part of a name.
            while let first = run.words.first, Gazetteer.notNames.contains(first.lowercased()),
                run.sentenceStart || ["The", "A", "An"].contains(first)
            {
                run.words.removeFirst()
                run.precededBy = first.lowercased()
                if let space = run.text.firstIndex(of: " ") {
                    run.text = String(run.text[run.text.index(after: space)...])
                } else {
                    run.text = ""
                }
            }
            guard !run.words.isEmpty, let finding = finding(run) else { continue }
            guard case .single(let name, let precededBy, let followedBy) = finding else {
                result.findings.append(finding)
                continue
            }
            let use = result.singleCount
            result.singleCount += 1
            let acting = !(precededBy.map(PartyExtractor.placePrepositions.contains) ?? false)
            let one = SingleUses(
                name: name, first: use, administration: followedBy == "administration" ? use : nil,
                team: followedBy == "'s team" ? use : nil, acting: acting ? 1 : 0, firstActing: acting ? use : nil)
            if let index = place[name] {
                result.singles[index].add(one, offset: 0, path: "")
            } else {
                place[name] = result.singles.count
                result.singles.append(one)
            }
        }
        return result
    }

    mutating func add(_ findings: Findings, path: String) {
        loneWords.formUnion(findings.loneWords)
        for finding in findings.findings {
            switch finding {
            case .party(let found):
                record(found, path: path)
            case .personIfSurnameAlone(let found, let surname):
                if loneWords.contains(surname) { record(found, path: path) }
            case .single:
                // Gathered by spelling into `findings.singles`.
                break
            }
        }
        for uses in findings.singles {
            if let place = singles.index(forKey: uses.name) {
                singles.values[place].add(uses, offset: singleCount, path: path)
            } else {
                var first = SingleUses(name: uses.name, first: singleCount + uses.first)
                first.add(uses, offset: singleCount, path: path)
                singles[uses.name] = first
            }
        }
        singleCount += findings.singleCount
    }

    private static func finding(_ run: PartyExtractor.Run) -> Finding? {
        func record(_ name: String, kind: Party.Kind, alias: String?, role: String?, actor: Bool) -> Finding {
            .party(
                Record(
                    key: MentionMatcher.key(name), name: name, kind: kind, alias: alias, role: role, actor: actor))
        }
        var words = run.words
        // A title, possibly after a demonym or country: "Russian President", "US President", "Secretary of State".
        var title: [String] = []
        while !words.isEmpty {
            if let titleWords = Self.leadingTitle(words), titleWords < words.count {
                title += words[..<titleWords]
                words.removeFirst(titleWords)
            } else if words.count > 2,
                Self.country(forDemonymOrName: words[0]) != nil || MentionMatcher.isAcronym(words[0])
                    || ["Former", "Acting", "Then", "Interim", "Deputy"].contains(words[0])
                    || Self.isDemonymShaped(words[0]),
                Self.leadingTitle(Array(words.dropFirst())) != nil
            {
                title.append(words.removeFirst())
            } else {
                break
            }
        }
        // A title the gazetteer does not list ends in a word for a person before a name of two or
        // three words ("Market Analyst Emil Quinard", "Global Health Council Emergencies Chief
        // Tarek Koas"): one person across articles, whichever title each gives.
        if words.count >= 3,
            let end = (1...(words.count - 2)).last(where: {
                Self.isPersonWord(words[$0 - 1]) || Self.endsWithTitle(words[..<$0])
            }),
            words.count - end <= 3,
            // One person's title, not a group ("Nigerians Welcome Buhari"), before a given name.
            TermExtractor.singular(words[end - 1].lowercased()) == words[end - 1].lowercased(),
            Gazetteer.firstNames.contains(words[end]) || CommonWords.frequency(words[end].lowercased()) < 4.5,
            words[end...].allSatisfy({ word in
                !Gazetteer.titles.contains(word) && !Gazetteer.organisationWords.contains(word.lowercased())
                    && !TermExtractor.stopWords.contains(word.lowercased()) && word.first?.isUppercase == true
            })
        {
            title += words[..<end]
            words.removeFirst(end)
        }
        let titleText = title.joined(separator: " ")
        // A lowercase title right before the name: "chairman Attahiru Jega".
        if title.isEmpty, let before = run.precededBy, Gazetteer.titles.contains(before) {
            title = [before]
        }
        let last = words.last?.lowercased() ?? ""
        let name =
            title.isEmpty
            ? run.text
            : run.text.hasPrefix(titleText + " ")
                ? String(run.text.dropFirst(titleText.count + 1)) : words.joined(separator: " ")
        let folded = name.lowercased()
        if Gazetteer.regions.contains(where: { folded.hasPrefix($0) }) { return nil }
        // What is left after a title must itself be a name ("Secretary of the Treasury …" is not "of the …").
        guard let initial = name.first, initial.isUppercase else { return nil }
        // Shouted text (headlines in capitals) is not a run of names.
        if words.count >= 3, words.allSatisfy({ $0 == $0.uppercased() }) { return nil }
        let actor = !(run.precededBy.map(PartyExtractor.placePrepositions.contains) ?? false)
        if Gazetteer.regions.contains(folded) || Gazetteer.notNames.contains(folded) { return nil }
        if let seat = Gazetteer.governmentSeats.first(where: { $0.name == name }) {
            return record(
                seat.government, kind: .government, alias: seat.name,
                role: "Stands for the government of \(seat.country)", actor: true)
        }
        if let country = Self.country(forDemonymOrName: name) {
            if country.name == name || country.aliases.contains(name) || country.aliases.contains(name + ".") {
                return record(country.name, kind: .country, alias: name, role: nil, actor: actor)
            } else if name.hasSuffix("s"), country.demonyms.contains(name) {
                return record(country.name, kind: .country, alias: name, role: nil, actor: actor)
            }
            return nil
        }
        if let country = Self.countryByCapital[name] {
            guard actor else { return nil }
            return record(
                "Government of \(country.name)", kind: .government, alias: name,
                role: "\(country.name)'s government in \(name)", actor: true)
        }
        // Awards, competitions and things are not parties, but an organisation's acronym in them is ("FIFA").
        if words.count > 1, Gazetteer.thingWords.contains(last) {
            return words.first(where: { MentionMatcher.isAcronym($0) && $0.count >= 3 }).map {
                record($0, kind: .organisation, alias: nil, role: nil, actor: actor)
            }
        }
        if Gazetteer.organisations.contains(name) {
            return record(name, kind: .organisation, alias: run.followedByAcronym, role: nil, actor: actor)
        }
        // Acronyms are short; a long word in capitals is emphasis ("ANALYSIS").
        let isAcronymName =
            words.count == 1 && MentionMatcher.isAcronym(name) && (3...5).contains(name.count)
            && !Gazetteer.thingAcronyms.contains(name)
        // "AS Roma", "FC Barcelona": a club or company prefix; "SpaceX": a capital inside a word.
        let hasAcronymWord = words.count > 1 && words.contains { MentionMatcher.isAcronym($0) }
        let camelCase =
            words.count == 1 && name.dropFirst().contains(where: \.isUppercase) && name.contains(where: \.isLowercase)
            && !name.contains("'") && !name.contains("\u{2019}")
        // "Organisation of Grain Exporters", "Bank for International Settlements": an organisation
        // word, then "of" or "for".
        let organisationWord =
            words.dropFirst().contains { Gazetteer.organisationWords.contains($0.lowercased()) }
            || (words.count > 1 && Gazetteer.companyWords.contains(last))
            || (words.count > 2 && ["of", "for"].contains(words[1])
                && Gazetteer.organisationWords.contains(words[0].lowercased()))
        if organisationWord || isAcronymName || hasAcronymWord || camelCase {
            return record(name, kind: .organisation, alias: run.followedByAcronym, role: nil, actor: actor)
        }
        if words.count >= 2 {
            // A person: named with a title, or with a common first name, or whose surname the text also uses alone.
            guard Self.country(forDemonymOrName: words[0]) == nil, words.count <= 5, let surname = words.last,
                // "Port Selin", "Mount Kenya": a place.
                !Gazetteer.placeOpeners.contains(words[0])
            else {
                return nil
            }
            // The title as written, with its hyphens ("Secretary-General").
            let written = run.text.hasSuffix(" " + name)
            let person = Record(
                key: MentionMatcher.key(name), name: name, kind: .person,
                alias: title.isEmpty ? nil : written ? run.text : (title + words).joined(separator: " "),
                role: title.isEmpty
                    ? nil : written ? String(run.text.dropLast(name.count + 1)) : title.joined(separator: " "),
                actor: true)
            return !title.isEmpty || Gazetteer.firstNames.contains(words[0])
                ? .party(person) : .personIfSurnameAlone(person, surname: surname)
        }
        return .single(name: name, precededBy: run.precededBy, followedBy: run.followedBy)
    }

    /// A word whose usual sense is a person ("Analyst", "Chief"), or a title of the gazetteer's.
    static func isPersonWord(_ word: String) -> Bool {
        CommonWords.partOfSpeech(word.lowercased()) == .person || Gazetteer.titles.contains(word)
    }

    /// A word shaped like a nationality the gazetteer does not list ("Almarian", "Vardese"):
    /// before a title, it is part of the title ("Almarian Defence Minister Boris Ostenko").
    static func isDemonymShaped(_ word: String) -> Bool {
        guard word.count > 3, word.first?.isUppercase == true else { return false }
        return ["ian", "an", "ese", "ish", "i", "ic"].contains { word.hasSuffix($0) }
    }

    /// How many leading words form a title, if they do.
    static func leadingTitle(_ words: [String]) -> Int? {
        guard let first = words.first, let candidates = titlesByFirstWord[first] else { return nil }
        for title in candidates where words.count >= title.count && Array(words.prefix(title.count)) == title {
            return title.count
        }
        return nil
    }

    /// Titles by their first word, longest first, so "Secretary of State" wins over "Secretary".
    static let titlesByFirstWord: [String: [[String]]] = Dictionary(
        grouping: Gazetteer.titles.map(PartyExtractor.titleWords), by: { $0[0] }
    ).mapValues { $0.sorted { $0.count > $1.count } }

    /// Titles of more than one word by their last word.
    static let titlesByLastWord: [String: [[String]]] = Dictionary(
        grouping: Gazetteer.titles.map(PartyExtractor.titleWords).filter { $0.count > 1 }, by: { $0[$0.count - 1] })

    /// Whether the words end in a title of the gazetteer's of more than one word ("… Chief of Staff").
    static func endsWithTitle(_ words: ArraySlice<String>) -> Bool {
        guard let last = words.last, let titles = titlesByLastWord[last] else { return false }
        return titles.contains { words.count >= $0.count && words.suffix($0.count).elementsEqual($0) }
    }

    static func country(forDemonymOrName word: String) -> Gazetteer.Country? {
        let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
        return countryByName[bare] ?? countryByName[bare + "."]
    }

    /// Each country by its capital; every run is looked up, and the list has two hundred countries.
    static let countryByCapital: [String: Gazetteer.Country] = Dictionary(
        Gazetteer.countries.compactMap { country in country.capital.map { ($0, country) } },
        uniquingKeysWith: { first, _ in first })

    /// Each country by its name, aliases and demonyms; the first listed wins a shared one.
    static let countryByName: [String: Gazetteer.Country] = {
        var index: [String: Gazetteer.Country] = [:]
        for country in Gazetteer.countries {
            for name in [country.name] + country.aliases + country.demonyms where index[name] == nil {
                index[name] = country
            }
        }
        return index
    }()

    /// The name's key is looked up once, and its entry changed where it lies: a lookup for each
    /// of the entry's fields was most of putting the table together.
    private mutating func record(_ found: Record, path: String) {
        guard let place = entries.index(forKey: found.key) else {
            var entry = Entry(name: found.name, kind: found.kind, role: found.role, actor: found.actor, path: path)
            if let alias = found.alias, alias != found.name { entry.aliases.append(alias) }
            entries[found.key] = entry
            order.append(found.key)
            return
        }
        Self.update(&entries.values[place], with: found)
    }

    private static func update(_ entry: inout Entry, with found: Record) {
        if let alias = found.alias, alias != found.name, !entry.aliases.contains(alias) { entry.aliases.append(alias) }
        if entry.role == nil { entry.role = found.role }
        if found.actor { entry.actor = true }
    }

    /// Whether a nationality and a name share their stem: all of the name but its last two
    /// letters, and four letters at least ("Almarian" and "Almaris", "Veloran" and "Veloria").
    static func sharesStem(_ nationality: String, _ name: String) -> Bool {
        let common = zip(nationality, name).prefix { $0 == $1 }.count
        return common >= 4 && common >= name.count - 2 && nationality != name
    }

    /// The parties found, in order of first appearance; places that never act are left out.
    mutating func parties() -> [Party] {
        // The first person, in order of appearance, whose name ends with each word.
        var personBySurname: [String: String] = [:]
        for key in order where entries[key]?.kind == .person {
            if let last = key.split(separator: " ").last.map(String.init), personBySurname[last] == nil {
                personBySurname[last] = key
            }
        }
        // A surname alone joins the person whose name ends with it, as do "Name administration"
        // and "Name's team" after it: each in the order of its first use (twice the use's number,
        // and one more for a phrase, which comes after its name).
        var surnameAliases: [String: [(use: Int, alias: String)]] = [:]
        for uses in singles.values {
            guard let key = personBySurname[uses.name.lowercased()] else { continue }
            surnameAliases[key, default: []].append((2 * uses.first, uses.name))
            if let use = uses.administration {
                surnameAliases[key]?.append((2 * use + 1, "\(uses.name) administration"))
            }
            if let use = uses.team { surnameAliases[key]?.append((2 * use + 1, "\(uses.name)'s team")) }
        }
        for (key, aliases) in surnameAliases {
            for (_, alias) in aliases.sorted(by: { $0.use < $1.use })
            where !(entries[key]?.aliases.contains(alias) ?? true) {
                entries[key]?.aliases.append(alias)
            }
        }
        // A country the gazetteer does not list: one word that acts on its own at least twice,
        // no one's surname, whose nationality titles its people ("Almaris" beside "Almarian
        // Defence Minister Boris Ostenko", "Tessaly" beside "Tessalian President Esme Oris").
        var nationalities = Set<String>()
        for role in entries.values.compactMap(\.role) {
            for word in role.split(separator: " ").map(String.init)
            where Self.isDemonymShaped(word) && Self.country(forDemonymOrName: word) == nil {
                nationalities.insert(word)
            }
        }
        if !nationalities.isEmpty {
            // In the order of their first acting use.
            let acting = singles.values.filter { $0.acting >= 2 && personBySurname[$0.name.lowercased()] == nil }
                .sorted { ($0.firstActing ?? 0) < ($1.firstActing ?? 0) }
            for uses in acting {
                let name = uses.name
                let key = MentionMatcher.key(name)
                guard entries[key] == nil, nationalities.contains(where: { Self.sharesStem($0, name) }),
                    let path = uses.firstActingPath
                else { continue }
                entries[key] = Entry(name: name, kind: .country, path: path)
                entries[key]?.actor = true
                order.append(key)
            }
        }
        // "Organization of the Petroleum Exporting Countries (OPEC)" and "OPEC" are one
        // organisation: the one named first keeps its name, the other's becomes its alias.
        var position: [String: Int] = [:]
        for (index, key) in order.enumerated() { position[key] = index }
        for key in order {
            guard let entry = entries[key], entry.kind == .organisation else { continue }
            for alias in entry.aliases {
                let other = MentionMatcher.key(alias)
                guard other != key, let found = entries[other], found.kind == .organisation,
                    let first = position[key], let second = position[other]
                else { continue }
                let (kept, gone) = first < second ? (key, other) : (other, key)
                guard var keep = entries[kept], let drop = entries[gone] else { continue }
                for name in [drop.name] + drop.aliases where name != keep.name && !keep.aliases.contains(name) {
                    keep.aliases.append(name)
                }
                keep.actor = keep.actor || drop.actor
                if keep.role == nil { keep.role = drop.role }
                entries[kept] = keep
                entries[gone] = nil
            }
        }
        return order.compactMap { key -> Party? in
            guard let entry = entries[key], entry.actor else { return nil }
            let slug = Text.slug(entry.name)
            guard !slug.isEmpty else { return nil }
            return Party(
                slug: slug, name: entry.name, kind: entry.kind, role: entry.role, aliases: entry.aliases,
                description: "", path: entry.path + Extraction.pathSuffix)
        }
    }
}
