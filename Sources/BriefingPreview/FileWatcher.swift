import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Reports that something changed under the watched folders or in the watched files.
///
/// On Linux it uses inotify, one watch per folder (folders created later are added as they
/// appear); elsewhere it compares modification times every 100 ms. Editor scratch files
/// (`.name`, `name~`, `.swp`) are ignored. A burst of changes may be reported as one.
public final class FileWatcher: Sendable {
    private let folders: [String]
    private let files: [String]
    private let stopped = Atomic<Bool>(false)
    /// Counts relevant changes, so a consumer can wait until a burst of saves is over.
    private let changeCount = Atomic<Int>(0)

    public init(folders: [String], files: [String]) {
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.files = files.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// How many relevant changes have been seen so far.
    public var changes: Int { changeCount.load(ordering: .acquiring) }

    public func stop() { stopped.store(true, ordering: .releasing) }

    /// A stream that yields after each batch of relevant changes, until `stop()`.
    public func start() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let thread = Thread { [self] in
            #if canImport(Glibc)
                if !self.watchWithInotify(continuation) { self.watchByPolling(continuation) }
            #else
                self.watchByPolling(continuation)
            #endif
            continuation.finish()
        }
        thread.name = "briefing-watcher"
        thread.start()
        return stream
    }

    static func isScratchFile(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913"
    }

    private func noteChange(_ continuation: AsyncStream<Void>.Continuation) {
        changeCount.add(1, ordering: .releasing)
        continuation.yield()
    }

    // MARK: - Polling

    /// Modification time and size of every file under the folders and of the single files.
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        func record(_ path: String) {
            if let attributes = try? manager.attributesOfItem(atPath: path) {
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(date)/\(attributes[.size] ?? 0)"
            }
        }
        for folder in folders {
            record(folder)
            for relative in (manager.enumerator(atPath: folder)?.allObjects as? [String]) ?? [] {
                let name = relative.split(separator: "/").last.map(String.init) ?? relative
                if !Self.isScratchFile(name) { record(folder + "/" + relative) }
            }
        }
        for file in files { record(file) }
        return result
    }

    func watchByPolling(_ continuation: AsyncStream<Void>.Continuation) {
        var last = snapshot()
        while !stopped.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.1)
            let current = snapshot()
            if current != last {
                last = current
                noteChange(continuation)
            }
        }
    }

    // MARK: - inotify

    #if canImport(Glibc)
        private static let mask = UInt32(
            IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF)

        /// Watches until stopped; false when inotify is not available.
        private func watchWithInotify(_ continuation: AsyncStream<Void>.Continuation) -> Bool {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            // Watch descriptor → folder, and for single files the one name that matters in their folder.
            var folderOf: [Int32: String] = [:]
            var onlyNames: [Int32: Set<String>] = [:]
            func watchTree(_ root: String) {
                var pending = [root]
                while let folder = pending.popLast() {
                    let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR))
                    guard watch >= 0 else { continue }
                    folderOf[watch] = folder
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                    for name in names where !Self.isScratchFile(name) {
                        var isDirectory: ObjCBool = false
                        if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory),
                            isDirectory.boolValue
                        {
                            pending.append(folder + "/" + name)
                        }
                    }
                }
            }
            for folder in folders { watchTree(folder) }
            // The folders' parents too: a watched folder deleted and made again (or made after
            // the preview started) is watched anew.
            var rootsByParent: [Int32: [String: String]] = [:]
            for folder in folders {
                let url = URL(fileURLWithPath: folder)
                let watch = inotify_add_watch(descriptor, url.deletingLastPathComponent().path, Self.mask)
                if watch >= 0 { rootsByParent[watch, default: [:]][url.lastPathComponent] = folder }
            }
            for file in files {
                let url = URL(fileURLWithPath: file)
                let watch = inotify_add_watch(descriptor, url.deletingLastPathComponent().path, Self.mask)
                if watch >= 0, folderOf[watch] == nil {
                    onlyNames[watch, default: []].insert(url.lastPathComponent)
                }
            }

            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let headerSize = MemoryLayout<inotify_event>.size
            while !stopped.load(ordering: .acquiring) {
                guard poll(&poller, 1, 100) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var relevant = false
                var offset = 0
                while offset + headerSize <= count {
                    let (watch, eventMask, nameLength) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += headerSize + nameLength
                    if let root = rootsByParent[watch]?[name] {
                        if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(root) }
                        relevant = true
                        continue
                    }
                    if let names = onlyNames[watch] {
                        if names.contains(name) { relevant = true }
                        continue
                    }
                    guard let folder = folderOf[watch], !Self.isScratchFile(name) else { continue }
                    if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        watchTree(folder + "/" + name)
                    }
                    if eventMask & UInt32(IN_IGNORED) == 0 { relevant = true }
                }
                if relevant { noteChange(continuation) }
            }
            return true
        }
    #endif
}
