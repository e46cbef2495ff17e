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
        let folded = line.lowercased().trimmingCharacters(in: .whitespaces)
        if lines.contains(folded) { return "page furniture, not article text" }
        if let opening = openings.first(where: { folded.hasPrefix($0) }) {
            return "page furniture, not article text (a line starting '\(opening)')"
        }
        // "For NASA TV streaming video, scheduling and downlink information, visit:" introduces a link list.
        if folded.hasSuffix("visit:") { return "page furniture, not article text (a link list's heading)" }
        // Size pickers and player clocks ("XS", "0:00 0:03:00 0:00"): no word of three letters.
        let words = folded.split(whereSeparator: { !$0.isLetter })
        if !words.contains(where: { $0.count >= 3 }) {
            return "page furniture, not article text (no words)"
        }
        return nil
    }

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
