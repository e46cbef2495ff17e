import Foundation
import Testing

@testable import BriefingKit

@Suite("Finding key terms in the text")
struct TermExtractionTests {
    static func article(_ paragraphs: [String], title: String = "A headline") -> Article {
        Article(
            slug: "a", title: title,
            paragraphs: paragraphs.enumerated().map { Paragraph(number: $0 + 1, markdown: $1, line: $0 + 3) },
            path: "a.txt")
    }

    /// Checks that the terms found in `paragraphs`, one article, include `found` and none of `notFound`.
    static func expectTerms(
        in paragraphs: [String], found: [String], notFound: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let names = Set(TermExtractor.terms(in: [article(paragraphs)], parties: []).map(\.name))
        for right in found {
            #expect(
                names.contains(right), "\(right) should be a term: \(names.sorted())", sourceLocation: sourceLocation)
        }
        for wrong in notFound {
            #expect(
                !names.contains(wrong), "\(wrong) should not be a term: \(names.sorted())",
                sourceLocation: sourceLocation)
        }
    }

    @Test func theSeedsTermsAreFoundAndItsNamesPlacesAndDatesAreNot() {
        let parties = PartyExtractor.parties(in: [ExtractionTests.seed])
        let terms = TermExtractor.terms(in: [ExtractionTests.seed], parties: parties)
        let names = Set(terms.map(\.name))
        for expected in ["ceasefire", "energy infrastructure", "maritime ceasefire", "technical-level talks"] {
            #expect(names.contains(expected), "missing \(expected) in \(names.sorted())")
        }
        // "truce" is the same thing as "ceasefire" here, so it is a form of that term, not another.
        #expect(terms.first { $0.name == "ceasefire" }?.aliases.contains("truce") == true)
        let partyNames = Set(parties.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() })
        for term in terms {
            let words = Set(term.name.lowercased().split(separator: " ").map(String.init))
            #expect(!partyNames.contains(term.name.lowercased()), "\(term.name) is a party")
            #expect(words.isDisjoint(with: ["putin", "trump", "jeddah", "kyiv", "week", "march", "middle", "the"]))
        }
        #expect(terms.count <= 7)
        #expect(terms.allSatisfy { $0.definition.isEmpty && $0.path.hasSuffix("(extracted)") })
    }

    @Test func variantsAreOneTerm() {
        let article = Self.article([
            "Two dozen aftershocks followed the earthquake. The cease fire held, and the ceasefire was extended.",
            "One aftershock was strong. Roads cracked in the quake, and a cease-fire monitor counted each aftershock.",
        ])
        let terms = TermExtractor.terms(in: [article], parties: [])
        let aftershock = terms.first { TermExtractor.mergeKey($0.name) == "aftershock" }
        #expect(aftershock?.name == "aftershock" && aftershock?.aliases == ["aftershocks"])
        let ceasefire = terms.first { TermExtractor.mergeKey($0.name) == "ceasefire" }
        let ceasefireForms = Set([ceasefire?.name].compactMap { $0 } + (ceasefire?.aliases ?? []))
        #expect(ceasefireForms.isSuperset(of: ["cease fire", "ceasefire"]))
        let earthquake = terms.first { TermExtractor.mergeKey($0.name) == "earthquake" }
        #expect(earthquake?.name == "earthquake" && earthquake?.aliases == ["quake"])
        #expect(Set(terms.map { TermExtractor.mergeKey($0.name) }).count == terms.count)
    }

    @Test func clausesRolesAndEverydayWordsAreNotTerms() {
        let article = Self.article([
            "The decision sent oil prices up, and the energy minister said the talks were productive.",
            "The energy minister conceded defeat. Oil prices fell after the talks, and the decision was final.",
        ])
        let names = Set(TermExtractor.terms(in: [article], parties: []).map(\.name))
        #expect(names.contains("oil prices"))
        for wrong in ["energy minister", "conceded defeat", "decision sent oil prices", "talks", "decision"] {
            #expect(!names.contains(wrong), "\(wrong) should not be a term")
        }
    }

    @Test func aVerbBeforeATermIsNotPartOfIt() {
        let article = Self.article([
            "The agreement does not cover ransomware, which Almaris traded accusations over. Ransomware hit ports.",
            "Estoria accused Almaris of using troop rotation as a bargaining chip. Troop rotation resumed in May.",
            "Estorian voters support sanctions relief, a poll found. Sanctions relief is far off, and troop rotation is slow.",
            "The doctors walkout closed clinics. Ransomware spread as the doctors walkout went on, and enriched uranium left.",
            "Inspectors counted the enriched uranium. Sanctions relief would follow.",
            "The enriched uranium was sealed.",
        ])
        let names = Set(TermExtractor.terms(in: [article], parties: []).map(\.name))
        #expect(
            names.isSuperset(of: ["ransomware", "troop rotation", "sanctions relief", "doctors walkout"]),
            "\(names.sorted())")
        #expect(names.contains("enriched uranium"), "\(names.sorted())")
        for wrong in [
            "cover ransomware", "using troop rotation", "voters support sanctions relief", "support sanctions relief",
        ] {
            #expect(!names.contains(wrong), "\(wrong) should not be a term")
        }
        #expect(!names.contains { $0.contains("traded") }, "\(names.sorted())")
        // A participle after a sentence's first word in capitals, "The", still modifies.
        let opening = Self.article(["The enriched uranium was sealed. The enriched uranium stays there."])
        #expect(TermExtractor.terms(in: [opening], parties: []).map(\.name).contains("enriched uranium"))
    }

    @Test func aTitlesWordOpeningASentenceIsTheEverydayWord() {
        let article = Self.article([
            "Foreign agents law divides the chamber. Foreign Minister Elias Abton defended the foreign agents law.",
            "Foreign agents law critics marched. Abton said the foreign agents law stays.",
        ])
        let abton = Party(
            slug: "elias-abton", name: "Elias Abton", kind: .person, role: "Foreign Minister",
            aliases: ["Foreign Minister Elias Abton", "Abton"], path: "a.txt")
        let names = Set(TermExtractor.terms(in: [article], parties: [abton]).map(\.name))
        #expect(names.contains("foreign agents law"), "\(names.sorted())")
        #expect(!names.contains("agents law"), "\(names.sorted())")
    }

    @Test func aVerbAfterToOrAPrepositionIsNotPartOfATerm() {
        let article = Self.article([
            "The parliament is due to debate sanctions relief on Thursday. Sanctions relief divides it.",
            "Ministers are expected to sign sanctions relief soon. Talks stalled amid disagreement over sanctions relief.",
            "The council stressed sanctions relief. Later the council stressed sanctions relief again.",
            "The delay is due to flooding, and the flooding closed roads.",
        ])
        let names = Set(TermExtractor.terms(in: [article], parties: []).map(\.name))
        #expect(names.contains("sanctions relief"), "\(names.sorted())")
        for wrong in [
            "debate sanctions relief", "sign sanctions relief", "amid disagreement", "disagreement",
            "council stressed sanctions relief", "stressed sanctions relief",
        ] {
            #expect(!names.contains(wrong), "\(wrong) should not be a term: \(names.sorted())")
        }
    }

    @Test func aWordThatIsAlsoANounEndsACompoundButStaysAVerbBeforeAnObjectOrInThePast() {
        Self.expectTerms(
            in: [
                "The government announced an asset freeze on Monday, and the opposition demanded a corruption probe into it.",
                "The asset freeze was extended. The corruption probe will report in May, as bond yields rose.",
                "Bond yields fell after the asset freeze. Critics said the corruption probe was slow.",
                "The council strikes a cautious tone. Annual requests for fertilizer run from 200 to 300 tons.",
                "The decision sent oil prices up, and requests for fertilizer run high every spring.",
            ],
            found: ["asset freeze", "corruption probe", "bond yields"],
            notFound: ["asset", "corruption", "council strikes", "fertilizer run", "decision sent oil"])
    }

    @Test func freeOpensATermAsAnAdjectiveAndANamedThingStaysOnTheTermItCompletes() {
        Self.expectTerms(
            in: [
                "Talks on a free trade agreement stalled on Monday, and ministers agreed to free prisoners.",
                "The free trade agreement is the centrepiece of the plan. Officials want to free prisoners soon.",
                "Critics of the free trade agreement spoke out. A humanitarian aid request was made.",
                "The humanitarian aid request was approved, and humanitarian aid arrived.",
            ],
            found: ["free trade agreement", "humanitarian aid"],
            notFound: ["trade agreement", "free trade", "free prisoners", "humanitarian aid request"])
    }

    @Test func peopleInThePluralEndATermOfAGroupButARoleIsNoTerm() {
        Self.expectTerms(
            in: [
                "The release of political prisoners was agreed, and a football player spoke for the aid workers.",
                "Political prisoners remain in custody, the football player said, and aid workers left.",
                "Talks on political prisoners start next week. The football player and the aid workers met.",
            ],
            found: ["political prisoners"],
            notFound: ["football player", "aid workers", "prisoners"])
    }

    @Test func theAcronymOfAThingAndACriticalWordOpenATerm() {
        Self.expectTerms(
            in: [
                "Work on the LNG terminal resumed, and critical minerals were exported.",
                "The LNG terminal closed again. Critical minerals remain scarce, the LNG terminal operator said.",
                "Exports of critical minerals rose.",
            ],
            found: ["LNG terminal", "critical minerals"],
            notFound: ["LNG", "terminal", "minerals"])
    }

    @Test func aWordThatIsAlsoANounOpensACompoundAfterADeterminerBeforeANoun() {
        Self.expectTerms(
            in: [
                "Critics called it a show trial, and the show trial went on.",
                "The show trial ended on Friday. The strike ended too, and the strike ended badly.",
                "New measures that freeze assets were passed. Measures that freeze assets work.",
            ],
            found: ["show trial"],
            notFound: ["trial", "strike ended", "freeze assets"])
    }

    /// An article on its own `topic`, said three times, with `aside` once or, in the article that
    /// makes it its own, three times.
    static func coverage(_ topics: [String], aside: String, chosenBy: Int) -> [Article] {
        topics.enumerated().map { index, topic in
            let times = index < chosenBy ? 3 : 1
            let asides = (0..<times).map { _ in "Residents reported \(aside) overnight." }
            let paragraphs = [
                "The \(topic) dominated the talks.", "Critics of the \(topic) spoke out.",
                "The \(topic) will be decided next week.",
            ].enumerated().map { "\($1) " + (asides.indices.contains($0) ? asides[$0] : "") }
            return Article(
                slug: "a\(index)", title: "Talks on the \(topic)",
                paragraphs: paragraphs.enumerated().map { Paragraph(number: $0 + 1, markdown: $1, line: $0 + 3) },
                path: "a\(index).txt")
        }
    }

    @Test func aPhraseMostArticlesUseWithoutChoosingItIsNotATermOfTheBriefing() {
        let topics = [
            "grain corridor", "ransomware", "troop rotation", "canal tolls", "debt relief", "arms embargo",
            "visa waiver", "fishing quota", "gas pipeline", "prisoner swap",
        ]
        // One article of ten makes "loud explosions" its own; the nine others mention them in
        // passing: they are the coverage's everyday language.
        let stock = Self.coverage(topics, aside: "loud explosions", chosenBy: 1)
        let alone = Set(TermExtractor.terms(in: [stock[0]], parties: []).map(\.name))
        #expect(alone.contains("loud explosions"), "\(alone.sorted())")
        let names = Set(TermExtractor.terms(in: stock, parties: []).map(\.name))
        #expect(names.isSuperset(of: topics), "\(names.sorted())")
        #expect(!names.contains("loud explosions"), "\(names.sorted())")
        // Chosen by two of the ten, one in five: a term.
        let twice = Set(
            TermExtractor.terms(in: Self.coverage(topics, aside: "loud explosions", chosenBy: 2), parties: []).map(
                \.name))
        #expect(twice.contains("loud explosions"), "\(twice.sorted())")
        // Used by five articles, one choosing it: a term, as a briefing of a few articles has few
        // uses to tell everyday language by.
        let few = Set(TermExtractor.terms(in: Array(stock.prefix(5)), parties: []).map(\.name))
        #expect(few.contains("loud explosions"), "\(few.sorted())")
    }

    @Test func aRebuildCountsTheArticlesUsingATermAsAFreshBuildDoes() {
        let topics = ["grain corridor", "ransomware", "troop rotation", "canal tolls", "debt relief", "arms embargo"]
        // Six articles use "loud explosions" and one chooses them: not a term. Taken out of
        // one article that only mentions them, five use them: a term.
        let six = Self.coverage(topics, aside: "loud explosions", chosenBy: 1)
        var five = six
        five[5].paragraphs = five[5].paragraphs.map {
            var paragraph = $0
            paragraph.markdown = paragraph.markdown.replacingOccurrences(
                of: "Residents reported loud explosions overnight.", with: "")
            return paragraph
        }
        var memo = TermExtractor.Selections()
        // Each edit changes one article's phrases and no article's choice: the kept counts are
        // mended, not made again.
        for (articles, expected) in [(six, false), (five, true), (six, false), (five, true)] {
            let names = TermExtractor.terms(in: articles, parties: [], memo: &memo).map(\.name)
            #expect(names == TermExtractor.terms(in: articles, parties: []).map(\.name))
            #expect(names.contains("loud explosions") == expected, "\(names)")
        }
    }

    @Test func aCompoundUsedOnceNamesAConceptNotInstances() {
        let article = Self.article([
            "The ministers signed a peace treaty and agreed to hold peace talks, and energy stocks rose on the news.",
            "The peace treaty ends a long war. Investors welcomed it.",
        ])
        let names = Set(TermExtractor.terms(in: [article], parties: []).map(\.name))
        #expect(names.isSuperset(of: ["peace treaty", "peace talks"]), "\(names.sorted())")
        #expect(!names.contains("energy stocks"))
    }

    @Test func editorialTermsWinHiddenOnesDropAndPartyNamesStayParties() {
        let found = [
            Term(slug: "ceasefires", name: "ceasefires", aliases: ["truce"], definition: "", path: "x"),
            Term(slug: "uncertainty-looms", name: "uncertainty looms", definition: "", path: "x"),
            Term(slug: "white-house", name: "White House", definition: "", path: "x"),
            Term(slug: "peace-treaty", name: "peace treaty", definition: "", path: "x"),
        ]
        var hidden = Term(slug: "uncertainty-looms", name: "uncertainty looms", definition: "", path: "terms/u.md")
        hidden.hidden = true
        let editorial = [
            Term(slug: "ceasefire", name: "ceasefire", definition: "A halt.", path: "terms/ceasefire.md"), hidden,
        ]
        let parties = [Party(slug: "white-house", name: "The White House", kind: .government, path: "p")]
        let (terms, summary) = Extraction.merge(extracted: found, into: editorial, parties: parties)
        #expect(terms.map(\.slug) == ["ceasefire", "peace-treaty"])
        #expect(terms[0].definition == "A halt.")
        #expect(terms[0].aliases == ["ceasefires", "truce"])
        #expect(summary == Extraction.Summary(found: 4, matched: 2, added: 1, hidden: 1))
    }

    @Test func editorialTermsNeedNoDefinitionAndCanBeHidden() throws {
        let (term, warnings) = try EditorialParser.term(
            "---\nname: uncertainty looms\nhidden: true\n---\n", path: "terms/u.md", fileSlug: "u")
        #expect(term.hidden == true && term.definition.isEmpty && warnings.isEmpty)
        let text = try EditorialWriter.markdown(
            for: Term(slug: "peace-treaty", name: "peace treaty", aliases: ["treaty"], definition: "", path: "x"))
        #expect(text == "---\nname: peace treaty\naliases:\n- treaty\n---\n")
        let (back, _) = try EditorialParser.term(text, path: "terms/peace-treaty.md", fileSlug: "peace-treaty")
        #expect(back.name == "peace treaty" && back.aliases == ["treaty"])
    }
}
