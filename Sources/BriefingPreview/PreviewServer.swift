import BriefingKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Settings of `briefing serve`.
public struct PreviewOptions: Sendable {
    public var build: BuildOptions
    public var host: String
    public var port: Int
    /// Also write each good build here (atomically), as `briefing build` would.
    public var writeOutput: Bool
    /// Quiet time after the last change before a rebuild starts, so a burst of saves is one rebuild.
    public var debounce: Duration
    /// Print every stage of every rebuild with its time.
    public var timings: Bool

    public init(
        build: BuildOptions, host: String = "127.0.0.1", port: Int = 8080, writeOutput: Bool = false,
        debounce: Duration = .milliseconds(30), timings: Bool = false
    ) {
        self.build = build
        self.host = host
        self.port = port
        self.writeOutput = writeOutput
        self.debounce = debounce
        self.timings = timings
    }

    /// Whether the address only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Why the preview could not start.
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String
}

/// `briefing serve`: builds, serves the site from memory, rebuilds on change and reloads open pages.
public enum PreviewServer {
    /// Runs until Ctrl-C (SIGINT) or SIGTERM. `log` receives what the terminal should show.
    public static func run(_ options: PreviewOptions, log: @escaping @Sendable (String) -> Void) async throws {
        let state = PreviewState()
        rebuild(options, state: state, log: log)
        if !options.isLoopback {
            log("warning: serving on \(options.host), so other machines on the network can open the preview")
        }
        var logger = Logger(label: "briefing.preview")
        logger.logLevel = .error
        let rebuilder = Rebuilder(options: options, state: state, log: log)
        let app = Application(
            responder: PreviewResponder(state: state),
            // Slow or half-open connections are closed after 15 s without a complete request;
            // headers are capped well below the defaults, since a browser sends a few hundred bytes.
            server: .http1(
                configuration: .init(
                    idleTimeout: .seconds(15),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "briefing"),
            services: [rebuilder],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                log("Serving at http://\(host):\(port)/ — watching for changes (Ctrl-C to stop)")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewError(
                description:
                    "error: port \(options.port) on \(options.host) is already in use; stop the other server or pick another with --port"
            )
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw PreviewError(description: "error: \(options.host) is not an address of this machine")
        }
        log("Stopped.")
    }

    /// Builds in memory and swaps the result in, or keeps the last good site and publishes the errors.
    @discardableResult
    static func rebuild(_ options: PreviewOptions, state: PreviewState, log: (String) -> Void) -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let (files, deferred, report) = try Builder.render(options.build, cache: state.cache) { line in
                if options.timings { log(line) }
            }
            if options.writeOutput {
                var all = files
                for file in deferred { all.append(try file.made()) }
                try SiteWriter(output: options.build.output).write(all)
            }
            let swapStart = clock.now
            let site = ServedSite(files, deferred: deferred, injectReload: true, reusing: state.site)
            let changed = state.publish(site)
            if options.timings {
                log(
                    BuildReport.Stage(
                        name: "publish", elapsed: swapStart.duration(to: clock.now),
                        detail: "the new files served in place of the last build's"
                    ).line)
            }
            for warning in report.warnings { log(warning.description) }
            let elapsed = start.duration(to: clock.now)
            log(
                "Built \(report.pages) pages in \(milliseconds(elapsed)) ms; \(changed.count) of \(site.paths.count) files changed"
                    + (changed.isEmpty || changed.count > 4 ? "" : ": " + changed.joined(separator: ", ")))
            return true
        } catch {
            let lines = error.warnings.map(\.description) + error.diagnostics.map(\.description)
            for line in lines { log(line) }
            log("Build failed in stage '\(error.stage)'; still serving the last good build.")
            state.publish(errors: error.diagnostics.map(\.description))
            return false
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Watches content, templates and configuration, and rebuilds after each burst of changes. A
/// folder that does not exist yet is watched for from its parent, so a template folder made
/// while the preview runs is picked up.
struct Rebuilder: Service {
    let options: PreviewOptions
    let state: PreviewState
    let log: @Sendable (String) -> Void

    func run() async throws {
        let watcher = FileWatcher(
            folders: [options.build.content, options.build.templatesFolder], files: [options.build.config])
        let changes = watcher.start()
        defer {
            watcher.stop()
            state.close()
        }
        // Every few seconds, find the pages that have closed and let their streams go.
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(5))
                state.heartbeat()
            }
        }
        defer { heartbeat.cancel() }
        await withGracefulShutdownHandler {
            var built = -1
            for await _ in changes.cancelOnGracefulShutdown() {
                // A change noticed while the last rebuild was waiting or running is already in it.
                if watcher.changes == built { continue }
                // Wait until the files have been quiet for the debounce time.
                var seen = watcher.changes
                while true {
                    try? await Task.sleep(for: options.debounce)
                    if Task.isCancelled { return }
                    let now = watcher.changes
                    if now == seen { break }
                    seen = now
                }
                built = seen
                PreviewServer.rebuild(options, state: state, log: log)
            }
        } onGracefulShutdown: {
            state.close()
        }
    }
}
