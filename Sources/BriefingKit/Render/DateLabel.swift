/// Dates as readers expect them: "18 March 2025".
enum DateLabel {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func text(_ iso: String?) -> String? {
        guard let iso, Text.isISODate(iso) else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// The label of an event: its date, the article's wording, or both.
    static func event(_ event: Event) -> String {
        switch (text(event.date), event.when) {
        case (let date?, let when?): "\(date) (\(when))"
        case (let date?, nil): date
        case (nil, let when?): when
        // A planned event says so in its badge; the label only says the text gives no time.
        case (nil, nil): "Date not given"
        }
    }
}
