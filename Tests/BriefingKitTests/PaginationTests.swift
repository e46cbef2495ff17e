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
