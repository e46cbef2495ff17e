import CAtomicSwap
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the built site: into a staging folder beside the output, swapped in only when complete.
///
/// A failed build never touches the output folder, so the previous site stays as it was.
public struct SiteWriter: Sendable {
    public var output: String
    /// The file whose presence marks a folder as one this tool built, and so may be replaced.
    public static let marker = "briefing.json"
    private static let builds = Atomic<Int>(0)

    public init(output: String) {
        self.output = output
    }

    public func write(_ files: [OutputFile]) throws(BuildFailure) {
        let staging = try stage()
        do {
            for file in files { try staging.write(file) }
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// A staging folder beside the output, for files written as they are rendered; `commit`
    /// swaps it in, `abandon` removes it and leaves the output as it was.
    public struct Staging: Sendable {
        let output: String
        let outputURL: URL
        let url: URL
        let previous: URL

        /// Writes one file; safe to call from several threads for different files.
        public func write(_ file: OutputFile) throws(BuildFailure) {
            let target = url.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: target)
            } catch {
                throw BuildFailure(
                    stage: "write",
                    diagnostics: [.error(output, "cannot write \(file.path): \(error.localizedDescription)")])
            }
        }

        /// A file written so far, read back.
        func read(_ path: String) throws(BuildFailure) -> Data {
            do {
                return try Data(contentsOf: url.appendingPathComponent(path))
            } catch {
                throw BuildFailure(
                    stage: "check",
                    diagnostics: [.error(output, "cannot read back \(path): \(error.localizedDescription)")])
            }
        }

        /// Writes one file as `produce` makes it, a piece at a time; safe from several threads
        /// for different files.
        func stream(_ path: String, _ produce: (ByteSink) throws(BuildFailure) -> Void) throws(BuildFailure) {
            let target = url.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw BuildFailure(
                    stage: "write",
                    diagnostics: [.error(output, "cannot write \(path): \(error.localizedDescription)")])
            }
            let sink = try ByteSink(writingTo: target, name: path)
            do {
                try produce(sink)
            } catch {
                try? sink.close()
                throw error
            }
            try sink.close()
        }

        public func commit() throws(BuildFailure) {
            let manager = FileManager.default
            do {
                if manager.fileExists(atPath: outputURL.path) {
                    // One atomic exchange: at every instant the output is either the old site or the
                    // new one, even if the process is killed. Where the system cannot exchange,
                    // two renames leave a moment with the old site beside the output.
                    // Once the new site is in place the build has succeeded; an old copy that
                    // cannot be removed now is cleared by a later build.
                    if briefing_exchange_paths(url.path, outputURL.path) == 0 {
                        try? manager.removeItem(at: url)
                    } else {
                        try manager.moveItem(at: outputURL, to: previous)
                        do {
                            try manager.moveItem(at: url, to: outputURL)
                        } catch {
                            try? manager.moveItem(at: previous, to: outputURL)
                            throw error
                        }
                        try? manager.removeItem(at: previous)
                    }
                } else {
                    try manager.moveItem(at: url, to: outputURL)
                }
            } catch {
                abandon()
                throw BuildFailure(
                    stage: "write",
                    diagnostics: [.error(output, "cannot write the site: \(error.localizedDescription)")])
            }
        }

        public func abandon() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    public func stage() throws(BuildFailure) -> Staging {
        let manager = FileManager.default
        // A symlinked output folder is replaced at its target, so the link keeps pointing at the new site.
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        let parent = outputURL.deletingLastPathComponent()
        let name = outputURL.lastPathComponent
        // Each build stages in a folder of its own, so builds running at once never mix their files;
        // the last to swap wins, and every swap puts a complete site in place.
        // Builds within one process (a library caller's) are told apart by a number of their own.
        let process = ProcessInfo.processInfo.processIdentifier
        let build = Self.builds.add(1, ordering: .relaxed).newValue
        let staging = parent.appendingPathComponent(".\(name).staging-\(process)-\(build)")
        let previous = parent.appendingPathComponent(".\(name).previous-\(process)-\(build)")
        do {
            try checkReplaceable(outputURL)
            removeAbandoned(in: parent, name: name)
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: previous)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(
                stage: "write", diagnostics: [.error(output, "cannot write the site: \(error.localizedDescription)")])
        }
        return Staging(output: output, outputURL: outputURL, url: staging, previous: previous)
    }

    /// Removes staging folders left by builds that were killed: those whose process is gone.
    private func removeAbandoned(in parent: URL, name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries {
            for prefix in [".\(name).staging-", ".\(name).previous-"] where entry.hasPrefix(prefix) {
                // `<pid>` or `<pid>-<build>`: the process that owns the folder.
                guard let process = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
                if kill(process, 0) != 0 && errno == ESRCH {
                    try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }

    /// Refuses to replace a folder that holds files but was not built by this tool.
    private func checkReplaceable(_ url: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw BuildFailure(stage: "write", diagnostics: [.error(output, "output exists and is not a folder")])
        }
        let entries = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.marker) {
            throw BuildFailure(
                stage: "write",
                diagnostics: [
                    .error(
                        output,
                        "output folder holds files this tool did not write (no \(Self.marker)); remove it or choose another --output"
                    )
                ])
        }
    }
}
