import Foundation

/// Finds every name and alias of the parties and terms in a text, in one pass over its words.
///
/// Matching works on words, not characters: case-insensitive (acronyms such as "US" match only
/// in capitals, so "us" is not the United States), curly and straight apostrophes alike, and a
/// possessive `'s` is not part of the name ("Putin’s" is a mention of "Putin"). Where two names
/// overlap, the longer wins ("maritime ceasefire" over "ceasefire").
public struct MentionMatcher: Sendable {
    public struct Match: Hashable, Sendable {
        /// UTF-8 offsets in the searched text.
        public var start: Int
        public var end: Int
        public var target: EntityRef
    }

    struct Word: Hashable, Sendable {
        var start: Int
        var end: Int
        var text: String
        var folded: String
    }

    struct Pattern: Sendable {
        /// Each word folded, or exact when it must match in capitals.
        var words: [(folded: String, exact: String?)]
        /// The punctuation the name itself puts between its words ("." in "U.S.", " & " in "AT & T").
        var gaps: [String]
        /// Punctuation closing the name ("." in "U.S."), taken into the match when the text has it.
        var trailing: String
        var target: EntityRef
    }

    /// A name or alias to look for, and what it stands for.
    struct Name: Equatable, Sendable {
        var name: String
        var target: EntityRef
    }

    private var patternsByFirstWord: [String: [Pattern]] = [:]

    init(_ names: [Name]) {
        self.init(names.map { ($0.name, $0.target) })
    }

    /// The words of each name that a matcher made from `new` may match differently from one
    /// made from `old`: the names sharing a key (the words they match) and what they stand
    /// for, in order, differ. Names of other keys match other words, so a text holding no
    /// word list of these is matched alike by both.
    static func changedNames(from old: [Name], to new: [Name]) -> [[String]] {
        func byKey(_ names: [Name]) -> [String: [Name]] {
            var result: [String: [Name]] = [:]
            for name in names { result[key(name.name), default: []].append(name) }
            return result
        }
        let (before, after) = (byKey(old), byKey(new))
        var changed = Set<String>()
        for (key, names) in after where before[key] != names { changed.insert(key) }
        for key in before.keys where after[key] == nil { changed.insert(key) }
        return changed.filter { !$0.isEmpty }.map { $0.split(separator: " ").map(String.init) }
    }

    /// Patterns from `(name or alias, target)` pairs.
    public init(_ names: [(String, EntityRef)]) {
        for (name, target) in names {
            let words = Self.significantWords(in: name)
            guard let first = words.first, let last = words.last else { continue }
            let bytes = Array(name.utf8)
            let gaps = [""] + zip(words, words.dropFirst()).map { Self.normalizedGap(bytes[$0.end..<$1.start]) }
            let trailing = String(decoding: bytes[last.end...], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces)
            let pattern = Pattern(
                words: words.map { ($0.folded, Self.isAcronym($0.text) ? $0.text : nil) }, gaps: gaps,
                trailing: trailing.allSatisfy { $0 == "." } ? trailing : "", target: target)
            patternsByFirstWord[first.folded, default: []].append(pattern)
        }
        for key in patternsByFirstWord.keys {
            patternsByFirstWord[key]?.sort { $0.words.count > $1.words.count }
        }
    }

    /// The key two names share when they would match the same words.
    public static func key(_ name: String) -> String {
        significantWords(in: name).map(\.folded).joined(separator: " ")
    }

    /// The words of a name without a leading "the", which the text may or may not print.
    static func significantWords(in name: String) -> [Word] {
        let words = words(in: name)
        return words.count > 1 && words[0].folded == "the" ? Array(words.dropFirst()) : words
    }

    /// All matches, left to right, never overlapping.
    public func matches(in text: String) -> [Match] {
        let words = Self.words(in: text)
        let utf8 = Array(text.utf8)
        var matches: [Match] = []
        var index = 0
        while index < words.count {
            let candidates = patternsByFirstWord[words[index].folded] ?? []
            if let pattern = candidates.first(where: { matchesPattern($0, words: words, at: index, utf8: utf8) }),
                !Self.isInsidePlaceName(words, from: index, count: pattern.words.count, utf8: utf8)
            {
                let last = words[index + pattern.words.count - 1]
                var end = last.end
                let trailing = Array(pattern.trailing.utf8)
                if !trailing.isEmpty, utf8.count >= end + trailing.count,
                    Array(utf8[end..<(end + trailing.count)]) == trailing
                {
                    end += trailing.count
                }
                matches.append(Match(start: words[index].start, end: end, target: pattern.target))
                index += pattern.words.count
            } else {
                index += 1
            }
        }
        return matches
    }

    /// Whether the words from `index` are part of a place's name around them: "Selin" in "Port
    /// Selin" or "Ellis" in "Ellis Bay" is no mention of a Marta Selin or a Jane Ellis.
    static func isInsidePlaceName(_ words: [Word], from index: Int, count: Int, utf8: [UInt8]) -> Bool {
        func spaced(_ first: Int) -> Bool { utf8[words[first].end..<words[first + 1].start].elementsEqual(" ".utf8) }
        if index > 0, Gazetteer.placeOpeners.contains(words[index - 1].text), spaced(index - 1) { return true }
        let next = index + count
        if next < words.count, let initial = words[next].text.first, initial.isUppercase,
            Gazetteer.placeEnders.contains(words[next].folded), spaced(next - 1)
        {
            return true
        }
        return false
    }

    private func matchesPattern(_ pattern: Pattern, words: [Word], at index: Int, utf8: [UInt8]) -> Bool {
        guard index + pattern.words.count <= words.count else { return false }
        for (offset, expected) in pattern.words.enumerated() {
            let word = words[index + offset]
            if let exact = expected.exact {
                guard word.text == exact else { return false }
            } else if word.folded != expected.folded {
                return false
            }
            if offset > 0 {
                let gap = utf8[words[index + offset - 1].end..<word.start]
                if !Self.isJoiningGap(gap) && Self.normalizedGap(gap) != pattern.gaps[offset] { return false }
            }
        }
        return true
    }

    /// The text between two words with runs of whitespace as one space and curly apostrophes straight.
    static func normalizedGap(_ bytes: ArraySlice<UInt8>) -> String {
        var gap = ""
        for character in String(decoding: bytes, as: UTF8.self) {
            if character.isWhitespace {
                if !gap.hasSuffix(" ") { gap.append(" ") }
            } else {
                gap.append(character == "\u{2019}" ? "'" : character)
            }
        }
        return gap
    }

    /// Words of a multi-word name may be separated by spaces, hyphens or a possessive, not by punctuation.
    static func isJoiningGap(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.count == 1, bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "-") { return true }
        let gap = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\u{2019}s", with: "")
            .replacingOccurrences(of: "'s", with: "")
        return gap.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || "-\u{2010}\u{2011}".unicodeScalars.contains($0)
        }
    }

    static func isAcronym(_ word: String) -> Bool {
        // Most words are ASCII and start in lowercase or with one capital: read bytes, not Characters.
        var letters = 0
        var ascii = true
        for byte in word.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                letters += 1
            } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                return false
            }
        }
        if ascii { return word.utf8.count >= 2 && letters > 0 }
        return word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber } && word.contains(where: \.isLetter)
    }

    /// Splits text into words with their UTF-8 offsets. An apostrophe inside a word is kept
    /// ("D'Or"), except before a final `s`, which is the possessive and left out.
    ///
    /// Every stage calls this on every paragraph, so it reads UTF-8 bytes, decoding a scalar only
    /// where a byte is not ASCII, and folds ASCII words byte by byte.
    static func words(in text: String) -> [Word] {
        var text = text
        return text.withUTF8 { words(inUTF8: $0) }
    }

    private static func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        let count = bytes.count
        func scalar(at offset: Int) -> (Unicode.Scalar, Int) { UTF8Scalars.scalar(in: bytes, at: offset) }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
        }
        func isWord(at offset: Int) -> Bool { offset < count && isWordScalar(scalar(at: offset).0) }
        func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

        var words: [Word] = []
        var offset = 0
        while offset < count {
            let (first, firstWidth) = scalar(at: offset)
            guard isWordScalar(first) else {
                offset += firstWidth
                continue
            }
            let start = offset
            var isASCII = true
            var hasCurlyApostrophe = false
            var possessiveEnd: Int?
            while offset < count {
                let (current, width) = scalar(at: offset)
                if isWordScalar(current) {
                    if !current.isASCII { isASCII = false }
                    offset += width
                } else if isApostrophe(current), isWord(at: offset + width) {
                    let next = bytes[offset + width]
                    if next == UInt8(ascii: "s") || next == UInt8(ascii: "S"), !isWord(at: offset + width + 1) {
                        possessiveEnd = offset + width + 1
                        break
                    }
                    if current != "'" {
                        isASCII = false
                        hasCurlyApostrophe = true
                    }
                    offset += width
                } else {
                    break
                }
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<offset])
            let word = String(decoding: slice, as: UTF8.self)
            let folded: String
            if isASCII {
                folded = String(
                    decoding: slice.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            } else if hasCurlyApostrophe {
                folded = word.replacingOccurrences(of: "\u{2019}", with: "'").lowercased()
            } else {
                folded = word.lowercased()
            }
            words.append(Word(start: start, end: offset, text: word, folded: folded))
            if let possessiveEnd { offset = possessiveEnd }
        }
        return words
    }
}
