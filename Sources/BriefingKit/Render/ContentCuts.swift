/// Where to cut an ordered list into parts so that a part keeps what it holds when items are
/// added or removed elsewhere in the list: at items the items themselves choose, by a hash of
/// each, rather than every so many items, which moves every later item when one is added early.
///
/// An item is a cut when its hash is a multiple of `divisor`; a part starts at a cut `minimum`
/// items or more after the cut before it, taken or not (or after the first item), and `minimum`
/// or more before the end, so that whether an item starts a part depends on the items near it.
/// A stretch between two such starts longer than `maximum` is divided the same way at the
/// finer cuts (multiples of `finerDivisor`), and a part still longer evenly, into parts of
/// about `evenPart`; a list of `whole` items or fewer is one part. Used for the timeline's pages
/// and the search index's shards of rows.
struct ContentCuts: Sendable {
    var divisor: UInt64
    var finerDivisor: UInt64
    var minimum: Int
    var maximum: Int
    var evenPart: Int
    var whole: Int

    /// Where each part starts, the first at 0, for items with these hashes in order.
    func starts(_ hashes: [UInt64]) -> [Int] {
        let count = hashes.count
        var starts: [Int] = []
        let cuts = count > whole ? cuts(in: 0..<count, hashes: hashes, divisor: divisor) : []
        let bounds = [0] + cuts + [count]
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            starts.append(start)
            guard end - start > maximum else { continue }
            let inner = [start] + self.cuts(in: start..<end, hashes: hashes, divisor: finerDivisor) + [end]
            for (from, to) in zip(inner, inner.dropFirst()) {
                if from != start { starts.append(from) }
                guard to - from > maximum else { continue }
                let parts = (to - from + evenPart - 1) / evenPart
                starts += (1..<parts).map { from + (to - from) * $0 / parts }
            }
        }
        return starts.isEmpty ? [0] : starts
    }

    /// The items in `range` that start a part: cuts `minimum` or more after the cut before them
    /// (or the range's start) and before the range's end.
    private func cuts(in range: Range<Int>, hashes: [UInt64], divisor: UInt64) -> [Int] {
        var cuts: [Int] = []
        var previous = range.lowerBound
        for position in range.dropFirst() where hashes[position] % divisor == 0 {
            if position - previous >= minimum && range.upperBound - position >= minimum { cuts.append(position) }
            previous = position
        }
        return cuts
    }

    /// A part's name from its first item's hash: its high 48 bits as twelve hexadecimal
    /// digits, since the low bits of cuts, all multiples of one divisor, have less to tell them apart.
    static func name(_ hash: UInt64) -> String {
        let digits = String(hash >> 16, radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// The part holding the item at `position`, for parts starting at `starts` (ascending, the
    /// first at 0): the last start at or before it.
    static func part(of position: Int, starts: [Int]) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low
    }

    /// A hash of a text's bytes that is the same in every build and on every machine: FNV-1a,
    /// its bits then mixed, since its lowest follow the last bytes closely.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
