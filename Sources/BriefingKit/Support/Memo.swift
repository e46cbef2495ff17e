import Foundation

/// Results computed for each element in an earlier build, reused for an element that is equal
/// to the one they were computed from, as long as everything else the computation reads (its
/// `context`) is equal too.
///
/// Elements are compared with `==` before a result is reused: a value carried over from the last
/// build shares its storage with the kept one, so the comparison is cheap exactly when the reuse
/// pays. Most elements sit where they sat last time, or, past an element added or removed, as
/// far from the end as they sat, and are compared there; an element that moved is found by its
/// key (an article's path, an event's slug) among the ones that did not match, so an edit that
/// changes, adds or removes one element of tens of thousands hashes a few keys, not all of them.
struct Memo<Key: Hashable & Sendable, Element: Equatable & Sendable, Context: Equatable & Sendable, Value: Sendable>:
    Sendable
{
    private var context: Context?
    /// The last build's elements and results, in its order.
    private var elements: [Element] = []
    private var values: [Value] = []
    /// The places, among the elements the last `map` was given, of those it computed.
    private(set) var computedPlaces: [Int] = []
    /// How many elements the last `map` had to compute.
    var computed: Int { computedPlaces.count }
    /// The results kept from the build before that the last `map` did not reuse: those of
    /// elements gone or changed, or whose results no longer held. Nil when none could be
    /// reused (another context, or nothing kept): they are not held on to in a list then.
    private(set) var dropped: [Value]? = []
    /// Whether results are kept for the next build; a one-off build keeps none, so what it no
    /// longer needs is freed as it goes.
    private let keeps: Bool

    init(keeps: Bool = true) {
        self.keeps = keeps
    }

    /// Whether results are kept for the next build.
    var keepsResults: Bool { keeps }

    /// A test of the results kept under the last context, given that context and the new one:
    /// for an element and its kept result, whether the result holds under the new context too.
    /// Nil when none does.
    typealias Holds = @Sendable (_ last: Context, _ now: Context) -> (@Sendable (Element, Value) -> Bool)?

    /// `compute` applied to every element on all cores, or the result kept from last time.
    /// Results of elements no longer present are dropped. A kept result is used while the
    /// context is equal to the last; when it is not, `holds` may still let it be used.
    mutating func map(
        _ elements: [Element], key: @Sendable (Element) -> Key, context: Context, holds: Holds? = nil,
        _ compute: @Sendable (Element) -> Value
    ) -> [Value] {
        // The kept lists are taken out, so that when the elements are as many as last time the
        // results are the kept ones changed in place: held only here, they are not copied.
        var last: [Element] = []
        var lastValues: [Value] = []
        swap(&last, &self.elements)
        swap(&lastValues, &self.values)
        let stillHolds: (@Sendable (Element, Value) -> Bool)?
        if context == self.context {
            stillHolds = nil
        } else if let lastContext = self.context, let check = holds?(lastContext, context) {
            stillHolds = check
        } else {
            (last, lastValues, stillHolds) = ([], [], nil)
        }
        // The very array of the last build (an earlier step reused its whole result): nothing to compare.
        if stillHolds == nil, !last.isEmpty, elements.sharesStorage(with: last) {
            computedPlaces = []
            dropped = []
            (self.elements, self.values) = (last, lastValues)
            return lastValues
        }
        // Which of the kept results are used again, by their place among the kept ones.
        var reused = [Bool](repeating: false, count: last.count)
        // When as many elements as last time are given, each is compared with the one that sat
        // in its place. When elements were added or removed, as where an edited article has an
        // event more or less, those before the first that differs are compared in place and those
        // after, counted from the end: the ones past the edit then still find theirs, which
        // compared in place they would not, and none of them is hashed by its key.
        let shift = elements.count - last.count
        // The elements in between, which did not match where they sat: `middle` among this
        // build's elements, `lastMiddle` among the last build's.
        var middle = 0..<0
        var lastMiddle = 0..<0
        var unmatched: [Int] = []
        // An element carried over from the last build holds the very strings and arrays (or, an
        // event, the very fields) the kept one holds: the same bytes. Those are compared first,
        // in place, since comparing with `==` copies each element out of its array and retains
        // what it holds. Equal bytes are equal values; other bytes are compared with `==`. The
        // loop writes through pointers: it runs once for each of tens of thousands of events.
        let size = MemoryLayout<Element>.size
        elements.withUnsafeBufferPointer { now in
            last.withUnsafeBufferPointer { was in
                func same(_ index: Int, _ position: Int) -> Bool {
                    let equal =
                        memcmp(was.baseAddress! + position, now.baseAddress! + index, size) == 0
                        || was[position] == now[index]
                    return equal && stillHolds.map { $0(now[index], lastValues[position]) } ?? true
                }
                reused.withUnsafeMutableBufferPointer { reused in
                    if shift == 0 {
                        for index in now.indices {
                            if same(index, index) { reused[index] = true } else { unmatched.append(index) }
                        }
                        return
                    }
                    var head = 0
                    while head < min(now.count, was.count), same(head, head) {
                        reused[head] = true
                        head += 1
                    }
                    var tail = now.count
                    while tail > head, tail - shift > head, same(tail - 1, tail - 1 - shift) {
                        reused[tail - 1 - shift] = true
                        tail -= 1
                    }
                    middle = head..<tail
                    lastMiddle = head..<tail - shift
                    unmatched = Array(middle)
                }
            }
        }
        // Elements that moved, by key, among the last build's elements that found no match.
        let moved: [Key: Int] = {
            var moved: [Key: Int] = [:]
            for index in shift == 0 ? unmatched : Array(lastMiddle) { moved[key(last[index])] = index }
            return moved
        }()
        let fresh = Parallel.map(unmatched) { [last, lastValues] index -> Value? in
            let element = elements[index]
            if let position = moved[key(element)], last[position] == element,
                stillHolds?(element, lastValues[position]) ?? true
            {
                return nil
            }
            return compute(element)
        }
        // What goes where the elements did not match, read before any kept result is replaced: a
        // moved element's result may sit where another element now goes.
        computedPlaces = []
        var placed: [(index: Int, value: Value)] = []
        placed.reserveCapacity(unmatched.count)
        for (index, value) in zip(unmatched, fresh) {
            if let value {
                placed.append((index, value))
                computedPlaces.append(index)
            } else if let position = moved[key(elements[index])] {
                placed.append((index, lastValues[position]))
                reused[position] = true
            }
        }
        dropped = last.isEmpty ? nil : reused.indices.filter { !reused[$0] }.map { lastValues[$0] }
        // Letting go of the last list releases each of its elements once, which for tens of
        // thousands of events read each from memory: done on another thread.
        if keeps, !last.isEmpty { Parallel.letGo(last) }
        last = []
        // The kept results, held only here, with what goes where the elements did not match put
        // in place: each of its own when as many elements as last time are given, otherwise the
        // middle replaced, which moves the results after it along without retaining each (tens
        // of thousands of events, read from memory).
        var values = lastValues
        lastValues = []
        if shift == 0 {
            for (index, value) in placed { values[index] = value }
        } else {
            values.replaceSubrange(lastMiddle, with: placed.map(\.value))
        }
        if keeps {
            self.elements = elements
            self.values = values
            self.context = context
        }
        return values
    }
}

extension Array {
    /// Whether this array and `other` are one storage, as an array kept and handed on unchanged is.
    func sharesStorage(with other: [Element]) -> Bool {
        count == other.count
            && withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress } }
    }
}

extension Array where Element: AnyObject {
    /// The places in this array that do not hold the very object `other` holds there (all
    /// places past `other`'s end among them). The references are compared as the words they are,
    /// without retaining each object on the way: most of a timeline of tens of thousands of
    /// events is the very objects the last build had.
    func placesNotIdentical(to other: [Element]) -> [Int] {
        withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                let word = MemoryLayout<UInt>.stride
                return (0..<count).filter { place in
                    place >= other.count
                        || mine.load(fromByteOffset: place * word, as: UInt.self)
                            != theirs.load(fromByteOffset: place * word, as: UInt.self)
                }
            }
        }
    }

    /// For each place in this array, the place in `other` of the very object it holds there, or
    /// -1: found by walking both in step and, where they part, looking up to `lookahead` places
    /// ahead in each for the object the other holds, as where a few objects were put in, taken
    /// out or replaced here and there in a long list. An object met nowhere near its place in
    /// `other` counts as not found. Compared as words, as `placesNotIdentical` does.
    func placesOfIdentical(in other: [Element], lookahead: Int = 64) -> [Int] {
        var places = [Int](repeating: -1, count: count)
        withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                let word = MemoryLayout<UInt>.stride
                func same(_ place: Int, _ otherPlace: Int) -> Bool {
                    mine.load(fromByteOffset: place * word, as: UInt.self)
                        == theirs.load(fromByteOffset: otherPlace * word, as: UInt.self)
                }
                var (place, otherPlace) = (0, 0)
                walk: while place < count, otherPlace < other.count {
                    if same(place, otherPlace) {
                        places[place] = otherPlace
                        place += 1
                        otherPlace += 1
                        continue
                    }
                    for step in stride(from: 1, through: lookahead, by: 1) {
                        // Objects taken out of `other` here, or put in this array.
                        if otherPlace + step < other.count, same(place, otherPlace + step) {
                            otherPlace += step
                            continue walk
                        }
                        if place + step < count, same(place + step, otherPlace) {
                            place += step
                            continue walk
                        }
                    }
                    // One replaced by another.
                    place += 1
                    otherPlace += 1
                }
            }
        }
        return places
    }
}

extension ArraySlice where Element: AnyObject {
    /// Whether both slices hold the very same objects in the same order, compared as words.
    func isIdentical(to other: ArraySlice<Element>) -> Bool {
        count == other.count
            && withUnsafeBytes { mine in other.withUnsafeBytes { theirs in mine.elementsEqual(theirs) } }
    }
}

/// The result of a computation over a whole list, reused while the list is equal to the last
/// build's. Elements carried over from the last build share their storage with the kept ones, so
/// comparing a list where one element changed costs about one comparison per element.
struct LastResult<Input: Equatable & Sendable, Output: Sendable>: Sendable {
    private var last: (input: Input, output: Output)?
    /// Whether the result is kept for the next build.
    private let keeps: Bool

    init(keeps: Bool = true) {
        self.keeps = keeps
    }

    mutating func value(for input: Input, _ compute: (Input) -> Output) -> Output {
        if let last, last.input == input { return last.output }
        let output = compute(input)
        if keeps { last = (input, output) }
        return output
    }
}

/// A context for computations that read nothing beyond their element.
struct NoContext: Equatable, Sendable {}

extension Memo where Context == NoContext, Value == Data {
    /// The elements encoded one by one and appended to `sink` as a JSON array, in order. With a
    /// memo that keeps results they go through `map`; without, a few per core at a time, each
    /// few handed to the sink before the next are encoded, so a sink writing to disk never holds
    /// more than those.
    mutating func appendJSONArray(
        _ elements: [Element], key: @escaping @Sendable (Element) -> Key, to sink: ByteSink,
        _ encode: @escaping @Sendable (Element) -> Data
    ) throws(BuildFailure) {
        try sink.append(Data("[".utf8))
        var first = true
        try appendJSONElements(elements, key: key, to: sink, first: &first, encode)
        try sink.append(Data("]".utf8))
    }

    /// The same without the brackets, for an array made of several lists; `first` says whether
    /// nothing has been written into the array yet. An element may encode as several
    /// comma-separated values, or as none (no bytes).
    mutating func appendJSONElements(
        _ elements: [Element], key: @escaping @Sendable (Element) -> Key, to sink: ByteSink, first: inout Bool,
        _ encode: @escaping @Sendable (Element) -> Data
    ) throws(BuildFailure) {
        func add(_ parts: [Data]) throws(BuildFailure) {
            var chunk = Data()
            for part in parts where !part.isEmpty {
                if !first { chunk.append(UInt8(ascii: ",")) }
                chunk.append(part)
                first = false
            }
            try sink.append(chunk)
        }
        if keepsResults {
            try add(map(elements, key: key, context: NoContext(), encode))
        } else {
            // A batch of a thousand articles was 60 MB in flight.
            let batch = Parallel.batchSize
            for start in stride(from: 0, to: elements.count, by: batch) {
                try add(Parallel.map(Array(elements[start..<min(start + batch, elements.count)]), encode))
            }
        }
    }
}
