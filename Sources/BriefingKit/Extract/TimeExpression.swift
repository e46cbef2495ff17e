/// A calendar day as a count of days since 1 January 1970, for date arithmetic on `YYYY-MM-DD`.
struct Day: Hashable, Comparable, Sendable {
    var number: Int

    init(number: Int) { self.number = number }

    init?(iso: String) {
        guard Text.isISODate(iso) else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Days from the civil calendar, counting years from March so that leap days come last.
    init(year: Int, month: Int, day: Int) {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    var iso: String {
        let (year, month, day) = civil
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// 0 for Sunday through 6 for Saturday.
    var weekday: Int { ((number % 7) + 11) % 7 }

    static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    static func + (day: Day, days: Int) -> Day { Day(number: day.number + days) }
}

/// A time expression found in a sentence and where it puts the event.
struct TimeExpression: Equatable {
    enum Anchor: Equatable {
        /// A calendar day the text fixes.
        case day(Day)
        /// Days from the publication date, when the text counts from it but gives no day
        /// ("last month"), or when there is no publication date to count from.
        case offset(Double, exactDay: Bool)
        /// A year ("in 2004"), or a month of a year.
        case period(Day)
        /// Only before or after the events around it ("a subsequent post", "previously").
        case relative(Double)
        /// Some days before or after another anchor ("before Wednesday's meeting").
        indirect case relativeTo(Anchor, Double)
    }

    /// The words as the article writes them.
    var text: String
    var anchor: Anchor
    /// Whether the words themselves point ahead ("next week", "tomorrow").
    var future: Bool

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Fixed phrases counted in days from publication; `true` when they name a single day.
    static let phrases: [(words: [String], days: Double, exact: Bool)] = [
        (["today"], 0, true), (["tonight"], 0, true), (["this", "morning"], 0, true),
        (["this", "afternoon"], 0, true), (["this", "evening"], 0, true), (["yesterday"], -1, true),
        (["tomorrow"], 1, true), (["last", "week"], -7, true), (["the", "week", "prior"], -7, true),
        (["the", "previous", "week"], -7, true), (["a", "week", "ago"], -7, true),
        (["the", "week", "before"], -7, true),
        (["earlier", "this", "week"], -2, false), (["later", "this", "week"], 2, false), (["next", "week"], 7, true),
        (["last", "month"], -30, false), (["the", "previous", "month"], -30, false),
        (["earlier", "this", "month"], -10, false), (["next", "month"], 30, false), (["last", "year"], -365, false),
        (["next", "year"], 365, false), (["earlier", "this", "year"], -60, false),
    ]

    static let phrasesByFirstWord = Dictionary(grouping: phrases, by: { $0.words[0] })

    /// Words that place an event just after or before the one the text told before it.
    static let after: Set<String> = ["subsequent", "subsequently", "later", "afterwards", "afterward", "then"]
    static let before: Set<String> = ["previously", "earlier", "beforehand", "prior"]

    /// The most precise time expression in a sentence's words, read against the publication
    /// date: a day before a period, a period before an offset, any of them before mere ordering
    /// words. `future` tells how to read a bare weekday: the coming one or the last one.
    /// `original` holds the words as written, for the wording kept on the event.
    static func find(
        in words: [String], original: [String], published: Day?, future: Bool, past: Bool = false
    ) -> TimeExpression? {
        var found: [TimeExpression] = []
        for index in words.indices {
            if var expression = match(
                words, original: original, at: index, published: published, future: future, past: past)
            {
                // "Before Wednesday's meeting": earlier than that day, on a day the text does not give.
                if index > 0, words[index - 1] == "before", !expression.future {
                    expression.text = original[index - 1] + " " + expression.text
                    expression.anchor = .relativeTo(expression.anchor, -0.5)
                }
                found.append(expression)
            }
        }
        return found.min { $0.precision < $1.precision }
    }

    /// Lower is more precise.
    var precision: Int {
        switch anchor {
        case .day: 0
        case .offset(_, let exact): exact ? 0 : 2
        case .period: 1
        case .relativeTo: 1
        case .relative: 3
        }
    }

    private static func match(
        _ words: [String], original: [String], at index: Int, published: Day?, future: Bool, past: Bool
    ) -> TimeExpression? {
        let word = words[index]
        func text(_ count: Int) -> String { original[index..<min(words.count, index + count)].joined(separator: " ") }
        func number(_ at: Int) -> Int? { at < words.count ? Int(words[at]) : nil }
        // "March 18, 2025", "Nov 30 2016", "May 29".
        if let month = months[word], let day = number(index + 1), (1...31).contains(day) {
            if let year = number(index + 2), (1000...2999).contains(year) {
                return TimeExpression(
                    text: text(3), anchor: .day(Day(year: year, month: month, day: day)), future: false)
            }
            return dayOfMonth(month: month, day: day, text: text(2), published: published, future: future, past: past)
        }
        // "18 March 2025", "29 May".
        if let day = Int(word), (1...31).contains(day), index + 1 < words.count, let month = months[words[index + 1]] {
            if let year = number(index + 2), (1000...2999).contains(year) {
                return TimeExpression(
                    text: text(3), anchor: .day(Day(year: year, month: month, day: day)), future: false)
            }
            return dayOfMonth(month: month, day: day, text: text(2), published: published, future: future, past: past)
        }
        // "in April", "last April": a month without a day, spelled out.
        if let month = months[word], word.count > 3 || word == "may", index > 0,
            ["in", "last", "since", "until", "by", "early", "late", "mid", "during"].contains(words[index - 1])
        {
            let stated = number(index + 1).flatMap { (1000...2999).contains($0) ? $0 : nil }
            let inferred = published.map { published in
                let civil = published.civil
                return month > civil.month && !future ? civil.year - 1 : civil.year
            }
            guard let year = stated ?? inferred else { return nil }
            return TimeExpression(
                text: original[index - 1] + " " + text(stated == nil ? 1 : 2),
                anchor: .period(Day(year: year, month: month, day: 15)), future: false)
        }
        // "on Monday", "Saturday's election", "last Tuesday", "next Friday".
        if let weekday = weekdays.firstIndex(of: word) {
            let previous = index > 0 ? words[index - 1] : ""
            let ahead = previous == "next" || previous == "this" && future || future && previous != "last"
            let wording =
                previous == "last" || previous == "next" || previous == "on"
                ? original[index - 1] + " " + original[index] : original[index]
            guard let published else {
                return TimeExpression(text: wording, anchor: .offset(ahead ? 3 : -3, exactDay: false), future: ahead)
            }
            var days = weekday - published.weekday
            if ahead {
                if days <= 0 { days += 7 }
            } else if days > 0 {
                days -= 7
            }
            return TimeExpression(text: wording, anchor: .day(published + days), future: ahead)
        }
        // "in 2004", "since 2008".
        if let year = Int(word), (1000...2999).contains(year), index > 0,
            ["in", "since", "of", "until", "by", "from", "a", "early", "late", "mid", "during", "before", "after"]
                .contains(words[index - 1])
        {
            return TimeExpression(
                text: original[index - 1] + " " + original[index], anchor: .period(Day(year: year, month: 7, day: 1)),
                future: false)
        }
        for phrase in phrasesByFirstWord[word] ?? [] where index + phrase.words.count <= words.count {
            if Array(words[index..<(index + phrase.words.count)]) == phrase.words {
                let anchor: Anchor =
                    if let published, phrase.exact { .day(published + Int(phrase.days)) } else {
                        .offset(phrase.days, exactDay: phrase.exact)
                    }
                return TimeExpression(text: text(phrase.words.count), anchor: anchor, future: phrase.days > 0)
            }
        }
        // Ordering words count where they open the sentence ("In a subsequent post", "Earlier,"),
        // not inside a description ("its previously firmer stance").
        if index < 3, after.contains(word) {
            return TimeExpression(text: original[index], anchor: .relative(0.1), future: false)
        }
        if index < 3, before.contains(word) {
            return TimeExpression(text: original[index], anchor: .relative(-0.5), future: false)
        }
        return nil
    }

    /// "May 29" without a year: the occurrence nearest the publication date on the side the
    /// sentence's tense gives, if it gives one.
    private static func dayOfMonth(month: Int, day: Int, text: String, published: Day?, future: Bool, past: Bool)
        -> TimeExpression?
    {
        guard let published else {
            return TimeExpression(text: text, anchor: .offset(future ? 1 : -1, exactDay: false), future: future)
        }
        let year = published.civil.year
        let options = (year - 1...year + 1).map { Day(year: $0, month: month, day: day) }
            .filter { (!future || !($0 < published)) && (!past || !(published < $0)) }
        guard
            let date = options.min(by: { abs($0.number - published.number) < abs($1.number - published.number) })
        else { return nil }
        return TimeExpression(text: text, anchor: .day(date), future: future)
    }
}
