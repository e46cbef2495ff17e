/// Splits plain text into sentences, for quoting the sentence around a mention.
public enum Sentences {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jr", "sr",
        "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    ]

    /// UTF-8 ranges of the sentences of `text`, covering all of it.
    public static func ranges(in text: String) -> [Range<Int>] {
        let characters = Array(text)
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            byteOffsets.append(offset)
            offset += character.utf8.count
        }
        byteOffsets.append(offset)

        var ranges: [Range<Int>] = []
        var sentenceStart = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let stop = index
            index += 1
            guard character == "." || character == "!" || character == "?" else { continue }
            // Closing quotes and brackets belong to the sentence they close.
            while index < characters.count, "\"'\u{201D}\u{2019})]".contains(characters[index]) { index += 1 }
            guard index < characters.count, characters[index].isWhitespace else { continue }
            var next = index
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            guard next < characters.count, startsSentence(characters[next]) else { continue }
            if character == ".", isAbbreviation(endingAt: stop, in: characters) { continue }
            ranges.append(byteOffsets[sentenceStart]..<byteOffsets[index])
            sentenceStart = next
            index = next
        }
        if sentenceStart < characters.count {
            ranges.append(byteOffsets[sentenceStart]..<byteOffsets[characters.count])
        }
        return ranges
    }

    private static func startsSentence(_ character: Character) -> Bool {
        character.isUppercase || character.isNumber || "\"'\u{201C}\u{2018}(".contains(character)
    }

    /// Whether the word before the full stop at `stop` is an abbreviation or an initial.
    private static func isAbbreviation(endingAt stop: Int, in characters: [Character]) -> Bool {
        var wordStart = stop
        while wordStart > 0, characters[wordStart - 1].isLetter || characters[wordStart - 1] == "." {
            wordStart -= 1
        }
        let word = String(characters[wordStart..<stop]).lowercased()
        if word.count == 1, characters[wordStart].isUppercase { return true }
        return abbreviations.contains(word)
    }
}
