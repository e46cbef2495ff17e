import Foundation
import Testing

@testable import BriefingKit

/// `Event` keeps its fields in one shared object; it must still behave as a value.
@Suite("An event is a value")
struct EventValueTests {
    static func event() -> Event {
        Event(
            slug: "talks-resume", summary: "Talks resume.", date: "2025-03-18", when: "on Tuesday", order: 2,
            status: .planned,
            sources: [Located("call#p1", at: SourceLocation(path: "events/talks.md", line: 4, column: 3))],
            parties: [Located("donald-trump", at: SourceLocation(path: "events/talks.md", line: 5))],
            description: "More.", path: "events/talks.md")
    }

    @Test func changingACopyLeavesTheOriginalAsItWas() {
        let original = Self.event()
        var copy = original
        #expect(copy == original)
        copy.summary = "Talks collapse."
        copy.sources.append(Located("call#p2", at: SourceLocation(path: "events/talks.md", line: 6)))
        copy.hidden = true
        #expect(original.summary == "Talks resume.")
        #expect(original.sources.count == 1)
        #expect(original.hidden == nil)
        #expect(copy.summary == "Talks collapse.")
        #expect(copy.sources.count == 2)
        #expect(copy != original)
    }

    @Test func eventsMadeApartCompareAndHashByTheirFields() {
        var a = Self.event()
        var b = Self.event()
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        // Each field on its own tells two events apart.
        let changes: [(inout Event) -> Void] = [
            { $0.slug = "other" }, { $0.summary = "Other." }, { $0.date = nil }, { $0.when = nil },
            { $0.order = 3 }, { $0.status = .past }, { $0.sources = [] }, { $0.parties = [] },
            { $0.description = "" }, { $0.path = "other.md" }, { $0.hidden = false },
        ]
        for change in changes {
            var changed = Self.event()
            change(&changed)
            #expect(changed != Self.event())
        }
        a.order = 7
        b.order = 7
        #expect(a == b)
    }

    @Test func anEventCodesAsItsFields() throws {
        var event = Self.event()
        event.hidden = true
        let data = try JSONEncoder().encode(event)
        let fields = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(fields.keys)
                == [
                    "slug", "summary", "date", "when", "order", "status", "sources", "parties", "description", "path",
                    "hidden",
                ])
        #expect(try JSONDecoder().decode(Event.self, from: data) == event)
    }
}
