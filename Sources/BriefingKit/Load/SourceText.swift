import Foundation

/// Reads an input file as text, deciding what to do with encodings and invisible characters.
///
/// - UTF-8, with or without a byte-order mark: read as is.
/// - UTF-16 with a byte-order mark: decoded, with a warning to save the file as UTF-8.
/// - Anything else that is not UTF-8 (Windows-1252 smart quotes, Latin-1): an error at the
///   first bad byte, with its line, column and offset. Guessing would silently change text.
/// - NUL bytes: an error; the file is binary, not an article.
/// - Zero-width spaces, word joiners, stray byte-order marks and bidirectional controls:
///   removed, with a warning at the first one. They are invisible, break name matching and
///   can make text display in a different order than it is stored.
/// - Files over `maximumBytes` are refused, which keeps a build's memory bounded.
public enum SourceText {
    /// 8 MiB: a long news article is well under 100 KiB.
    public static let maximumBytes = 8 << 20

    static let invisible: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}",
        "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]

    public static func read(_ path: String) throws(BuildFailure) -> (String, [Diagnostic]) {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let size = (try? FileManager.default.attributesOfItem(atPath: real)[.size] as? Int) ?? 0
        if size > maximumBytes {
            throw BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        path,
                        "file is \(size / (1 << 20)) MiB; files over \(maximumBytes >> 20) MiB are refused (split the article)"
                    )
                ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildFailure(stage: "load", diagnostics: [.error(path, "cannot be read")])
        }
        return try decode(data, path: path)
    }

    public static func decode(_ data: Data, path: String) throws(BuildFailure) -> (String, [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var text: String
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = data.first == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let decoded = String(data: data.dropFirst(2), encoding: encoding) else {
                throw BuildFailure(
                    stage: "load", diagnostics: [.error(path, line: 1, column: 1, "starts like UTF-16 but is not")])
            }
            text = decoded
            warnings.append(.warning(path, line: 1, column: 1, "read as UTF-16; save the file as UTF-8"))
        } else {
            text = try decodeUTF8(data, path: path)
        }
        if text.utf8.contains(0), let nul = position(in: text, where: { $0 == "\0" }) {
            throw BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        path, line: nul.line, column: nul.column, "contains a NUL byte: this is a binary file, not text"
                    )
                ])
        }
        // Every invisible character is at U+200B or above, so most scalars are passed over by value.
        func isInvisible(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x200B && invisible.contains(scalar) }
        var body = text.unicodeScalars.dropFirst(text.unicodeScalars.first == "\u{FEFF}" ? 1 : 0)
        guard body.contains(where: isInvisible) else { return (String(body), warnings) }
        if let first = position(in: String(body), where: isInvisible) {
            let count = body.filter(isInvisible).count
            body.removeAll(where: isInvisible)
            warnings.append(
                .warning(
                    path, line: first.line, column: first.column,
                    "removed \(count) invisible character(s) (zero-width spaces or bidirectional controls)"))
        }
        text = String(body)
        return (text, warnings)
    }

    /// Line and column (in characters) of the first scalar that satisfies `test`.
    private static func position(in text: String, where test: (Unicode.Scalar) -> Bool) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if test(scalar) { return (line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// The text of UTF-8 bytes, or an error at the first byte that is not UTF-8.
    public static func decodeUTF8(_ data: Data, path: String) throws(BuildFailure) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error(let length):
                let byte = data[data.startIndex + offset]
                throw BuildFailure(
                    stage: "load",
                    diagnostics: [
                        .error(
                            path, line: line, column: offset - lineStart + 1,
                            "not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) (\(length) byte(s)); save the file as UTF-8"
                        )
                    ])
            case .emptyInput:
                throw BuildFailure(stage: "load", diagnostics: [.error(path, "is not valid UTF-8 text")])
            }
        }
    }
}
