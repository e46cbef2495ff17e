/// Recognises the date lines scrapers leave under a headline ("Saturday, May 14, 2005").
enum Dateline {
    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The ISO date a short line states, if the line is a dateline: it starts with a weekday,
    /// a month or a number and does not read as a sentence ("It struck on 3 March." is not one).
    static func date(in line: String) -> String? {
        guard Text.wordCount(line) <= 10, let last = line.last, !".!?".contains(last) else { return nil }
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
            .map(String.init)
        guard let first = words.first,
            weekdays.contains(first) || months.contains(first) || first.first?.isNumber == true
        else { return nil }
        if let iso = words.first(where: Text.isISODate) { return iso }
        for (index, word) in words.enumerated() {
            guard let month = monthNumber(word) else { continue }
            // "May 14, 2005"
            if index + 2 < words.count, let day = Int(words[index + 1]), let year = Int(words[index + 2]),
                let iso = iso(year: year, month: month, day: day)
            {
                return iso
            }
            // "14 May 2005"
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]),
                let year = Int(words[index + 1]), let iso = iso(year: year, month: month, day: day)
            {
                return iso
            }
        }
        return nil
    }

    private static func monthNumber(_ word: String) -> Int? {
        months.firstIndex(of: word).map { $0 + 1 }
    }

    private static func iso(year: Int, month: Int, day: Int) -> String? {
        guard (1000...9999).contains(year) else { return nil }
        let text =
            "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return Text.isISODate(text) ? text : nil
    }
}
