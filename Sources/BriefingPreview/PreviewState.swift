import BriefingKit
import Foundation
import Synchronization

/// Where the preview stands: the last good site, and the errors of the last build if it failed.
public struct BuildState: Sendable, Codable, Equatable {
    /// Counts good builds; a page reloads when it sees a new one.
    public var generation: Int
    /// `path:line:col: error: message` lines of the last build, empty when it succeeded.
    public var errors: [String]
}

/// The served site and the open pages listening for changes, shared by requests and the rebuild loop.
///
/// A new site replaces the old one whole, under a lock, before any page is told to reload:
/// a page never reloads onto a half-swapped site.
/// What an open page is told: the build state, or a heartbeat that finds pages that have gone.
public enum PreviewSignal: Sendable, Equatable {
    case state(BuildState)
    case heartbeat
}

public final class PreviewState: Sendable {
    private struct Inner {
        var site = ServedSite.empty
        var state = BuildState(generation: 0, errors: [])
        var listeners: [Int: AsyncStream<PreviewSignal>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    private let inner = Mutex(Inner())
    /// What the last build computed, so that the next renders only what an edit touched.
    public let cache = BuildCache()

    public init() {}

    public var site: ServedSite { inner.withLock { $0.site } }
    public var state: BuildState { inner.withLock { $0.state } }
    public var listenerCount: Int { inner.withLock { $0.listeners.count } }

    /// Swaps in a good build, then tells every open page; pages reload only if a file changed.
    /// Returns the paths that changed.
    @discardableResult
    public func publish(_ site: ServedSite) -> [String] {
        var changed: [String] = []
        var last: ServedSite?
        broadcast {
            changed = site.changedPaths(since: $0.site)
            let reload = $0.state.generation == 0 || !changed.isEmpty
            last = $0.site
            $0.site = site
            $0.state = BuildState(generation: $0.state.generation + (reload ? 1 : 0), errors: [])
        }
        // The last site is let go on another thread: what only it still held (the last build's
        // articles, mentions and events) took 20 ms of each rebuild at 1,000 articles to free.
        Task.detached(priority: .utility) { [last] in withExtendedLifetime(last) {} }
        last = nil
        return changed
    }

    /// Keeps the last good site and tells every open page about the errors.
    public func publish(errors: [String]) {
        broadcast { $0.state.errors = errors }
    }

    private func broadcast(_ change: (inout Inner) -> Void) {
        let (state, listeners) = inner.withLock { inner -> (BuildState, [AsyncStream<PreviewSignal>.Continuation]) in
            change(&inner)
            return (inner.state, Array(inner.listeners.values))
        }
        for listener in listeners { listener.yield(.state(state)) }
    }

    /// Sends every open page a heartbeat; writing it to a page that has gone ends that page's stream.
    public func heartbeat() {
        let listeners = inner.withLock { Array($0.listeners.values) }
        for listener in listeners { listener.yield(.heartbeat) }
    }

    /// A stream of signals for one open page, starting with the current state.
    public func listen() -> (id: Int, states: AsyncStream<PreviewSignal>) {
        let (stream, continuation) = AsyncStream<PreviewSignal>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = inner.withLock { inner -> Int in
            if inner.closed {
                continuation.finish()
                return -1
            }
            inner.nextListener += 1
            inner.listeners[inner.nextListener] = continuation
            continuation.yield(.state(inner.state))
            return inner.nextListener
        }
        return (id, stream)
    }

    public func stopListening(_ id: Int) {
        inner.withLock { _ = $0.listeners.removeValue(forKey: id) }
    }

    /// Ends every open stream, so the server can shut down without waiting on them.
    public func close() {
        let listeners = inner.withLock { inner -> [AsyncStream<PreviewSignal>.Continuation] in
            inner.closed = true
            defer { inner.listeners = [:] }
            return Array(inner.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
