import Testing

@testable import BriefingKit

@Suite("Events reported by more than one article")
struct RepeatedEventsTests {
    static func event(
        _ summary: String, from citation: String, date: String? = "2025-03-18", parties: [String],
        status: Event.Status = .past
    ) -> Event {
        let here = SourceLocation(path: citation)
        return Event(
            slug: summary.lowercased().split(separator: " ").prefix(4).joined(separator: "-"), summary: summary,
            date: date, status: status, sources: [Located(citation, at: here)],
            parties: parties.map { Located($0, at: here) }, path: citation)
    }

    @Test func theSameCallReportedTwiceIsOneEventCitingBoth() {
        let (events, merged) = RepeatedEvents.merge([
            Self.event(
                "Putin and Trump spoke by phone on Tuesday about a pause in strikes on energy infrastructure.",
                from: "wire#p1", parties: ["vladimir-putin", "donald-trump"]),
            Self.event(
                "Putin spoke with Trump by phone on Tuesday about pausing strikes on energy infrastructure.",
                from: "follow-up#p3", parties: ["vladimir-putin", "donald-trump", "kremlin"]),
        ])
        #expect(merged == 1)
        #expect(events.count == 1)
        #expect(events[0].summary.hasPrefix("Putin and Trump spoke"))
        #expect(events[0].sources.map(\.value) == ["wire#p1", "follow-up#p3"])
        #expect(events[0].parties.map(\.value) == ["vladimir-putin", "donald-trump", "kremlin"])
    }

    @Test func alikeSentencesAboutDifferentHappeningsStayApart() {
        let travel = "Delaro is expected to travel to Helmstad on Saturday for further consultations."
        let cases: [(Event, Event)] = [
            // Another place named.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"]),
                Self.event(
                    "Delaro is expected to travel to Mirav on Saturday for further consultations.", from: "b#p2",
                    parties: ["delaro"])
            ),
            // Another day.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"]),
                Self.event(travel, from: "b#p2", date: "2025-03-25", parties: ["delaro"])
            ),
            // No date: "on Saturday" in two articles may be two Saturdays.
            (
                Self.event(travel, from: "a#p1", date: nil, parties: ["delaro"]),
                Self.event(travel, from: "b#p2", date: nil, parties: ["delaro"])
            ),
            // No party in common.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"]),
                Self.event(travel, from: "b#p2", parties: ["helmstad-council"])
            ),
            // Planned in one, done in the other.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"], status: .planned),
                Self.event(travel, from: "b#p2", parties: ["delaro"])
            ),
            // Two sentences of one article are two things it reports.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"]),
                Self.event(travel, from: "a#p4", parties: ["delaro"])
            ),
            // Different wording altogether.
            (
                Self.event(travel, from: "a#p1", parties: ["delaro"]),
                Self.event("Delaro rejected the proposal on Saturday, aides said.", from: "b#p2", parties: ["delaro"])
            ),
        ]
        for (first, second) in cases {
            let (events, merged) = RepeatedEvents.merge([first, second])
            #expect(merged == 0, "\(first.summary) | \(second.summary)")
            #expect(events.count == 2)
        }
    }

    @Test func aThirdReportJoinsTheFirstAndUnrelatedEventsKeepTheirOrder() {
        let (events, merged) = RepeatedEvents.merge([
            Self.event("Ukraine accepted the ceasefire proposal in Jeddah.", from: "a#p1", parties: ["ukraine"]),
            Self.event("Rubio said the ball was in Russia's court.", from: "a#p2", parties: ["marco-rubio"]),
            Self.event("In Jeddah, Ukraine accepted the ceasefire proposal.", from: "b#p1", parties: ["ukraine"]),
            Self.event("Ukraine accepted the US ceasefire proposal in Jeddah.", from: "c#p5", parties: ["ukraine"]),
        ])
        #expect(merged == 2)
        #expect(events.map(\.sources.count) == [3, 1])
        #expect(events[0].sources.map(\.value) == ["a#p1", "b#p1", "c#p5"])
    }
}
