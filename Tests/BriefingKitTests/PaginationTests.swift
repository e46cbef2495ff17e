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
