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
}
