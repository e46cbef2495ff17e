import Dispatch
import Foundation
import Synchronization

/// Work spread over all cores, with results in input order, for the stages that handle each
/// article or page on its own.
enum Parallel {
    /// Lets go of `value` on another thread. The state a rebuild replaces holds tens of
    /// thousands of values, whose freeing took milliseconds the rebuild need not wait for.
    static func letGo<Value: Sendable>(_ value: Value) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// How many elements run at once: the cores this process may use.
    static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// How many elements a stage that streams its results takes at a time: a few per core,
    /// enough to keep every core busy while what is held at once stays small.
    static let batchSize = 16 * width

    /// `transform` applied to every element on all cores; if any throw, the error of the first
    /// element in order is rethrown, whichever finished first, so failures read the same every run.
    static func map<Element: Sendable, Result: Sendable, Failure: Error>(
        _ elements: [Element], _ transform: @Sendable (Element) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        if elements.count < 2 { return try elements.map(transform) }
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        let failure = Mutex<(index: Int, error: Failure)?>(nil)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            do throws(Failure) {
                let result = try transform(elements[index])
                results.withLock { $0[index] = result }
            } catch {
                failure.withLock { first in
                    if first == nil || index < first!.index { first = (index, error) }
                }
            }
        }
        if let first = failure.withLock({ $0 }) { throw first.error }
        return results.withLock { $0.map { $0! } }
    }
}

extension Parallel {
    /// Two independent computations run at once, on two cores when there are two; for steps that
    /// each pass over the whole site and read nothing of each other's result. Not `concurrently`,
    /// they run one after the other.
    ///
    /// A rebuild in the preview runs them at once, for its latency. A one-off build runs steps
    /// whose heavy part is spread over the cores article by article one after the other
    /// (extraction's terms and events, linking's events and articles): it gains no time from
    /// them at once, and with two such steps allocating at once its peak memory at 1,000
    /// articles rose from 180 to 190 MB. Steps that each run on one core (linking's backlinks
    /// and terms, the renderer's index and relations) it runs at once: at 10,000 articles they
    /// had left the second core idle for about four seconds.
    static func both<A: Sendable, B: Sendable>(
        concurrently: Bool = true, _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        guard width > 1, concurrently else { return (first(), second()) }
        let a = Mutex<A?>(nil)
        let b = Mutex<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = first()
                a.withLock { $0 = value }
            } else {
                let value = second()
                b.withLock { $0 = value }
            }
        }
        return (a.withLock { $0! }, b.withLock { $0! })
    }
}

/// A value handed from one place to one other, which takes it: a value held in a single place
/// is changed in place, where one held in two is copied first.
final class Handover<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value) {
        self.value = Mutex(value)
    }

    /// The value, given up by the handover; taken once.
    func take() -> Value {
        value.withLock { held in
            defer { held = nil }
            return held!
        }
    }
}

/// The value at `place`, with `replacement` put there instead.
func exchange<Value>(_ place: inout Value, with replacement: consuming Value) -> Value {
    var value = replacement
    swap(&place, &value)
    return value
}
