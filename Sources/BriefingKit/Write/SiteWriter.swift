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
        /// Where the site this build replaces is kept for the next build (`spare`).
        let spare: URL
        /// When the staging folder is the spare: the files and folders it held, so that those
        /// this build did not write are removed before the swap.
        let recycled: Recycled?
        /// The files written, as paths in the site.
        let written = WrittenPaths()

        /// Writes one file; safe to call from several threads for different files.
        ///
        /// Written with the system's calls rather than `Data.write(to:)`, which on Linux flushes
        /// each file to the disk before it returns: a site of 2,500 pages waited on 2,500 flushes
        /// (a third of a second of system time, more of waiting, at 1,000 articles). Nothing needs
        /// them: the staging folder is swapped in whole, and a build that dies leaves the output as it was.
        public func write(_ file: OutputFile) throws(BuildFailure) {
            let target = url.path + "/" + file.path
            let folder = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
            var cause = SiteWriter.makeFolder(folder) ?? SiteWriter.writeFile(target, file.contents)
            if cause != nil, recycled != nil {
                // The spare may hold a file where this site has a folder, or the other way round.
                clearWay(to: file.path)
                cause = SiteWriter.makeFolder(folder) ?? SiteWriter.writeFile(target, file.contents)
            }
            if let cause {
                throw BuildFailure(
                    stage: "write", diagnostics: [.error(output, "cannot write \(file.path): \(cause)")])
            }
            if recycled != nil { written.insert(file.path) }
        }

        /// Removes what stands in the way of a file at `path` in a spare: a file where a folder
        /// above it goes, or a folder where it goes.
        func clearWay(to path: String) {
            var prefix = url.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            for part in parts.dropLast() {
                prefix += "/" + part
                if let type = SiteWriter.type(prefix), type != S_IFDIR { unlink(prefix) }
            }
            let target = url.path + "/" + path
            if SiteWriter.type(target) == S_IFDIR { SiteWriter.removeTree(URL(fileURLWithPath: target)) }
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
            if recycled != nil { clearWay(to: path) }
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
            if recycled != nil { written.insert(path) }
        }

        public func commit() throws(BuildFailure) {
            let manager = FileManager.default
            recycled?.removeAllBut(written.paths, in: url.path)
            do {
                if manager.fileExists(atPath: outputURL.path) {
                    // One atomic exchange: at every instant the output is either the old site or the
                    // new one, even if the process is killed. Where the system cannot exchange,
                    // two renames leave a moment with the old site beside the output.
                    // Once the new site is in place the build has succeeded; the old one is kept
                    // as the next build's spare (or, should that fail, removed; an old copy that
                    // cannot be removed now is cleared by a later build).
                    if briefing_exchange_paths(url.path, outputURL.path) == 0 {
                        SiteWriter.keepAsSpare(url, spare)
                    } else {
                        try manager.moveItem(at: outputURL, to: previous)
                        do {
                            try manager.moveItem(at: url, to: outputURL)
                        } catch {
                            try? manager.moveItem(at: previous, to: outputURL)
                            throw error
                        }
                        SiteWriter.keepAsSpare(previous, spare)
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

    /// The paths a staging folder was written at, from several threads, as the bytes of their
    /// names: a name that is not UTF-8, or two names that differ only in how an accent is
    /// encoded, are told apart as the file system tells them apart.
    final class WrittenPaths: Sendable {
        private let storage = Mutex<Set<[UInt8]>>([])
        func insert(_ path: String) { _ = storage.withLock { $0.insert(Array(path.utf8)) } }
        var paths: Set<[UInt8]> { storage.withLock { $0 } }
    }

    /// What a spare folder held when a build took it as its staging folder, as paths in the site.
    struct Recycled: Sendable {
        var files: [[UInt8]] = []
        /// Folders, each before the folder holding it.
        var folders: [[UInt8]] = []
        private static let slash = UInt8(ascii: "/")

        /// Takes stock of the spare folder at `root`, removing anything but plain files and
        /// folders (a link, or a file linked from elsewhere), so that writing into it can only
        /// ever write inside it.
        init(taking root: String) {
            let root = Array(root.utf8)
            var pending: [[UInt8]] = [[]]
            while let folder = pending.popLast() {
                guard let handle = Self.call(root + folder, { opendir($0) }) else { continue }
                defer { closedir(handle) }
                while let entry = readdir(handle) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                    if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                    let path = folder + [Self.slash] + name
                    var info = stat()
                    guard Self.call(root + path, { lstat($0, &info) }) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR:
                        folders.append(Array(path.dropFirst()))
                        pending.append(path)
                    case S_IFREG where info.st_nlink == 1:
                        files.append(Array(path.dropFirst()))
                    default:
                        _ = Self.call(root + path) { unlink($0) }
                    }
                }
            }
            // A folder's path is longer than its parent's.
            folders.sort { $0.count > $1.count }
        }

        /// `body` given the path as a C string.
        static func call<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
            (path + [0]).withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
            }
        }

        /// Removes the files this build did not write, then the folders left holding none of its files.
        func removeAllBut(_ written: Set<[UInt8]>, in root: String) {
            let root = Array(root.utf8) + [Self.slash]
            var kept = Set<ArraySlice<UInt8>>()
            for path in written {
                var folder = path[...]
                while let slash = folder.lastIndex(of: Self.slash) {
                    folder = folder[..<slash]
                    if !kept.insert(folder).inserted { break }
                }
            }
            for file in files where !written.contains(file) { _ = Self.call(root + file) { unlink($0) } }
            for folder in folders where !kept.contains(folder[...]) { _ = Self.call(root + folder) { rmdir($0) } }
        }
    }

    /// Keeps the site a build replaced as the next build's staging folder: that build writes
    /// over its files rather than making new ones, which on ext4 after a removal cost several
    /// times as much. When a spare is there already (another build's), this one is removed.
    static func keepAsSpare(_ url: URL, _ spare: URL) {
        if rename(url.path, spare.path) != 0 { removeTree(url) }
    }

    /// Removes the folder at `url` with all it holds, the entries of its folders on all cores:
    /// removing the last site, 2,500 files at 1,000 articles, took 0.45 s one entry at a time.
    /// Links are removed, never followed.
    static func removeTree(_ url: URL) {
        let manager = FileManager.default
        var entries: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] {
            let path = url.path + "/" + name
            let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory, let inner = try? manager.contentsOfDirectory(atPath: path) {
                entries += inner.map { path + "/" + $0 }
            }
        }
        _ = Parallel.map(entries) { (path: String) in try? FileManager.default.removeItem(atPath: path) }
        // What is left: the files at the top and the folders, emptied.
        try? manager.removeItem(at: url)
    }

    /// Makes the folder at `path` and any missing above it; nil when done, else the cause. A page
    /// whose folder is new (most pages: `parties/<slug>/index.html`) costs one call.
    static func makeFolder(_ path: String) -> String? {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            return String(cString: strerror(errno))
        }
        if let cause = makeFolder(String(path[..<slash])) { return cause }
        return mkdir(path, 0o777) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
    }

    /// Writes `contents` to a new or emptied file at `path`; nil when done, else the cause.
    static func writeFile(_ path: String, _ contents: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var cause: String?
        contents.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    cause = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, cause == nil { cause = String(cString: strerror(errno)) }
        return cause
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
        let spare = parent.appendingPathComponent(".\(name).spare")
        var recycled: Recycled?
        do {
            try checkReplaceable(outputURL)
            removeAbandoned(in: parent, name: name)
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: previous)
            // The last site but one, when it is there, is written over; the rename is atomic, so
            // of builds running at once one takes it and the others make their folders anew.
            if rename(spare.path, staging.path) == 0 {
                if Self.isSpare(staging.path) {
                    recycled = Recycled(taking: staging.path)
                } else {
                    // Not a folder this tool left (a link put in its place, or another user's
                    // folder): a link is removed, anything else put back, and a folder made anew.
                    if Self.type(staging.path) == S_IFDIR {
                        _ = rename(staging.path, spare.path)
                    } else {
                        _ = unlink(staging.path)
                    }
                }
            }
            if recycled == nil { try manager.createDirectory(at: staging, withIntermediateDirectories: true) }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(
                stage: "write", diagnostics: [.error(output, "cannot write the site: \(error.localizedDescription)")])
        }
        return Staging(
            output: output, outputURL: outputURL, url: staging, previous: previous, spare: spare, recycled: recycled)
    }

    /// Whether the folder at `path` is a site this tool left as a spare: a folder itself (not a
    /// link to one), this user's, holding the mark of a built site.
    static func isSpare(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid()
            && type(path + "/" + marker) == S_IFREG
    }

    /// What is at `path`, not following a link (`S_IFDIR`, `S_IFREG`, `S_IFLNK` …); nil for nothing.
    static func type(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
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
