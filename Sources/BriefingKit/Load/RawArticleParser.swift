import Foundation

/// Reads an article as a scraper left it: one paragraph a line, with the headline near the top.
///
/// Two layouts are recognised:
/// - the headline is the first line, followed by a blank line;
/// - a one-sentence standfirst comes first, then the headline, a blank line and the headline again.
///
/// In both, a headline printed twice is a repeat, and the lines right under it may be a
/// dateline ("Saturday, May 14, 2005"), a byline ("By …") and a short sub-headline (the dek).
/// Every later line is a body paragraph; repeated paragraphs (also when they differ only in
/// whitespace, quote or dash style) are removed and listed in `Article.removed`.
public enum RawArticleParser {
    struct Line {
        var number: Int
        var text: String
        var blankAfter: Bool
    }

    /// The longest sub-headline, in words; a longer line is a body paragraph.
    static let maximumDekWords = 25

    public static func parse(_ raw: String, path: String, slug: String) throws(Diagnostic) -> Article {
        var lines = nonBlankLines(Text.normalizeNewlines(raw))
        guard !lines.isEmpty else {
            throw .error(path, line: 1, column: 1, "article is empty: expected a headline and at least one paragraph")
        }
        var removed: [RemovedBlock] = []
        let headlineIndex = findHeadline(in: lines)
        let headline = lines[headlineIndex]
        let summary = lines[..<headlineIndex].map(\.text).joined(separator: " ")
        lines.removeFirst(headlineIndex + 1)
        if let next = lines.first, Text.repeatKey(next.text) == Text.repeatKey(headline.text) {
            removed.append(
                RemovedBlock(
                    line: next.number, reason: "repeats the headline (line \(headline.number))", text: next.text))
            lines.removeFirst()
        }

        var article = Article(
            slug: slug, title: headline.text, summary: summary.isEmpty ? nil : summary, paragraphs: [], path: path)
        // A full sentence under the headline is a dek only in the layout that has one (a
        // standfirst or a repeated headline); otherwise it is the first body paragraph.
        readHeaderLines(&lines, into: &article, sentenceDek: !removed.isEmpty || headlineIndex > 0, notes: &removed)

        var seen: [String: Int] = [:]
        if let summary = article.summary { seen[Text.repeatKey(summary)] = 1 }
        var paragraphs: [Paragraph] = []
        for line in lines {
            if let reason = PageFurniture.reason(for: line.text) {
                removed.append(RemovedBlock(line: line.number, reason: reason, text: line.text))
                continue
            }
            let key = Text.repeatKey(line.text)
            if let first = seen[key] {
                removed.append(RemovedBlock(line: line.number, reason: "repeats line \(first)", text: line.text))
                continue
            }
            seen[key] = line.number
            paragraphs.append(
                Paragraph(number: paragraphs.count + 1, markdown: Text.escapeMarkdown(line.text), line: line.number))
        }
        // Short lines after the last sentence are the page's sign-off ("VOA News", "Staff editor."),
        // not the article's ending.
        while paragraphs.count > 1, let last = paragraphs.last, PageFurniture.isSignOff(last.markdown) {
            let line = lines.first { $0.number == last.line }
            removed.append(
                RemovedBlock(
                    line: last.line, reason: "page furniture, not article text (a short line closing the page)",
                    text: line?.text ?? last.markdown))
            paragraphs.removeLast()
        }
        removed.sort { $0.line < $1.line }
        guard !paragraphs.isEmpty else {
            throw .error(path, line: headline.number, column: 1, "article has a headline but no body paragraphs")
        }
        article.paragraphs = paragraphs
        article.removed = removed
        return article
    }

    private static func nonBlankLines(_ text: String) -> [Line] {
        // Split on the newline byte: newlines are already `\n` alone, and it is never inside a scalar.
        let raw = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var lines: [Line] = []
        for (index, line) in raw.enumerated() {
            let trimmed = Substring(line).trimmingSpaces()
            if trimmed.isEmpty {
                if !lines.isEmpty { lines[lines.count - 1].blankAfter = true }
                continue
            }
            lines.append(Line(number: index + 1, text: trimmed, blankAfter: false))
        }
        if !lines.isEmpty { lines[lines.count - 1].blankAfter = true }
        return lines
    }

    /// Index of the headline line: a line repeated across a blank line near the top, else the
    /// first line followed by a blank line within the first two, else the first line.
    static func findHeadline(in lines: [Line]) -> Int {
        let window = min(lines.count - 1, 3)
        if window > 0 {
            for index in 0..<window
            where lines[index].blankAfter && Text.repeatKey(lines[index].text) == Text.repeatKey(lines[index + 1].text)
            {
                return index
            }
        }
        if lines.count > 2, !lines[0].blankAfter, lines[1].blankAfter, looksLikeSentence(lines[0].text) {
            return 1
        }
        return 0
    }

    /// Takes the dateline, byline and dek from the lines right under the headline.
    /// Takes the dateline, byline and dek from the lines right under the headline, noting each.
    private static func readHeaderLines(
        _ lines: inout [Line], into article: inout Article, sentenceDek: Bool, notes: inout [RemovedBlock]
    ) {
        var consumed = 0
        while consumed < 3, lines.count > 1, let line = lines.first {
            let reason: String
            if article.date == nil, let date = Dateline.date(in: line.text) {
                article.date = date
                reason = "read as the dateline (date: \(date))"
            } else if article.byline == nil, isByline(line.text) {
                article.byline = String(line.text.dropFirst(3))
                reason = "read as the byline"
            } else if article.dek == nil, isDek(line, next: lines[1]), sentenceDek || !endsLikeSentence(line.text) {
                article.dek = line.text
                reason = "read as the sub-headline (dek)"
            } else {
                break
            }
            notes.append(RemovedBlock(line: line.number, reason: reason, text: line.text))
            lines.removeFirst()
            consumed += 1
        }
    }

    /// "By Jane Doe", "By SpaceRef Editor": capitalised names, not a sentence ("By Monday, talks resumed.").
    private static func isByline(_ text: String) -> Bool {
        let words = text.split(separator: " ").dropFirst()
        return text.hasPrefix("By ") && !words.isEmpty && words.count <= 5 && !endsLikeSentence(text)
            && words.allSatisfy { $0.first?.isUppercase == true || ["and", "of", "de", "van", "von"].contains($0) }
    }

    /// A dek is short, reads as a phrase or one sentence, and is not a caption printed twice.
    private static func isDek(_ line: Line, next: Line) -> Bool {
        let words = Text.wordCount(line.text)
        return words >= 4 && words <= maximumDekWords && !line.text.hasSuffix(":")
            && Text.repeatKey(line.text) != Text.repeatKey(next.text)
    }

    private static func looksLikeSentence(_ text: String) -> Bool {
        endsLikeSentence(text) && Text.wordCount(text) >= 6
    }

    private static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?\"\u{201D}".contains(last)
    }
}
