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
