/// Reading Unicode scalars straight from a string's UTF-8 bytes. The text passes that run over
/// every paragraph read ASCII bytes as they are and decode a scalar only where a byte is not
/// ASCII, which is several times faster than walking `Character`s.
enum UTF8Scalars {
    /// The scalar that starts at `offset` in valid UTF-8, and its width in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for next in 1..<width where offset + next < bytes.count {
            value = value << 6 | UInt32(bytes[offset + next] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Unicode's White_Space, answered without a property lookup for ASCII.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (9...13).contains(scalar.value) : scalar.properties.isWhitespace
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without the spaces and tabs around it: what `trimmingCharacters(in: .whitespaces)`
    /// gives (space separators and tab), without the round trip through UTF-16 that costs on every paragraph.
    func trimmingSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
        }
        // Most lines start and end with a letter or a full stop: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        var trimmed = ""
        trimmed.unicodeScalars.append(contentsOf: scalars[first...last])
        return trimmed
    }

    /// Whether the text holds a right single quotation mark, the curly apostrophe.
    var hasCurlyApostrophe: Bool { unicodeScalars.contains("\u{2019}") }
}
