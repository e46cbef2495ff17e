import Foundation
import Testing

@testable import BriefingKit

@Suite("Finding parties in the text")
struct ExtractionTests {
    static let seed: Article = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/putin-trump-call.txt").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (try? RawArticleParser.parse(text, path: "putin-trump-call.txt", slug: "putin-trump-call"))
            ?? Article(slug: "missing", title: "", paragraphs: [], path: path)
    }()

    @Test func theSeedsPartiesAreFoundWithKindsRolesAndShortForms() throws {
        let parties = PartyExtractor.parties(in: [Self.seed])
        let byName = Dictionary(uniqueKeysWithValues: parties.map { ($0.name, $0) })
        #expect(
            Set(parties.map(\.name)) == [
                "Vladimir Putin", "Donald Trump", "Volodymyr Zelensky", "Marco Rubio", "Ukraine", "Russia",
                "United States", "Government of Ukraine", "The White House", "The Kremlin",
            ])
        #expect(byName["Vladimir Putin"]?.kind == .person)
        #expect(byName["Vladimir Putin"]?.role == "Russian President")
        #expect(byName["Vladimir Putin"]?.aliases.contains("Putin") == true)
        #expect(byName["Marco Rubio"]?.role == "Secretary of State")
        #expect(byName["Donald Trump"]?.aliases.contains("Trump's team") == true)
        #expect(byName["Government of Ukraine"]?.kind == .government)
        #expect(byName["Government of Ukraine"]?.aliases == ["Kyiv"])
        #expect(byName["The Kremlin"]?.kind == .government)
        #expect(byName["Ukraine"]?.kind == .country)
    }

    @Test func openersPlacesAndDatesAreNotParties() {
        let text = """
            Headline

            Despite the talks in Jeddah, officials met in Saudi Arabia on Monday, March 3. Following that, \
            Contrarily enough, the Middle East waited. In Vienna, OPEC met. Maria Lopez of Australia spoke. \
            Commission chairman Attahiru Jega said the U.S. agreed, and Austria objected in Vienna, Austria.
            """
        let article = try? RawArticleParser.parse(text, path: "t.txt", slug: "t")
        let names = PartyExtractor.parties(in: article.map { [$0] } ?? []).map(\.name)
        #expect(names == ["OPEC", "Maria Lopez", "Attahiru Jega", "United States", "Austria"])
    }

    @Test func titlesWithOfCapitalsAndDatelinesDoNotMakeFalseParties() {
        let text = """
            BREAKING: PRESIDENT DONALD TRUMP SAID ON TUESDAY TALKS MAY NOT LEAD ANYWHERE

            WASHINGTON (Reuters) - Secretary of the Treasury Scott Bessent met Tom O'Brien. Prime Minister of the said. \
            Former President Lech Walesa spoke. ANALYSIS follows.
            """
        let article = try? RawArticleParser.parse(text, path: "t.txt", slug: "t")
        let parties = PartyExtractor.parties(in: article.map { [$0] } ?? [])
        #expect(!parties.contains { $0.name.hasPrefix("of ") || $0.name == "O'Brien" || $0.name == "ANALYSIS" })
        #expect(!parties.contains { $0.kind == .government })
        #expect(parties.first { $0.name == "Lech Walesa" }?.role == "Former President")
    }

    @Test func aNationalityTheGazetteerLacksAndACabinetPostAreTheRoleNotTheName() {
        let text = """
            Headline

            Almarian Finance Minister Sofia Garek met Opposition Leader Jonas Vain on Monday. \
            Neither Garek nor Vain spoke afterwards.
            """
        let article = try? RawArticleParser.parse(text, path: "t.txt", slug: "t")
        let parties = PartyExtractor.parties(in: article.map { [$0] } ?? [])
        #expect(Set(parties.map(\.name)) == ["Sofia Garek", "Jonas Vain"])
        #expect(parties.first { $0.name == "Sofia Garek" }?.role == "Almarian Finance Minister")
        #expect(parties.first { $0.name == "Jonas Vain" }?.role == "Opposition Leader")
        #expect(parties.first { $0.name == "Sofia Garek" }?.aliases.contains("Garek") == true)
    }

    @Test func aTitleTheGazetteerLacksEndsInAWordForAPersonAndOnePersonKeepsEveryTitle() {
        let first = try? RawArticleParser.parse(
            """
            Grain talks stall

            Market Analyst Emil Quinard expects no deal. The Global Health Council Emergencies Chief \
            Tarek Koas warned of shortages, and Quinard agreed. Nigerians Welcome Buhari, a banner read.
            """, path: "a.txt", slug: "a")
        let second = try? RawArticleParser.parse(
            """
            Shortages spread

            Emergencies Chief Tarek Koas visited the port on Monday. Koas said stocks were low.
            """, path: "b.txt", slug: "b")
        let parties = PartyExtractor.parties(in: [first, second].compactMap { $0 })
        let names = Set(parties.map(\.name))
        #expect(names.isSuperset(of: ["Emil Quinard", "Tarek Koas"]), "\(names.sorted())")
        #expect(parties.first { $0.name == "Emil Quinard" }?.role == "Market Analyst")
        #expect(parties.filter { $0.name.hasSuffix("Tarek Koas") }.count == 1, "\(names.sorted())")
        #expect(!names.contains { $0.contains("Welcome") }, "\(names.sorted())")
    }

    @Test func titlesWithHyphensOrOfAfterAnOrganisationAreTheRoleOfThePersonNamedAfterThem() throws {
        let article = try RawArticleParser.parse(
            """
            Alliance meets

            The Northern Treaty Alliance Secretary-General Jonas Vairo met the Almarian Armed Forces \
            Chief of Staff Freya Fenoff. Red Lantern Society Head of Delegation Katya Lunic joined them, \
            and Vairo said Fenoff and Lunic agreed.
            """, path: "a.txt", slug: "a")
        let parties = PartyExtractor.parties(in: [article])
        let roles = Dictionary(parties.map { ($0.name, $0.role ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(roles["Jonas Vairo"] == "Northern Treaty Alliance Secretary-General", "\(roles)")
        #expect(roles["Freya Fenoff"] == "Almarian Armed Forces Chief of Staff", "\(roles)")
        #expect(roles["Katya Lunic"] == "Red Lantern Society Head of Delegation", "\(roles)")
        // No party is a title cut off at its hyphen or its "of".
        for name in roles.keys {
            #expect(!name.hasSuffix("Secretary") && !name.hasPrefix("General") && !name.hasPrefix("Staff"), "\(name)")
        }
    }

    @Test func aPlaceNamedLikeAPersonAndTheAcronymOfAThingAreNoParties() throws {
        let article = try RawArticleParser.parse(
            """
            Talks in the capital

            Finance Minister Marta Selin flew to Port Selin, where officials in Port Selin said LNG \
            prices and GPS jamming worried every NGO. Aides said Selin wants Port Selin to host the talks. \
            LNG shipments resumed.
            """, path: "a.txt", slug: "a")
        let names = Set(PartyExtractor.parties(in: [article]).map(\.name))
        #expect(names.contains("Marta Selin"), "\(names.sorted())")
        for wrong in ["Port Selin", "LNG", "GPS", "NGO"] {
            #expect(!names.contains(wrong), "\(wrong) should not be a party: \(names.sorted())")
        }
    }

    @Test func organisationsNamedWithOfForABoardOrACompanyWordAreOneOrganisationWithTheirAcronym() {
        let article = try? RawArticleParser.parse(
            """
            Grain exporters meet

            BIS economists were sceptical. The Organisation of Grain Exporters met in Lisk, and the \
            Bank for International Settlements (BIS) warned of losses. The Maritime Safety Board said \
            ports were safe. Teluk Shipping cut routes, the Orvo Times reported.
            """, path: "a.txt", slug: "a")
        let parties = PartyExtractor.parties(in: article.map { [$0] } ?? [])
        let organisations = parties.filter { $0.kind == .organisation }
        #expect(
            Set(organisations.map(\.name)) == [
                "BIS", "Organisation of Grain Exporters", "Maritime Safety Board", "Teluk Shipping", "Orvo Times",
            ],
            "\(parties.map(\.name))")
        #expect(organisations.first { $0.name == "BIS" }?.aliases == ["Bank for International Settlements"])
    }

    @Test func institutionsAndCompaniesNamedByTheirKindLastAreOrganisationsButNotTheirTerms() {
        let article = try? RawArticleParser.parse(
            """
            Forces on alert

            The Almarian Armed Forces said the Eastern Security Pact would meet. Halvard Energy and \
            Ironbridge Capital cut their stakes, the Red Lantern Society reported, and the \
            International Criminal Tribunal opened a case. Lawyers asked for a war crimes tribunal; \
            the war crimes tribunal would sit in Lisk.
            """, path: "a.txt", slug: "a")
        let articles = article.map { [$0] } ?? []
        let parties = PartyExtractor.parties(in: articles)
        let organisations = Set(parties.filter { $0.kind == .organisation }.map(\.name))
        #expect(
            organisations.isSuperset(of: [
                "Almarian Armed Forces", "Eastern Security Pact", "Halvard Energy", "Ironbridge Capital",
                "Red Lantern Society", "International Criminal Tribunal",
            ]), "\(parties.map(\.name))")
        // The words name institutions only as a capitalised name's last word: a key term may end in one.
        #expect(TermExtractor.terms(in: articles, parties: parties).map(\.name).contains("war crimes tribunal"))
    }

    @Test func aCountryTheGazetteerLacksIsFoundThroughItsPeoplesNationality() {
        let article = try? RawArticleParser.parse(
            """
            Talks in Lisk

            Almarian Defence Minister Boris Ostenko arrived in Lisk. Almaris wants a deal, and the gap \
            between Almaris and Estoria is wide. Kestrel agreed, and Kestrel signed. Talks in Lisk resume.
            """, path: "a.txt", slug: "a")
        let parties = PartyExtractor.parties(in: article.map { [$0] } ?? [])
        #expect(parties.first { $0.name == "Almaris" }?.kind == .country, "\(parties.map(\.name))")
        // Named once, with no nationality, only after "in", or with no nationality of its own.
        for other in ["Estoria", "Lisk", "Kestrel"] {
            #expect(!parties.contains { $0.name == other }, "\(other) in \(parties.map(\.name))")
        }
    }

    @Test func wordsUsedAloneAreResolvedAcrossArticlesInTheOrderOfTheirUses() throws {
        let texts = [
            """
            Talks in Lisk

            Almarian Defence Minister Boris Ostenko met Estorian Trade Minister Karim Rosoff in Almaris. \
            Officials said Estoria wants a deal. President Donald Trump called, and Trump's team agreed.
            """,
            """
            Second round

            Officials said Almaris agreed and Estoria signed. Officials said Almaris wants more. \
            The Trump administration objected, Trump said.
            """,
        ]
        let articles = try texts.enumerated().map { index, text in
            try RawArticleParser.parse(text, path: "\(index).txt", slug: "a\(index)")
        }
        let parties = PartyExtractor.parties(in: articles)
        let names = parties.map(\.name)
        // The surname alone, then the phrases after it, in the order the articles use them.
        #expect(
            parties.first { $0.name == "Donald Trump" }?.aliases == [
                "President Donald Trump", "Trump", "Trump's team", "Trump administration",
            ],
            "\(parties.map { ($0.name, $0.aliases) })")
        // Each country acts twice, counted across both articles; the first acting use (Almaris
        // after "in" does not act) gives its article and its place among the parties.
        let estoria = try #require(parties.first { $0.name == "Estoria" }, "\(names)")
        let almaris = try #require(parties.first { $0.name == "Almaris" }, "\(names)")
        #expect(estoria.path == "0.txt" + Extraction.pathSuffix)
        #expect(almaris.path == "1.txt" + Extraction.pathSuffix)
        #expect(names.firstIndex(of: "Estoria")! < names.firstIndex(of: "Almaris")!)
    }

    @Test func editorialFilesWinAndHiddenOnesDrop() {
        let extracted = [
            Party(
                slug: "vladimir-putin", name: "Vladimir Putin", kind: .person, role: "Russian President",
                aliases: ["Putin"], path: "x"),
            Party(slug: "jeddah", name: "Jeddah", kind: .country, path: "x"),
            Party(slug: "someone", name: "Someone Else", kind: .person, aliases: ["Trump"], path: "x"),
        ]
        var hidden = Party(slug: "jeddah", name: "Jeddah", kind: .group, path: "parties/jeddah.md")
        hidden.hidden = true
        let editorial = [
            Party(
                slug: "putin", name: "President Putin", kind: .person, role: "President of Russia", aliases: ["Putin"],
                path: "parties/putin.md"),
            Party(
                slug: "donald-trump", name: "Donald Trump", kind: .person, aliases: ["Trump"],
                path: "parties/donald-trump.md"),
            hidden,
        ]
        let (parties, summary) = Extraction.merge(extracted: extracted, into: editorial)
        // A shared alias makes two names one party: "Someone Else" joins Donald Trump.
        #expect(parties.map(\.slug) == ["putin", "donald-trump"])
        #expect(parties[0].role == "President of Russia")
        #expect(parties[0].aliases == ["Putin", "Vladimir Putin"])
        #expect(parties[1].aliases == ["Trump", "Someone Else"])
        #expect(summary == Extraction.Summary(found: 3, matched: 3, added: 0, hidden: 1))
    }
}
