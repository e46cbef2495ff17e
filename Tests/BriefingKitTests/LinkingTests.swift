import Testing

@testable import BriefingKit

@Suite("Mention matching, sentences and linking")
struct LinkingTests {
    let matcher = MentionMatcher([
        ("Vladimir Putin", .party("putin")), ("Putin", .party("putin")),
        ("US", .party("us")), ("US President Donald Trump", .party("trump")), ("Trump", .party("trump")),
        ("Trump's team", .party("admin")), ("The White House", .party("wh")),
        ("ceasefire", .term("ceasefire")), ("maritime ceasefire", .term("maritime")),
        ("Ballon d'Or", .term("ballon")),
    ])

    func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map {
            String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) + "→" + $0.target.slug
        }
    }

    @Test func possessivesWithStraightAndCurlyApostrophes() {
        #expect(found("Putin's plan and Putin’s aides") == ["Putin→putin", "Putin→putin"])
        #expect(found("Trump’s team and Trump's team") == ["Trump’s team→admin", "Trump's team→admin"])
    }

    @Test func caseInsensitiveButAcronymsOnlyInCapitals() {
        #expect(found("PUTIN and putin") == ["PUTIN→putin", "putin→putin"])
        #expect(found("let us talk to the US") == ["US→us"])
    }

    @Test func longestNameWins() {
        #expect(found("US President Donald Trump spoke") == ["US President Donald Trump→trump"])
        #expect(
            found("a maritime ceasefire, then a ceasefire") == ["maritime ceasefire→maritime", "ceasefire→ceasefire"])
    }

    @Test func aNameInsideAPlacesNameIsNoMention() {
        let matcher = MentionMatcher([("Selin", .party("selin")), ("Ellis", .party("ellis"))])
        let text = "Selin flew to Port Selin, then to Ellis Bay; Ellis stayed. The port Selin chose, the bay Ellis saw."
        let bytes = Array(text.utf8)
        let found = matcher.matches(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(found == ["Selin", "Ellis", "Selin", "Ellis"])
    }

    @Test func wordsOfANameMustNotBeSplitByPunctuation() {
        #expect(found("maritime. Ceasefire") == ["Ceasefire→ceasefire"])
        #expect(found("maritime-ceasefire") == ["maritime-ceasefire→maritime"])
    }

    @Test func wholeWordsOnlyAndLeadingTheOptional() {
        #expect(found("Putinism and ceasefires") == [])
        #expect(found("the White House said; White House aides") == ["White House→wh", "White House→wh"])
        #expect(found("five-time Ballon d’Or winner") == ["Ballon d’Or→ballon"])
    }

    @Test func namesWithPunctuationMatchWhenTheTextWritesItTheSameWay() {
        let matcher = MentionMatcher([
            ("U.S.", .party("us")), ("AT&T", .party("att")), ("Procter & Gamble", .party("pg")),
            ("Washington, D.C.", .party("dc")),
        ])
        let text = "The U.S. has met AT&T and Procter &  Gamble in Washington, D.C. today; not U S or Procter Gamble."
        let bytes = Array(text.utf8)
        let found = matcher.matches(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(found == ["U.S.", "AT&T", "Procter &  Gamble", "Washington, D.C.", "U S", "Procter Gamble"])
    }

    @Test func utf8OffsetsSurviveMultibyteText() {
        let text = "Zürich — “Putin” said"
        let match = matcher.matches(in: text)[0]
        #expect(String(decoding: Array(text.utf8)[match.start..<match.end], as: UTF8.self) == "Putin")
    }

    @Test func sentencesRespectAbbreviationsAndQuotes() {
        let text = "Mr. Smith met U.S. officials on Jan. 5. He said \"no.\" Then 3 more came! Done"
        let bytes = Array(text.utf8)
        let sentences = Sentences.ranges(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(
            sentences == ["Mr. Smith met U.S. officials on Jan. 5.", "He said \"no.\"", "Then 3 more came!", "Done"])
    }

    static func content(events: [Event] = [], parties: [Party]? = nil) -> Content {
        Content(
            articles: [
                Article(
                    slug: "a", title: "T",
                    paragraphs: [
                        Paragraph(
                            number: 1, markdown: "Putin spoke. Later, *Putin* and Trump agreed on a ceasefire.", line: 3
                        ),
                        Paragraph(number: 2, markdown: "Nothing here.", line: 4),
                    ], path: "a.txt")
            ],
            parties: parties ?? [
                Party(
                    slug: "putin", name: "Vladimir Putin", kind: .person, aliases: ["Putin"], path: "parties/putin.md"),
                Party(slug: "trump", name: "Donald Trump", kind: .person, aliases: ["Trump"], path: "parties/trump.md"),
            ],
            terms: [Term(slug: "ceasefire", name: "ceasefire", definition: "A halt.", path: "terms/ceasefire.md")],
            events: events)
    }

    @Test func linkerRecordsMentionsWithQuotedSentencesAndBacklinks() throws {
        let event = Event(
            slug: "call", summary: "Call", date: "2025-03-18",
            sources: [Located("a#p1", at: SourceLocation(path: "events/call.md", line: 4))],
            parties: [Located("putin", at: SourceLocation(path: "events/call.md", line: 6))], path: "events/call.md")
        let site = try Linker.link(Self.content(events: [event]), config: SiteConfig())
        let putin = try #require(site.party("putin"))
        #expect(putin.mentions.count == 2)
        #expect(putin.mentions[0].quote == Quote(before: "", match: "Putin", after: " spoke."))
        #expect(
            putin.mentions[1].quote
                == Quote(before: "Later, ", match: "Putin", after: " and Trump agreed on a ceasefire."))
        #expect(putin.events == ["call"])
        #expect(site.term("ceasefire")?.events == ["call"])
        #expect(site.articles[0].paragraphs[0].events == ["call"])
        #expect(site.articles[0].paragraphs[1].events == [])
        #expect(site.articles[0].parties == ["putin", "trump"])
    }

    @Test func aFoundTermNoParagraphNamesHasNoPageAndAnEditorsTermKeepsIt() throws {
        var content = Self.content(events: [])
        content.terms += [
            Term(
                slug: "agents-law", name: "agents law", definition: "",
                path: "a.txt" + Extraction.pathSuffix),
            Term(slug: "truce-talks", name: "truce talks", definition: "", path: "terms/truce-talks.md"),
        ]
        let site = try Linker.link(content, config: SiteConfig())
        #expect(site.term("agents-law") == nil)
        #expect(site.term("truce-talks")?.mentions == [])
        #expect(site.term("ceasefire")?.mentions.count == 1)
    }

    @Test func unknownReferencesAreErrorsAtTheirLine() {
        let event = Event(
            slug: "call", summary: "Call",
            sources: [
                Located("a#p9", at: SourceLocation(path: "events/call.md", line: 4, column: 5)),
                Located("b#p1", at: SourceLocation(path: "events/call.md", line: 5, column: 5)),
                Located("a-p1", at: SourceLocation(path: "events/call.md", line: 6, column: 5)),
            ],
            parties: [Located("zelensky", at: SourceLocation(path: "events/call.md", line: 8, column: 5))],
            path: "events/call.md")
        #expect(
            throws: BuildFailure(
                stage: "link",
                diagnostics: [
                    .error("events/call.md", line: 4, column: 5, "source 'a#p9': article 'a' has paragraphs p1 to p2"),
                    .error("events/call.md", line: 5, column: 5, "source 'b#p1' names no article (articles: a)"),
                    .error(
                        "events/call.md", line: 6, column: 5,
                        "source 'a-p1' must be written article-slug#pN, e.g. 'a#p1'"),
                    .error(
                        "events/call.md", line: 8, column: 5,
                        "unknown party 'zelensky': no file parties/zelensky.md (known: putin, trump)"),
                ])
        ) {
            try Linker.link(Self.content(events: [event]), config: SiteConfig())
        }
    }

    @Test func aNameClaimedTwiceAndADuplicateSlugAreErrors() {
        let parties = [
            Party(slug: "putin", name: "Vladimir Putin", kind: .person, aliases: ["Putin"], path: "parties/putin.md"),
            Party(slug: "putin", name: "V. Putin", kind: .person, path: "parties/putin-2.md"),
            Party(slug: "vp", name: "VP", kind: .person, aliases: ["putin"], path: "parties/vp.md"),
        ]
        #expect(
            throws: BuildFailure(
                stage: "link",
                diagnostics: [
                    .error("parties/putin-2.md", "party slug 'putin' is already used by parties/putin.md"),
                    .error("parties/vp.md", "name or alias 'putin' is also claimed by parties/putin.md"),
                ])
        ) {
            try Linker.link(Self.content(parties: parties), config: SiteConfig())
        }
    }

    /// The editors' events come first in the merged list, before any found one; two of them
    /// with one slug are an error, found events after them are not looked into.
    @Test func twoEditorsEventsWithOneSlugAreAnError() {
        func event(_ path: String) -> Event {
            Event(
                slug: "call", summary: "Call",
                sources: [Located("a#p1", at: SourceLocation(path: path, line: 4, column: 5))], path: path)
        }
        var found = event("articles/a.txt" + Extraction.pathSuffix)
        found.slug = "call-a"
        #expect(
            throws: BuildFailure(
                stage: "link",
                diagnostics: [.error("events/call-2.md", "event slug 'call' is already used by events/call.md")])
        ) {
            try Linker.link(
                Self.content(events: [event("events/call.md"), event("events/call-2.md"), found]), config: SiteConfig())
        }
        #expect(throws: Never.self) {
            try Linker.link(Self.content(events: [event("events/call.md"), found]), config: SiteConfig())
        }
    }

    @Test func sameAsMergesAPartyIntoAnotherAndRefusesCycles() throws {
        var kremlin = Party(slug: "kremlin", name: "The Kremlin", kind: .government, path: "parties/kremlin.md")
        kremlin.sameAs = Located("putin", at: SourceLocation(path: "parties/kremlin.md", line: 4, column: 1))
        var parties = Self.content().parties + [kremlin]
        let site = try Linker.link(Self.content(parties: parties), config: SiteConfig())
        #expect(site.parties.map(\.party.slug) == ["trump", "putin"])
        #expect(site.party("putin")?.party.aliases == ["Putin", "The Kremlin"])

        var putin = parties[0]
        putin.sameAs = Located("kremlin", at: SourceLocation(path: "parties/putin.md", line: 5, column: 1))
        parties[0] = putin
        #expect(
            throws: BuildFailure(
                stage: "link",
                diagnostics: [
                    .error(
                        "parties/kremlin.md", line: 4, column: 1, "same_as makes a cycle: kremlin → putin → kremlin"),
                    .error("parties/putin.md", line: 5, column: 1, "same_as makes a cycle: putin → kremlin → putin"),
                ])
        ) {
            try Linker.link(Self.content(parties: parties), config: SiteConfig())
        }
    }

    @Test func timelineOrdersDatedEventsAndPutsUndatedPlannedOnesLast() throws {
        func event(_ slug: String, date: String?, order: Int = 0, status: Event.Status = .past) -> Event {
            Event(
                slug: slug, summary: slug, date: date, when: date == nil ? "later" : nil, order: order, status: status,
                sources: [Located("a#p1", at: SourceLocation(path: "e.md"))], path: "e.md")
        }
        let site = try Linker.link(
            Self.content(events: [
                event("plan", date: nil, status: .planned), event("second", date: "2025-03-18", order: 2),
                event("first", date: "2025-03-18", order: 1), event("earlier", date: "2025-03-11"),
            ]), config: SiteConfig())
        #expect(site.events.map(\.event.slug) == ["earlier", "first", "second", "plan"])
    }

    /// A rebuild sorts only the events it linked anew and puts each among the kept ones; the
    /// timeline must come out as a whole sort gives it, whichever events come and go.
    @Test func aTimelineMendedFromTheLastIsTheTimelineSortedWhole() {
        var generator = SystemRandomNumberGenerator()
        func event(_ number: Int) -> LinkedEvent {
            let day = Int.random(in: 0..<40, using: &generator)
            return LinkedEvent(
                event: Event(
                    slug: "event-\(number)", summary: "Event \(number).",
                    date: day == 0 ? nil : "2025-03-\(String(format: "%02d", day % 28 + 1))",
                    order: Int.random(in: 0..<3, using: &generator), status: day == 1 ? .planned : .past,
                    sources: [], path: "a.txt"),
                citations: [], parties: [])
        }
        func wholeSort(_ events: [LinkedEvent]) -> [String] {
            events.sorted { Linker.timelineKey($0) < Linker.timelineKey($1) }.map(\.event.slug)
        }
        for round in 0..<50 {
            let all = (0..<400).map(event)
            let last = Linker.inTimelineOrder(all, last: [])
            #expect(last.map(\.event.slug) == wholeSort(all))
            // Some events gone, some new, the rest the very objects of the last build, in any order.
            let gone = Set((0..<Int.random(in: 0...20, using: &generator)).map { _ in Int.random(in: 0..<400) })
            let added = (0..<(round % 5 == 0 ? 0 : Int.random(in: 1...30, using: &generator))).map { event(1000 + $0) }
            let now = (all.enumerated().filter { !gone.contains($0.offset) }.map(\.element) + added).shuffled()
            #expect(Linker.inTimelineOrder(now, last: last).map(\.event.slug) == wholeSort(now))
            // The same when the new and gone events are known beforehand, as the memo knows them.
            let known = EventChange(
                fresh: added, gone: all.enumerated().filter { gone.contains($0.offset) }.map(\.element))
            #expect(Linker.ordered(now, last: last, change: known).events.map(\.event.slug) == wholeSort(now))
        }
    }

    /// The first planned events found from the last build's, where only a few places hold
    /// another event, are the ones a walk over the whole timeline finds.
    @Test func theFirstPlannedEventsMendedFromTheLastAreTheOnesAWalkFinds() {
        var generator = SystemRandomNumberGenerator()
        func event(_ number: Int, planned: Bool) -> LinkedEvent {
            LinkedEvent(
                event: Event(
                    slug: "event-\(number)", summary: "Event \(number).", status: planned ? .planned : .past,
                    sources: [], path: "a.txt"),
                citations: [], parties: [])
        }
        func walk(_ events: [LinkedEvent]) -> [Int] {
            Array(events.indices.filter { events[$0].event.status == .planned }.prefix(2))
        }
        for round in 0..<200 {
            // From no planned event to many, so that the last build had none, one, or two of several.
            let share = [0, 2, 20, 200][round % 4]
            let last = (0..<300).map { event($0, planned: Int.random(in: 0..<1000, using: &generator) < share) }
            let lastPlaces = PageRenderer.firstPlanned(last, updating: nil)
            #expect(lastPlaces == walk(last))
            // A few places given another event, planned or not; sometimes the list grows.
            var now = last
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let place =
                    round % 3 == 0 && !lastPlaces.isEmpty ? lastPlaces.randomElement()! : Int.random(in: 0..<300)
                now[place] = event(1000 + place, planned: Bool.random(using: &generator))
            }
            if round % 10 == 9 { now.append(event(2000, planned: true)) }
            #expect(PageRenderer.firstPlanned(now, updating: (lastPlaces, last)) == walk(now), "round \(round)")
        }
    }

    /// An event edited in place changes no list of events, so the lists of the paragraphs,
    /// parties and terms are kept; one whose slug, place, citations or parties changed does.
    @Test func anEventEditedInPlaceChangesNoList() {
        func event(
            _ slug: String, summary: String = "Said.", date: String? = nil, order: Int = 1,
            cites: Int = 1, parties: [String] = ["a"]
        ) -> LinkedEvent {
            LinkedEvent(
                event: Event(slug: slug, summary: summary, date: date, order: order, sources: [], path: "a.txt"),
                citations: [Citation(article: "a", paragraph: cites)], parties: parties)
        }
        let was = [event("one"), event("two"), event("three"), event("four"), event("five"), event("six")]
        let now = [
            event("one", summary: "Said again."), event("two", date: "2025-03-01"), event("three", order: 2),
            event("four", cites: 2), event("five", parties: ["b"]), event("seven"),
        ]
        let listed = EventChange(fresh: now, gone: was).listed
        #expect(listed.fresh.map(\.event.slug) == ["two", "three", "four", "five", "seven"])
        #expect(listed.gone.map(\.event.slug) == ["two", "three", "four", "five", "six"])
        #expect(listed.fresh.allSatisfy { fresh in now.contains { $0 === fresh } })
        #expect(listed.gone.allSatisfy { gone in was.contains { $0 === gone } })
        #expect(EventChange(fresh: now, gone: []).listed.fresh.count == now.count)
    }

    /// An event kept from the last build lists a term its paragraph names now and did not
    /// before: the term's events are worked out again from what the paragraph names.
    @Test func aTermNewlyNamedBesideAKeptEventListsIt() throws {
        let event = Event(
            slug: "call", summary: "Call", date: "2025-03-18",
            sources: [Located("a#p2", at: SourceLocation(path: "events/call.md", line: 4))], path: "events/call.md")
        var content = Self.content(events: [event])
        var memo = Linker.Kept()
        let before = try Linker.link(content, config: SiteConfig(), memo: &memo)
        #expect(before.term("ceasefire")?.events == [])
        content.articles[0].paragraphs[1].markdown = "Nothing here but a ceasefire."
        let after = try Linker.link(content, config: SiteConfig(), memo: &memo)
        #expect(after.events.first === before.events.first, "the event is the one the last build linked")
        #expect(after.term("ceasefire")?.events == ["call"])
        #expect(after == (try Linker.link(content, config: SiteConfig())))
    }

    /// Rebuilds that rename, move, add and drop a few events give the site a fresh link gives: the
    /// parties' lists mended by putting new events in place, the paragraphs' and the terms' read
    /// through the places kept a run at a time.
    @Test func listsMendedFromTheLastBuildAreTheOnesAFreshLinkGives() throws {
        var generator = SystemRandomNumberGenerator()
        let parties = [["putin"], ["trump"], ["putin", "trump"], []]
        func event(_ number: Int) -> Event {
            let line = SourceLocation(path: "events/e\(number).md", line: 4)
            return Event(
                slug: "e\(number)", summary: "Event \(number)",
                date: "2025-03-\(10 + Int.random(in: 0..<9, using: &generator))",
                sources: [Located("a#p\(Int.random(in: 1...2, using: &generator))", at: line)],
                parties: parties.randomElement(using: &generator)!.map { Located($0, at: line) },
                path: "events/e\(number).md")
        }
        var events = (0..<40).map(event)
        var memo = Linker.Kept()
        var next = 40
        for round in 0..<60 {
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where events.count > 1: events.remove(at: Int.random(in: 0..<events.count, using: &generator))
                case 1:
                    events.append(event(next))
                    next += 1
                default:
                    // The same event written again: a new date, paragraph or parties.
                    let place = Int.random(in: 0..<events.count, using: &generator)
                    let slug = events[place].slug
                    events[place] = event(0)
                    events[place].slug = slug
                }
            }
            let content = Self.content(events: events)
            let mended = try Linker.link(content, config: SiteConfig(), memo: &memo)
            #expect(mended == (try Linker.link(content, config: SiteConfig())), "round \(round)")
        }
    }

    /// Events kept from the last build while parties come and go, a party is merged into
    /// another and apart again, and an article comes, goes and gains or loses paragraphs, are
    /// linked as a fresh link links them: an event naming a party that now resolves otherwise,
    /// or citing an article whose paragraphs changed, is linked again, and one naming a party or
    /// citing a paragraph that went is an error again.
    @Test func eventsKeptWhilePartiesAndArticlesChangeAreLinkedAsAFreshLinkLinksThem() throws {
        var generator = SplitMix(seed: 16)
        let line = SourceLocation(path: "parties/x.md", line: 4)
        func party(_ slug: String) -> Party {
            Party(slug: slug, name: "Party \(slug)", kind: .group, path: "parties/\(slug).md")
        }
        var kremlin = party("kremlin")
        var extra: [String] = []
        var removed: [String] = []
        var next = 0
        var failures = 0
        var events: [Event] = []
        func event(_ number: Int, naming known: [String]) -> Event {
            let site = SourceLocation(path: "events/e\(number).md", line: 4)
            return Event(
                slug: "e\(number)", summary: "Event \(number)", date: "2025-03-1\(number % 10)",
                sources: [
                    Located(
                        // A leading "#" is read past, as the source splits.
                        ["a#p1", "a#p2", "b#p1", "b#p2", "b#p3", "#b#p2"].randomElement(using: &generator)!,
                        at: site)
                ],
                parties: known.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator)).map {
                    Located($0, at: site)
                }, path: "events/e\(number).md")
        }
        // The second article's paragraphs; none while it is gone.
        var second = 2
        var memo = Linker.Kept()
        for round in 0..<120 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 5:
                second = Int.random(in: 0...3, using: &generator)
            case 0:
                kremlin.sameAs = kremlin.sameAs == nil ? Located("putin", at: line) : nil
            case 1:
                // A party comes, or one that went comes back.
                if !removed.isEmpty, Bool.random(using: &generator) {
                    extra.append(removed.removeLast())
                } else {
                    extra.append("p\(next)")
                    next += 1
                }
            case 2:
                // A party goes, even while events name it: those are then errors.
                if !extra.isEmpty {
                    removed.append(extra.remove(at: Int.random(in: 0..<extra.count, using: &generator)))
                }
            default:
                let known = ["putin", "trump", "kremlin"] + extra
                if events.count > 6, Bool.random(using: &generator) {
                    events.remove(at: Int.random(in: 0..<events.count, using: &generator))
                } else {
                    events.append(event(round, naming: known))
                }
            }
            var content = Self.content(
                events: events, parties: Self.content().parties + [kremlin] + extra.map(party))
            if second > 0 {
                content.articles.append(
                    Article(
                        slug: "b", title: "B",
                        paragraphs: (1...second).map { Paragraph(number: $0, markdown: "Trump spoke.", line: $0 + 2) },
                        path: "b.txt"))
            }
            let mended = Result { () throws(BuildFailure) in
                try Linker.link(content, config: SiteConfig(), memo: &memo)
            }
            let fresh = Result { () throws(BuildFailure) in try Linker.link(content, config: SiteConfig()) }
            #expect(mended == fresh, "round \(round)")
            failures += (try? fresh.get()) == nil ? 1 : 0
        }
        // Some rounds linked events whose parties had gone.
        #expect(failures > 0)
    }

    /// Articles added and removed anywhere in the list move the others: the backlinks, the
    /// parties' and the terms' events kept from the last build must read as a fresh link's.
    @Test func articlesComingAndGoingAreLinkedAsAFreshLinkLinksThem() throws {
        var generator = SplitMix(seed: 41)
        let words = ["ceasefire", "sanctions", "tariff"]
        let terms = words.map { Term(slug: $0, name: $0, definition: "A word.", path: "terms/\($0).md") }
        let parties = Self.content().parties
        func paragraphs() -> [Paragraph] {
            (1...Int.random(in: 1...3, using: &generator)).map { number in
                let named = words.filter { _ in Bool.random(using: &generator) }
                return Paragraph(
                    number: number, markdown: "Putin spoke of \(named.joined(separator: " and ")). Trump listened.",
                    line: number + 2)
            }
        }
        // Present articles by slug, with their paragraphs; events by slug, with the article they cite.
        var articles: [String: [Paragraph]] = ["a": paragraphs(), "c": paragraphs()]
        var events: [String: (article: String, paragraph: Int)] = [:]
        var next = 0
        var memo = Linker.Kept()
        for round in 0..<150 {
            let slug = ["a", "b", "c", "d", "e"].randomElement(using: &generator)!
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                // An article comes, or goes with the events citing it.
                if articles[slug] == nil {
                    articles[slug] = paragraphs()
                } else if articles.count > 1 {
                    articles[slug] = nil
                    events = events.filter { $0.value.article != slug }
                }
            case 1:
                if articles[slug] != nil { articles[slug] = paragraphs() }
            default:
                if let cited = articles[slug] {
                    events["e\(next)"] = (slug, Int.random(in: 1...cited.count, using: &generator))
                    next += 1
                } else if let gone = events.keys.sorted().first {
                    events[gone] = nil
                }
            }
            // An edited article may have fewer paragraphs than an event cites: those go too.
            events = events.filter { $0.value.paragraph <= articles[$0.value.article]?.count ?? 0 }
            let content = Content(
                articles: articles.keys.sorted().map { slug in
                    Article(slug: slug, title: slug.uppercased(), paragraphs: articles[slug]!, path: "\(slug).txt")
                },
                parties: parties, terms: terms,
                events: events.keys.sorted().enumerated().map { day, slug in
                    let site = SourceLocation(path: "events/\(slug).md", line: 4)
                    let (article, paragraph) = events[slug]!
                    return Event(
                        slug: slug, summary: "Event \(slug)", date: "2025-03-\(10 + day % 18)",
                        sources: [Located("\(article)#p\(paragraph)", at: site)], parties: [Located("putin", at: site)],
                        path: "events/\(slug).md")
                })
            let mended = try Linker.link(content, config: SiteConfig(), memo: &memo)
            let fresh = try Linker.link(content, config: SiteConfig())
            #expect(mended == fresh, "round \(round)")
        }
    }

    /// A source is read as splitting it at its first "#" reads it, leading "#"s passed over, for
    /// every string of a few letters, "#"s and digits.
    @Test func aSourceIsReadAsItsSplitReadsIt() {
        var generator = SplitMix(seed: 3)
        for _ in 0..<5_000 {
            let source = String(
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in "a#p1".randomElement(using: &generator)! })
            let parts = source.split(separator: "#", maxSplits: 1)
            let read = Linker.sourceParts(source)
            #expect(
                read.map { [$0.article, $0.rest] } == (parts.count == 2 ? Array(parts) : nil), "\(source)")
        }
    }

    /// The index of a timeline where a few events were renamed, moved, swapped, added or taken
    /// out, mended from the last build's (itself mended from the one before), gives every slug
    /// the place an index made afresh gives it.
    @Test func anIndexMendedFromTheLastFindsEveryEventWhereAFreshOneDoes() {
        func event(_ slug: String) -> LinkedEvent {
            LinkedEvent(
                event: Event(slug: slug, summary: "Said.", sources: [], path: "a.txt"), citations: [], parties: [])
        }
        func site(_ events: [LinkedEvent]) -> Site {
            Site(config: SiteConfig(), articles: [], parties: [], terms: [], events: events)
        }
        var timeline = (0..<2000).map { event("e\($0)") }
        var index = Site.Index(site(timeline))
        var seen = Set(timeline.map(\.event.slug))
        let edits: [(String, ([LinkedEvent]) -> [LinkedEvent])] = [
            (
                "renamed, replaced, swapped and a slug taken over",
                { last in
                    var now = last
                    now[3] = event("renamed")
                    now[7] = event("e7")
                    now.swapAt(10, 12)
                    now[15] = event("e3")
                    return now
                }
            ),
            (
                "added here and there",
                { last in
                    var now = last
                    for place in [1990, 1200, 400, 0] { now.insert(event("new\(place)"), at: place) }
                    return now
                }
            ),
            ("taken out", { last in last.enumerated().filter { $0.offset % 97 != 5 }.map(\.element) }),
            (
                "one gone and one added under its slug elsewhere",
                { last in
                    var now = last
                    let gone = now.remove(at: 50)
                    now.insert(event(gone.event.slug), at: 1500)
                    return now
                }
            ),
            (
                "a long run added",
                { last in Array(last.prefix(600)) + (0..<300).map { event("run\($0)") } + last.dropFirst(600) }
            ),
            ("every event new", { last in last.map { event($0.event.slug + "-again") } }),
        ]
        for (what, edit) in edits {
            timeline = edit(timeline)
            seen.formUnion(timeline.map(\.event.slug))
            index = Site.Index(site(timeline), updating: index)
            let fresh = Site.Index(site(timeline))
            for slug in seen where index.position(ofEvent: slug) != fresh.position(ofEvent: slug) {
                Issue.record(
                    "\(what): \(slug) at \(String(describing: index.position(ofEvent: slug))), not \(String(describing: fresh.position(ofEvent: slug)))"
                )
            }
        }
    }
}
