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
        var text = text
        return text.withUTF8 { ranges(inUTF8: $0) }
    }

    /// Reads UTF-8 bytes: every stop is ASCII, most text is, and every paragraph passes through here.
    private static func ranges(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let count = bytes.count
        func scalar(at offset: Int) -> (Unicode.Scalar, Int) { UTF8Scalars.scalar(in: bytes, at: offset) }
        var ranges: [Range<Int>] = []
        var sentenceStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            let stop = index
            index += 1
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else { continue }
            // Closing quotes and brackets belong to the sentence they close.
            while index < count {
                let (next, width) = scalar(at: index)
                guard "\"'\u{201D}\u{2019})]".unicodeScalars.contains(next) else { break }
                index += width
            }
            guard index < count, UTF8Scalars.isWhitespace(scalar(at: index).0) else { continue }
            var next = index
            while next < count {
                let (space, width) = scalar(at: next)
                guard UTF8Scalars.isWhitespace(space) else { break }
                next += width
            }
            guard next < count, startsSentence(scalar(at: next).0) else { continue }
            if byte == UInt8(ascii: "."), isAbbreviation(endingAt: stop, in: bytes) { continue }
            ranges.append(sentenceStart..<index)
            sentenceStart = next
            index = next
        }
        if sentenceStart < count {
            ranges.append(sentenceStart..<count)
        }
        return ranges
    }

    private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || scalar.properties.numericType != nil
            || "\"'\u{201C}\u{2018}(".unicodeScalars.contains(scalar)
    }

    /// Whether the word before the full stop at byte `stop` is an abbreviation or an initial.
    private static func isAbbreviation(endingAt stop: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var wordStart = stop
        var letters = 0
        while wordStart > 0 {
            var previous = wordStart - 1
            while previous > 0, bytes[previous] & 0xC0 == 0x80 { previous -= 1 }  // back to the lead byte
            let (scalar, _) = UTF8Scalars.scalar(in: bytes, at: previous)
            guard scalar.properties.isAlphabetic || scalar == "." else { break }
            wordStart = previous
            letters += 1
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<stop]), as: UTF8.self)
        if letters == 1, UTF8Scalars.scalar(in: bytes, at: wordStart).0.properties.isUppercase { return true }
        return abbreviations.contains(word.lowercased())
    }
}
