import Foundation
import Synchronization
import Testing

@testable import BriefingKit

@Suite("Paging long lists")
struct PaginationTests {
    @Test func aPageLinksToTheEndsAndItsNeighboursOnly() {
        #expect(PageRenderer.pageWindow(1, of: 3) == [1, 2, 3])
        #expect(PageRenderer.pageWindow(50, of: 100) == [1, 47, 48, 49, 50, 51, 52, 53, 100])
        #expect(PageRenderer.pageWindow(100, of: 100) == [1, 97, 98, 99, 100])
        // However many pages there are, each links to at most nine.
        #expect((1...2_000).allSatisfy { PageRenderer.pageWindow($0, of: 2_000).count <= 9 })
    }

    /// The page (by its address) of each event of `pages`, by slug.
    static func addresses(_ pages: TimelinePages, _ slugs: [String]) -> [String: String] {
        var addresses: [String: String] = [:]
        for page in 1...pages.count {
            for position in pages.range(page: page) { addresses[slugs[position]] = pages.path(page: page) }
        }
        return addresses
    }

    @Test func timelinePagesHoldAbout200EventsAndEveryEventOnce() {
        let slugs = (0..<20_000).map { "event-\($0)" }
        let pages = TimelinePages(slugs: slugs)
        let sizes = (1...pages.count).map { pages.range(page: $0).count }
        #expect(sizes.reduce(0, +) == slugs.count)
        #expect(sizes.allSatisfy { (TimelinePages.cuts.minimum...TimelinePages.cuts.maximum).contains($0) })
        #expect((80...120).contains(pages.count))
        #expect(zip(pages.starts, pages.starts.dropFirst()).allSatisfy { $0 < $1 })
        // Each event's page is the one whose range holds it; each page but the first is named by
        // its first event.
        #expect(slugs.indices.allSatisfy { pages.range(page: pages.page(ofEventAt: $0)).contains($0) })
        #expect(pages.path(page: 1) == "timeline/index.html")
        let name = ContentCuts.name(ContentCuts.hash(slugs[pages.starts[1]]))
        #expect(pages.path(page: 2) == "timeline/\(name)/index.html")
        // Names are twelve hexadecimal digits, all different.
        let names = pages.names.compactMap { $0 }
        #expect(names.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(names).count == names.count)
        // A short timeline is one page; an empty one too.
        #expect(TimelinePages(slugs: Array(slugs.prefix(150))).count == 1)
        #expect(TimelinePages(slugs: [String]()).count == 1)
        #expect(TimelinePages(slugs: [String]()).range(page: 1) == 0..<0)
    }

    @Test func aStretchWithNoCutsIsDividedEvenly() {
        // 1,100 slugs none of which is a cut, even a finer one: the whole timeline is one
        // stretch, divided into six parts of 183 or 184 events.
        let slugs = (0..<100_000).lazy.map { "event-\($0)" }
            .filter { ContentCuts.hash($0) % TimelinePages.cuts.finerDivisor != 0 }.prefix(1_100)
        let pages = TimelinePages(slugs: Array(slugs))
        #expect((1...pages.count).map { pages.range(page: $0).count } == [183, 183, 184, 183, 183, 184])
    }

    @Test func pagesMadeFromTheLastBuildsAreThePagesMadeAfresh() {
        func event(_ slug: String) -> LinkedEvent {
            LinkedEvent(
                event: Event(slug: slug, summary: slug, sources: [], path: "a.txt"), citations: [], parties: [])
        }
        let events = (0..<5_000).map { event("event-\($0)") }
        let last = TimelinePages(events)
        // One event renamed in place (a cut, so the pages move), one list longer, one shorter;
        // events put in, taken out, and a run replaced by a longer one, in the middle.
        let cut = last.starts[3]
        var renamed = events
        renamed[cut] = event("renamed")
        var putIn = events
        putIn.insert(contentsOf: [event("new-1"), event("new-2")], at: cut)
        var takenOut = events
        takenOut.removeSubrange(cut - 3..<cut + 40)
        var replaced = events
        replaced.replaceSubrange(2_000..<2_010, with: (0..<30).map { event("run-\($0)") })
        for now in [renamed, events + [event("added")], Array(events.dropLast(700)), putIn, takenOut, replaced] {
            let updated = TimelinePages(now, updating: (last, events))
            let fresh = TimelinePages(slugs: now.map(\.event.slug))
            #expect(updated.starts == fresh.starts && updated.names == fresh.names && updated.hashes == fresh.hashes)
            #expect(updated.eventCount == now.count)
        }
        #expect(TimelinePages(renamed, updating: (last, events)).starts != last.starts)
    }

    @Test func eventsAddedOrRemovedMoveFewOthersToAnotherPage() {
        let slugs = (0..<20_000).map { "event-\($0)" }
        let before = Self.addresses(TimelinePages(slugs: slugs), slugs)
        // An article's events removed, spread over the order (every 500th), and then one added
        // before each of them.
        var moved: [Int] = []
        for edited in [
            slugs.enumerated().filter { $0.offset % 500 != 7 }.map(\.element),
            slugs.enumerated().flatMap { $0.offset % 500 == 7 ? ["added-\($0.offset)", $0.element] : [$0.element] },
        ] {
            let after = Self.addresses(TimelinePages(slugs: edited), edited)
            moved.append(before.filter { slug, address in after[slug].map { $0 != address } ?? false }.count)
        }
        // Cut every 200 events, the first of these edits moved 19,800 events to another page.
        #expect(moved.allSatisfy { $0 < 1_000 })
    }
}

@Suite("Work on all cores")
struct ParallelTests {
    struct Failure: Error, Equatable { var index: Int }

    @Test func resultsKeepTheirOrderAndTheFirstFailureInOrderIsReported() {
        #expect(Parallel.map(Array(0..<500)) { $0 * 2 } == Array(0..<500).map { $0 * 2 })
        for _ in 0..<20 {
            #expect(throws: Failure(index: 30)) {
                try Parallel.map(Array(0..<100)) { (index: Int) throws(Failure) -> Int in
                    if index == 30 || index == 70 { throw Failure(index: index) }
                    return index
                }
            }
        }
    }
}

extension ParallelTests {
    @Test func bothRunsItsTwoStepsAtOnceOnlyWhenAsked() {
        // Each step records whether the other had started: at once, each sees the other begin;
        // one after the other, only the second does. The first waits for the second, sleeping,
        // up to a minute: with the whole suite running, the shared threads may all be held by
        // other tests for as long as the longest of them (a wait of ten seconds once ran out).
        func run(concurrently: Bool) -> (Bool, Bool) {
            let started = Atomic<Int>(0)
            let clock = ContinuousClock()
            return Parallel.both(
                concurrently: concurrently,
                {
                    started.add(1, ordering: .sequentiallyConsistent)
                    let deadline = clock.now.advanced(by: .seconds(concurrently ? 60 : 0))
                    while started.load(ordering: .sequentiallyConsistent) < 2, clock.now < deadline {
                        Thread.sleep(forTimeInterval: 0.001)
                    }
                    return started.load(ordering: .sequentiallyConsistent) == 2
                },
                {
                    started.add(1, ordering: .sequentiallyConsistent)
                    return started.load(ordering: .sequentiallyConsistent) == 2
                })
        }
        let (firstSawSecond, secondSawFirst) = run(concurrently: false)
        #expect(!firstSawSecond)
        #expect(secondSawFirst)
        if Parallel.width > 1 {
            let (first, _) = run(concurrently: true)
            #expect(first)
        }
    }
}

@Suite("Checking links from their tables")
struct LinkTableTests {
    @Test func aQueryOnlyLinkIsCheckedOnItsOwnPage() {
        let pages = [
            LinkChecker.PageLinks(path: "index.html", ids: ["x"], links: ["?v=1#x"]),
            LinkChecker.PageLinks(path: "404.html", ids: [], links: ["?v=1#x"]),
        ]
        let broken = LinkChecker.check(pages, paths: ["index.html", "404.html"])
        #expect(
            broken.map(\.description) == [
                "Public/404.html: error: broken link '?v=1#x': Public/404.html has no element with id 'x'"
            ])
    }
}
