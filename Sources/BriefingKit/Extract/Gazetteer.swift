/// Public facts the extractor needs: countries with their demonyms, capitals and seats of
/// government that stand for a government, titles, and words that name organisations.
///
/// Sources: country names and demonyms as in the CIA World Factbook's "Nationality" field and
/// the UN member-state list; capitals and government seats as commonly used in news writing
/// ("the Kremlin", "the White House", "Downing Street"). The lists are partial and meant to grow.
enum Gazetteer {
    struct Country {
        var name: String
        var aliases: [String]
        /// Adjective and people forms ("Russian", "Russians").
        var demonyms: [String]
        /// The capital, which in news often stands for the government ("Kyiv agreed").
        var capital: String?
    }

    static let countries: [Country] = [
        Country(name: "Russia", aliases: ["Russian Federation"], demonyms: ["Russian", "Russians"], capital: "Moscow"),
        Country(name: "Ukraine", aliases: [], demonyms: ["Ukrainian", "Ukrainians"], capital: "Kyiv"),
        Country(
            name: "United States", aliases: ["US", "U.S.", "USA", "United States of America"],
            demonyms: ["American", "Americans"], capital: "Washington"),
        Country(
            name: "United Kingdom", aliases: ["UK", "U.K.", "Britain", "Great Britain"], demonyms: ["British"],
            capital: "London"),
        Country(name: "China", aliases: ["People's Republic of China"], demonyms: ["Chinese"], capital: "Beijing"),
        Country(name: "France", aliases: [], demonyms: ["French"], capital: "Paris"),
        Country(name: "Germany", aliases: [], demonyms: ["German", "Germans"], capital: "Berlin"),
        Country(name: "Saudi Arabia", aliases: [], demonyms: ["Saudi", "Saudis"], capital: "Riyadh"),
        Country(
            name: "North Korea", aliases: ["DPRK"], demonyms: ["North Korean", "North Koreans"], capital: "Pyongyang"),
        Country(
            name: "South Korea", aliases: ["Republic of Korea"], demonyms: ["South Korean", "South Koreans"],
            capital: "Seoul"),
        Country(name: "Australia", aliases: [], demonyms: ["Australian", "Australians"], capital: "Canberra"),
        Country(name: "Nigeria", aliases: [], demonyms: ["Nigerian", "Nigerians"], capital: "Abuja"),
        Country(name: "Qatar", aliases: [], demonyms: ["Qatari", "Qataris"], capital: "Doha"),
        Country(name: "Iraq", aliases: [], demonyms: ["Iraqi", "Iraqis"], capital: "Baghdad"),
        Country(name: "Iran", aliases: [], demonyms: ["Iranian", "Iranians"], capital: "Tehran"),
        Country(name: "Israel", aliases: [], demonyms: ["Israeli", "Israelis"], capital: "Jerusalem"),
        Country(name: "Japan", aliases: [], demonyms: ["Japanese"], capital: "Tokyo"),
        Country(name: "India", aliases: [], demonyms: ["Indian", "Indians"], capital: "New Delhi"),
        Country(name: "Brazil", aliases: [], demonyms: ["Brazilian", "Brazilians"], capital: "Brasília"),
        Country(name: "Austria", aliases: [], demonyms: ["Austrian", "Austrians"], capital: "Vienna"),
        Country(name: "Spain", aliases: [], demonyms: ["Spanish"], capital: "Madrid"),
        Country(name: "Italy", aliases: [], demonyms: ["Italian", "Italians"], capital: "Rome"),
        Country(name: "Turkey", aliases: ["Türkiye"], demonyms: ["Turkish"], capital: "Ankara"),
        Country(name: "Poland", aliases: [], demonyms: ["Polish"], capital: "Warsaw"),
        Country(name: "Canada", aliases: [], demonyms: ["Canadian", "Canadians"], capital: "Ottawa"),
        Country(name: "Mexico", aliases: [], demonyms: ["Mexican", "Mexicans"], capital: "Mexico City"),
        Country(name: "Egypt", aliases: [], demonyms: ["Egyptian", "Egyptians"], capital: "Cairo"),
        Country(name: "Syria", aliases: [], demonyms: ["Syrian", "Syrians"], capital: "Damascus"),
        Country(name: "Venezuela", aliases: [], demonyms: ["Venezuelan", "Venezuelans"], capital: "Caracas"),
        Country(name: "Argentina", aliases: [], demonyms: ["Argentine", "Argentinian"], capital: "Buenos Aires"),
        Country(name: "Hungary", aliases: [], demonyms: ["Hungarian", "Hungarians"], capital: "Budapest"),
        Country(name: "Belarus", aliases: [], demonyms: ["Belarusian", "Belarusians"], capital: "Minsk"),
    ]

    /// Seats of government that stand for a government when they act.
    static let governmentSeats: [(name: String, government: String, country: String)] = [
        ("Kremlin", "The Kremlin", "Russia"), ("White House", "The White House", "United States"),
        ("Downing Street", "Downing Street", "United Kingdom"), ("Pentagon", "The Pentagon", "United States"),
        ("Elysée", "The Élysée", "France"), ("Blue House", "The Blue House", "South Korea"),
    ]

    /// Titles that come before a person's name; the longest match is taken first.
    static let titles: [String] = [
        "Secretary of State", "Prime Minister", "Foreign Minister", "Defence Minister", "Defense Secretary",
        "Energy Minister", "Vice President", "President", "Chancellor", "Minister", "Secretary", "Senator",
        "Governor", "General", "Chairman", "Chairwoman", "Chair", "King", "Queen", "Prince", "Ambassador",
        "Spokesman", "Spokeswoman", "Commissioner", "Mayor", "Judge", "Pope", "Sheikh", "Mr", "Mrs", "Ms", "Dr",
        "chairman", "chairwoman", "administrator", "president", "minister", "secretary", "spokesman", "reporter",
        "striker", "ambassador", "commissioner", "governor", "senator", "general",
        // Cabinet posts and the offices news names before a person.
        "Finance Minister", "Interior Minister", "Trade Minister", "Health Minister", "Justice Minister",
        "Economy Minister", "Agriculture Minister", "Education Minister", "Foreign Secretary", "Home Secretary",
        "Attorney General", "Opposition Leader", "Senate Leader", "Special Envoy", "Envoy", "Speaker",
        "Chief Executive", "Chief of Staff", "Chief Justice", "Chief Economist", "Chief Negotiator", "Chief Prosecutor",
        "Secretary-General", "Director-General", "Executive Director", "Managing Director", "Director",
        "High Representative", "Spokesperson", "Editor", "Editor-in-Chief", "Head of Delegation", "Head of Mission",
        "Deputy Head", "Technical Lead", "Anchor", "Chief Inspector", "Legal Adviser",
    ]

    /// International organisations whose names carry no organisation word.
    static let organisations: Set<String> = [
        "United Nations", "European Union", "African Union", "Red Cross", "Red Crescent", "World Bank",
        "Amnesty International", "Human Rights Watch", "Doctors Without Borders", "Hamas", "Hezbollah", "Taliban",
        "Boko Haram", "Interpol", "Europol",
    ]

    /// Last words of names that are things or events, not actors.
    static let thingWords: Set<String> = Set([
        "award", "awards", "prize", "cup", "league", "championship", "trophy", "games", "olympics", "station", "tv",
        "festival", "summit", "conference", "treaty", "agreement", "war", "river", "valley", "lake", "mountains",
    ]).union(placeEnders)

    /// Last words of the names of places ("Ellis Bay", "Sol Harbour"), lowercased.
    static let placeEnders: Set<String> = [
        "bay", "harbour", "harbor", "island", "islands", "beach", "heights", "falls", "springs",
    ]

    /// First words of the names of places ("Port Selin", "Mount Kenya"): a name they open is no
    /// person, whatever word follows.
    static let placeOpeners: Set<String> = ["Port", "Fort", "Mount", "Lake", "Cape", "Puerto", "Porto"]

    /// Acronyms of things, not of organisations ("LNG", "NGO"): never a party by themselves.
    static let thingAcronyms: Set<String> = [
        "LNG", "GPS", "NGO", "NGOs", "GDP", "CEO", "DNA", "HIV", "AIDS", "ATM", "SUV", "LGBT", "LGBTQ", "COVID",
        "UAV", "UAVs", "ICBM", "VAT", "PPE", "FDI", "IPO", "CPI", "VPN", "SMS", "URL", "HTML", "PDF", "USB",
    ]

    /// Last words of the names of companies, newspapers and institutions ("Teluk Shipping",
    /// "Financial Times", "Almarian Armed Forces"). Kept apart from `organisationWords`, which no
    /// key term may end in: "marine insurance" and "war crimes tribunal" may.
    static let companyWords: Set<String> = [
        "shipping", "pharma", "aerospace", "fisheries", "insurance", "steel", "chemicals", "semiconductors",
        "airlines", "airways", "motors", "holdings", "industries", "rail", "ports", "times", "herald", "gazette",
        "observer", "courier", "tribune", "journal", "ledger", "radio", "energy", "power", "oil", "mining",
        "telecom", "logistics", "utilities", "foods", "arms", "capital", "wire", "watch", "monitor", "forces",
        "service", "pact", "society", "tribunal", "mission", "facility",
    ]

    /// Last words that make a name an organisation.
    static let organisationWords: Set<String> = [
        "commission", "party", "organization", "organisation", "agency", "council", "congress", "ministry",
        "department", "survey", "association", "union", "club", "fc", "inc", "corp", "corporation", "company",
        "group", "bank", "fund", "court", "parliament", "assembly", "committee", "university", "laboratory",
        "institute", "administration", "technology", "nasa", "opec", "fifa", "uefa", "nato", "un", "apc", "pdp",
        "spacex", "board", "office", "centre", "center", "alliance", "bloc", "secretariat", "authority", "foundation",
        "senate", "federation",
    ]

    /// Capitalised words that start sentences or name times, never parties by themselves.
    static let notNames: Set<String> = [
        "a", "an", "the", "in", "on", "at", "of", "for", "to", "and", "but", "or", "as", "by", "with", "from", "after",
        "before", "when", "while", "despite", "following", "contrarily", "however", "instead", "nonetheless",
        "meanwhile", "both", "neither", "either", "nor", "this", "that", "these", "those", "it", "its", "he", "she",
        "they", "we", "i", "his",
        "her", "their", "our", "there", "here", "if", "although", "though", "since", "until", "only", "also",
        "some", "many", "most", "all", "any", "each", "every", "no", "not", "yes", "full", "file", "image",
        "related", "recent", "further", "according", "late", "early", "annual", "initial", "relations", "meetings",
        "talks", "oil", "team", "filed", "more", "information", "signal", "acquisition",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "utc", "edt", "est", "cet", "gmt", "magnitude",
    ]

    /// Common given names, the strongest sign that two capitalised words are a person.
    /// Source: frequent given names in US Social Security and UK ONS name statistics, plus
    /// names frequent in international news. Partial by nature; titles and surnames used alone
    /// identify people it misses.
    static let firstNames: Set<String> = [
        "Abdul", "Ahmed", "Alessandro", "Alexander", "Alexei", "Ali", "Andrew", "Angela", "Anna", "Anthony", "Antonio",
        "Barack", "Benjamin", "Bill", "Boris", "Carlos", "Charles", "Chris", "Christopher", "Daniel", "David",
        "Donald", "Elizabeth", "Emmanuel", "Francisco", "George", "Hillary", "Ibrahim", "James", "Jane", "Jean",
        "Jennifer", "John", "Joe", "Joseph", "Juan", "Kate", "Keir", "Kim", "Lionel", "Luis", "Marco", "Maria",
        "Mark", "Mary", "Michael", "Mike", "Mohammed", "Muhammad", "Muhammadu", "Nicolas", "Olaf", "Paul", "Peter",
        "Richard", "Robert", "Sergei", "Sergey", "Steven", "Thomas", "Vladimir", "Volodymyr", "Wendell", "William",
        "Xi", "Yuri", "Goodluck", "Narendra", "Recep", "Rishi", "Viktor", "Ursula", "Antony", "Jake",
    ]

    /// Regions that are places, never actors; other places are told by context ("in Jeddah").
    static let regions: Set<String> = [
        "middle east", "europe", "asia", "africa", "latin america", "gulf", "black sea", "west bank", "balkans",
    ]
}
