import Foundation

/// Text helpers shared by the loaders.
public enum Text {
    /// A key under which two blocks that differ only in whitespace, quote style or dash style are equal.
    public static func repeatKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            var pendingSpace = false
            var offset = 0
            while offset < bytes.count {
                let (scalar, width) = UTF8Scalars.scalar(in: bytes, at: offset)
                if UTF8Scalars.isWhitespace(scalar) {
                    pendingSpace = !key.isEmpty
                    offset += width
                    continue
                }
                if pendingSpace {
                    key.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                let canonical = canonical(scalar)
                if canonical == scalar {
                    key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<offset + width]))
                } else {
                    key.append(UInt8(canonical.value))  // every canonical form is ASCII
                }
                offset += width
            }
            return String(decoding: key, as: UTF8.self)
        }
    }

    private static func canonical(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": "\""
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`": "'"
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": "-"
        default: scalar
        }
    }

    /// A URL-safe, lowercase slug: letters and digits, words joined by `-`.
    public static func slug(_ text: String) -> String {
        // Folding accents goes through Foundation; ASCII text, most of it, has none to fold.
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            // ASCII letters and digits, by range: the Unicode property tables are slow for plain text.
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(
                    ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value | 0x20)) : scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Escapes plain text so cmark reads it back as the same text, not as Markdown syntax.
    public static func escapeMarkdown(_ text: String) -> String {
        var text = text
        // Every character escaped is ASCII, and an ASCII byte is never part of a longer UTF-8 sequence.
        var escaped = text.withUTF8 { bytes in
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                    UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                    UInt8(ascii: "~"):
                    escaped.append(UInt8(ascii: "\\"))
                default: break
                }
                escaped.append(byte)
            }
            return String(decoding: escaped, as: UTF8.self)
        }
        // Characters that only mean something at the start of a line.
        if let first = escaped.first, "#-+=".contains(first) {
            escaped.insert("\\", at: escaped.startIndex)
        } else if let marker = escaped.firstIndex(where: { !$0.isNumber }), marker != escaped.startIndex,
            escaped[marker] == "." || escaped[marker] == ")"
        {
            escaped.insert("\\", at: marker)
        }
        return escaped
    }

    /// Number of words separated by whitespace.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// Newlines as `\n`, without a byte-order mark.
    public static func normalizeNewlines(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Whether the string is a calendar date written `YYYY-MM-DD`.
    public static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return year > 0 && (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
