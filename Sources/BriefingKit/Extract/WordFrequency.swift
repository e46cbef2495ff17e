/// How common English words are in general use, and what part of speech each mostly is, so
/// that extraction can tell the words a story is about ("ceasefire", "aftershocks") from everyday
/// ones ("call", "recent"), and a noun phrase from a clause ("the earthquake hits").
enum CommonWords {
    enum PartOfSpeech: Character {
        /// `person` is a noun whose commonest sense is a person ("minister", "editor").
        case noun = "n", person = "p", verb = "v", adjective = "a", adverb = "r"
    }

    struct Entry {
        /// Zipf frequency: log10 of the word's occurrences per billion words.
        var zipf: Double
        var partOfSpeech: PartOfSpeech?
        /// A verb or adjective that is also a noun ("sharing", "military").
        var alsoNoun: Bool
    }

    static let entries: [String: Entry] = {
        var result: [String: Entry] = [:]
        result.reserveCapacity(30_000)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let value = Int(fields[1]) else { continue }
            result[String(fields[0])] = Entry(
                zipf: Double(value) / 10, partOfSpeech: fields[2].first.flatMap(PartOfSpeech.init),
                alsoNoun: fields[2].dropFirst().contains("n"))
        }
        return result
    }()

    /// A word missing from the list is rarer than the list's last word.
    static func frequency(_ word: String) -> Double {
        entries[word]?.zipf ?? 2.5
    }

    /// Whether the word can be a noun: its usual part of speech, or a second reading.
    static func canBeNoun(_ word: String) -> Bool {
        guard let entry = entries[word] else { return true }
        return entry.partOfSpeech == .noun || entry.partOfSpeech == .person || entry.partOfSpeech == nil
            || entry.alsoNoun
    }

    /// The word's usual part of speech; nil for function words and words the list does not know.
    static func partOfSpeech(_ word: String) -> PartOfSpeech? {
        entries[word]?.partOfSpeech
    }
}
