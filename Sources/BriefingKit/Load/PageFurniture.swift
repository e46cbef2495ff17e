/// Lines a scrape carries over from the page around the article: navigation, archive notices,
/// publisher boilerplate, player controls and size pickers. They are not the article, so they
/// are taken out of the body, and listed with the other removed lines (`briefing convert` shows them).
enum PageFurniture {
    /// Whole lines, compared in lowercase.
    static let lines: Set<String> = [
        "related news", "related", "sources", "source", "please wait", "no media source currently available",
        "filed under", "filed under ,", "share", "share this", "comments", "advertisement", "read more",
        "print", "email", "• 16x9 image", "16x9 image", "skip to content", "subscribe",
    ]

    /// Openings of publisher notices, compared in lowercase.
    static let openings: [String] = [
        "this page is archived", "articles presented on wikinews", "please note that due to our archival policy",
        "note that some listed sources or external links", "this article features first-hand journalism",
        "the voice of america provides news", "stories with the voa news byline", "for more information on",
        "watch video report from", "image:", "photo:", "source:", "file -", "file photo", "copyright ©",
        "all rights reserved", "follow us on", "sign up for",
    ]

    /// Why `line` is page furniture, or nil when it may be article text.
    static func reason(for line: String) -> String? {
        let trimmed = line.trimmingSpaces()
        // Notices are short or known by their opening, so a long line is folded only as far as
        // the longest of them reaches: paragraphs are most lines, and all of them pass through here.
        let folded = trimmed.utf8.count <= longest ? trimmed.lowercased() : String(trimmed.prefix(longest)).lowercased()
        if lines.contains(folded) { return "page furniture, not article text" }
        if let opening = openings.first(where: { folded.hasPrefix($0) }) {
            return "page furniture, not article text (a line starting '\(opening)')"
        }
        // "For NASA TV streaming video, scheduling and downlink information, visit:" introduces a link list.
        if trimmed.suffix(6).lowercased() == "visit:" {
            return "page furniture, not article text (a link list's heading)"
        }
        // Size pickers and player clocks ("XS", "0:00 0:03:00 0:00"): no word of three letters.
        var run = 0
        for scalar in trimmed.unicodeScalars {
            let isLetter =
                scalar.isASCII
                ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
                : scalar.properties.isAlphabetic
            run = isLetter ? run + 1 : 0
            if run >= 3 { return nil }
        }
        return "page furniture, not article text (no words)"
    }

    /// The length in bytes of the longest whole line or opening.
    private static let longest = (lines.map(\.utf8.count) + openings.map(\.utf8.count)).max() ?? 0

    /// A line of at most four words with no verb: a publisher's name or a credit ("VOA News",
    /// "SpaceRef staff editor."), when it closes the page. "Thousands lost power." is a sentence.
    static func isSignOff(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { $0.lowercased() }
        guard words.count <= 4 else { return false }
        return !words.contains { word in
            CommonWords.partOfSpeech(word) == .verb || EventExtractor.pastForms.contains(word) || word.hasSuffix("ed")
        }
    }
}
