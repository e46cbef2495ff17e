import Foundation
import Synchronization
import Testing

@testable import BriefingKit

/// The per-element cache the rebuild leans on: a result is reused only for an equal element
/// under an equal context, wherever the element moved.
@Suite("Results kept between builds")
struct MemoTests {
    struct Item: Equatable, Sendable {
        var key: String
        var text: String
    }

    /// Maps with a memo and counts the elements actually computed.
    static func run(_ memo: inout Memo<String, Item, Int, String>, _ items: [Item], context: Int = 0)
        -> (values: [String], computed: Int)
    {
        let calls = Atomic<Int>(0)
        let values = memo.map(items, key: \.key, context: context) { item in
            calls.add(1, ordering: .relaxed)
            return item.key + ":" + item.text.uppercased()
        }
        #expect(memo.computed == calls.load(ordering: .relaxed))
        return (values, calls.load(ordering: .relaxed))
    }

    /// Elements are compared by their bytes first, then with `==`: an equal element made
    /// afresh, whose strings are other storage, is reused all the same.
    @Test func anEqualElementMadeAfreshIsReused() {
        func items() -> [Item] {
            (0..<50).map { Item(key: "k\($0)", text: String(repeating: "long text of element \($0) ", count: 4)) }
        }
        var memo = Memo<String, Item, Int, String>()
        #expect(Self.run(&memo, items()).computed == 50)
        var changed = items()
        changed[7].text += "!"
        #expect(Self.run(&memo, changed).computed == 1)
    }

    /// Lists of objects are compared by identity, place by place: an equal object made afresh
    /// counts as another, and a place only one list has counts as differing.
    @Test func placesHoldingOtherObjectsAreFound() {
        final class Box: Sendable {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        let boxes = (0..<10).map(Box.init)
        var other = boxes
        other[3] = Box(3)
        other[8] = boxes[9]
        #expect(other.placesNotIdentical(to: boxes) == [3, 8])
        #expect(boxes.placesNotIdentical(to: boxes) == [])
        #expect((boxes + [Box(10), Box(11)]).placesNotIdentical(to: boxes) == [10, 11])
        #expect(boxes.placesNotIdentical(to: Array(boxes.prefix(7))) == [7, 8, 9])
        #expect(boxes[0..<3].isIdentical(to: other[0..<3]))
        #expect(!boxes[0..<4].isIdentical(to: other[0..<4]))
        #expect(!boxes[0..<3].isIdentical(to: boxes[0..<2]))
        #expect(!boxes[0..<3].isIdentical(to: boxes[1..<4]))
        // Objects put in, taken out and replaced: where each of the others is in the other list.
        var edited = boxes
        edited.insert(Box(20), at: 2)
        edited.remove(at: 6)
        edited[8] = Box(21)
        #expect(edited.placesOfIdentical(in: boxes) == [0, 1, -1, 2, 3, 4, 6, 7, -1, 9])
        #expect(boxes.placesOfIdentical(in: edited) == [0, 1, 3, 4, 5, -1, 6, 7, -1, 9])
        #expect(boxes.placesOfIdentical(in: boxes) == Array(0..<10))
        #expect(boxes.placesOfIdentical(in: []) == [Int](repeating: -1, count: 10))
        // An object moved farther than the lookahead is not found; the rest are.
        let moved = Array(boxes.dropFirst()) + [boxes[0]]
        #expect(moved.placesOfIdentical(in: boxes, lookahead: 2) == Array(1..<10) + [-1])
    }

    /// The memo compares elements by their bytes first: an event is one reference to its
    /// fields, so a copy from the last build has the same bytes, and a change to a copy leaves
    /// the event it was copied from as it was.
    @Test func anEventIsOneReferenceToItsFields() {
        #expect(MemoryLayout<Event>.size == MemoryLayout<AnyObject>.size)
        let event = Event(
            slug: "a", summary: "b", date: "2025-03-18", sources: [Located("x#p1", at: .init(path: "x"))], path: "c")
        var copy = event
        let bytes = { (event: Event) in withUnsafeBytes(of: event) { Array($0) } }
        #expect(bytes(copy) == bytes(event))
        copy.slug = "changed"
        copy.sources.append(Located("x#p2", at: .init(path: "x")))
        #expect(event.slug == "a" && event.sources.count == 1)
        #expect(copy.slug == "changed" && copy.sources.count == 2 && copy.summary == "b" && copy.date == "2025-03-18")
        #expect(bytes(copy) != bytes(event) && copy != event)
        // Equal fields are equal events, and hash alike, whether or not they are shared.
        var again = copy
        again.slug = "a"
        again.sources.removeLast()
        #expect(again == event && again.hashValue == event.hashValue && bytes(again) != bytes(event))
    }

    /// The memo says which elements it computed and which kept results it let go: the
    /// timeline is mended from these rather than by hashing every event.
    @Test func theComputedAndTheDroppedAreReported() {
        var memo = Memo<String, Item, Int, String>()
        let items = (0..<40).map { Item(key: "k\($0)", text: "t\($0)") }
        _ = Self.run(&memo, items)
        #expect(memo.computedPlaces == Array(0..<40))
        #expect(memo.dropped == nil)
        // One changed in place, one changed and moved, one gone, one added; the rest moved about.
        var now = items
        now[3].text = "changed"
        now[10].text = "changed too"
        now.remove(at: 20)
        now.append(Item(key: "new", text: "new"))
        now.swapAt(0, 30)
        now.insert(now.remove(at: 10), at: 35)
        let values = Self.run(&memo, now).values
        #expect(Set(memo.computedPlaces.map { now[$0].key }) == ["k3", "k10", "new"])
        #expect(
            memo.computedPlaces.map { values[$0] }
                == memo.computedPlaces.map { now[$0].key + ":" + now[$0].text.uppercased() })
        #expect(Set(memo.dropped ?? []) == ["k3:T3", "k10:T10", "k20:T20"])
        // The very array again: nothing computed, nothing dropped.
        _ = Self.run(&memo, now)
        #expect(memo.computedPlaces.isEmpty && memo.dropped == [])
        // Another context: every result is computed, and none of the kept ones is held in a list.
        _ = Self.run(&memo, now, context: 1)
        #expect(memo.computedPlaces == Array(now.indices))
        #expect(memo.dropped == nil)
    }

    @Test func onlyChangedElementsAreComputedWhereverTheOthersMoved() {
        var memo = Memo<String, Item, Int, String>()
        let items = (1...6).map { Item(key: "k\($0)", text: "t\($0)") }
        #expect(Self.run(&memo, items).computed == 6)
        #expect(Self.run(&memo, items) == (items.map { "\($0.key):\($0.text.uppercased())" }, 0))

        // One changed in place, one removed (the later ones move up), one added at the front.
        var edited = items
        edited[1].text = "changed"
        edited.remove(at: 3)
        edited.insert(Item(key: "new", text: "n"), at: 0)
        let (values, computed) = Self.run(&memo, edited)
        #expect(values == ["new:N", "k1:T1", "k2:CHANGED", "k3:T3", "k5:T5", "k6:T6"])
        #expect(computed == 2)

        // Swapped elements are found by key; a different context computes everything again.
        #expect(Self.run(&memo, [edited[2], edited[1]]) == (["k2:CHANGED", "k1:T1"], 0))
        #expect(Self.run(&memo, [edited[2], edited[1]], context: 1).computed == 2)
    }

    /// An element added or removed where an article gained or lost an event: the elements after
    /// it are found counted from the end, so only the keys of what changed are hashed.
    @Test func anElementAddedOrRemovedHashesOnlyTheKeysAroundIt() {
        var memo = Memo<String, Item, Int, String>()
        let keyed = Atomic<Int>(0)
        func run(_ items: [Item]) -> (values: [String], keyed: Int) {
            keyed.store(0, ordering: .relaxed)
            let values = memo.map(
                items,
                key: { item in
                    keyed.add(1, ordering: .relaxed)
                    return item.key
                }, context: 0
            ) { $0.key + ":" + $0.text }
            return (values, keyed.load(ordering: .relaxed))
        }
        var items = (0..<1000).map { Item(key: "k\($0)", text: "t\($0)") }
        _ = run(items)
        items.insert(Item(key: "new", text: "n"), at: 500)
        var (values, hashed) = run(items)
        #expect(values == items.map { $0.key + ":" + $0.text })
        #expect(hashed == 1 && memo.computedPlaces == [500] && memo.dropped == [])
        items.remove(at: 200)
        (values, hashed) = run(items)
        #expect(values == items.map { $0.key + ":" + $0.text })
        #expect(hashed == 1 && memo.computedPlaces == [] && memo.dropped == ["k200:t200"])
        // Two in a row added and one changed between them: only those three.
        items[700].text = "changed"
        items.insert(contentsOf: [Item(key: "a", text: "a"), Item(key: "b", text: "b")], at: 650)
        (values, hashed) = run(items)
        #expect(values == items.map { $0.key + ":" + $0.text })
        #expect(memo.computedPlaces == [650, 651, 702])
        #expect(memo.dropped == ["k700:t700"])
        #expect(hashed <= 3 * (702 - 650 + 1))
    }

    /// Random runs of edits: the results are always the ones a fresh map gives, and exactly the
    /// elements the last build had no equal of are computed.
    @Test func randomEditsGiveWhatAFreshMapGivesAndComputeOnlyTheNew() {
        var generator = SystemRandomNumberGenerator()
        var memo = Memo<String, Item, Int, String>()
        var items = (0..<30).map { Item(key: "k\($0)", text: "t") }
        var next = 30
        var last: [Item] = []
        for round in 0..<400 {
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let place = Int.random(in: 0...items.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    items.insert(Item(key: "k\(next)", text: "t"), at: place)
                    next += 1
                case 1 where !items.isEmpty: items.remove(at: min(place, items.count - 1))
                case 2 where !items.isEmpty: items[min(place, items.count - 1)].text += "x"
                case _ where items.count > 1:
                    items.insert(items.remove(at: min(place, items.count - 1)), at: place % items.count)
                default: break
                }
            }
            let (values, _) = Self.run(&memo, items)
            #expect(values == items.map { $0.key + ":" + $0.text.uppercased() }, "round \(round)")
            #expect(
                memo.computedPlaces == items.indices.filter { !last.contains(items[$0]) }, "round \(round)")
            last = items
        }
    }

    @Test func aMemoThatKeepsNothingComputesEveryTime() {
        var memo = Memo<String, Item, Int, String>(keeps: false)
        let items = [Item(key: "a", text: "x"), Item(key: "b", text: "y")]
        #expect(Self.run(&memo, items).computed == 2)
        #expect(Self.run(&memo, items) == (["a:X", "b:Y"], 2))
    }

    @Test func aWholeResultIsReusedOnlyForAnEqualInput() {
        var last = LastResult<[Int], Int>()
        var calls = 0
        func sum(_ input: [Int]) -> Int {
            last.value(for: input) {
                calls += 1
                return $0.reduce(0, +)
            }
        }
        #expect(sum([1, 2, 3]) == 6 && sum([1, 2, 3]) == 6 && calls == 1)
        #expect(sum([1, 2, 4]) == 7 && calls == 2)
    }

    /// A context that changed lets a kept result stand where the memo's test says it holds,
    /// and nowhere when the test gives none.
    @Test func aChangedContextKeepsOnlyTheResultsThatStillHold() {
        // The value marks whether the item's text holds the context's letter.
        typealias Marks = Memo<String, Item, String, String>
        @Sendable func mark(_ item: Item, _ letter: String) -> String {
            item.text + (item.text.contains(letter) ? "*" : "")
        }
        // A result holds for an item that holds neither the old letter nor the new; none holds
        // under "none".
        let holds: Marks.Holds = { last, now in
            if now == "none" { return nil }
            return { item, _ in !item.text.contains(last) && !item.text.contains(now) }
        }
        func run(_ memo: inout Marks, _ items: [Item], _ letter: String) -> (values: [String], computed: Int) {
            let values = memo.map(items, key: \.key, context: letter, holds: holds) { mark($0, letter) }
            #expect(values == items.map { mark($0, letter) })
            return (values, memo.computed)
        }
        var memo = Marks()
        let items = ["ab", "bc", "cd", "de"].map { Item(key: $0, text: $0) }
        #expect(run(&memo, items, "a").computed == 4)
        // "a" to "c": "ab", "bc" and "cd" hold one or the other.
        #expect(run(&memo, items, "c") == (["ab", "bc*", "cd*", "de"], 3))
        // The very array again, under another context: still tested, not taken whole.
        #expect(run(&memo, items, "e") == (["ab", "bc", "cd", "de*"], 3))
        // A changed item is computed whatever the test says.
        var edited = items
        edited[0].text = "xy"
        #expect(run(&memo, edited, "z").computed == 2)
        #expect(run(&memo, edited, "none").computed == 4)
        #expect(run(&memo, edited, "x") == (["xy*", "bc", "cd", "de"], 1))
    }
}
