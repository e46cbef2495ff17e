import Foundation
import Testing

@testable import BriefingPreview

@Suite("Watching files for changes", .serialized)
struct FileWatcherTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/parties", withIntermediateDirectories: true)
        try "title: x\n".write(toFile: path + "/briefing.yml", atomically: true, encoding: .utf8)
        return path
    }

    /// Waits up to two seconds for the watcher's change count to pass `count`.
    static func waitForChange(_ watcher: FileWatcher, after count: Int) async -> Bool {
        for _ in 0..<200 {
            if watcher.changes > count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func editsNewFoldersAndTheConfigFileAreSeenScratchFilesAreNot() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(folders: [root + "/parties"], files: [root + "/briefing.yml"])
        _ = watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(100))

        var count = watcher.changes
        try "x".write(toFile: root + "/parties/putin.md", atomically: true, encoding: .utf8)
        #expect(await Self.waitForChange(watcher, after: count))

        count = watcher.changes
        try FileManager.default.createDirectory(atPath: root + "/parties/new", withIntermediateDirectories: true)
        #expect(await Self.waitForChange(watcher, after: count))
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.changes
        try "y".write(toFile: root + "/parties/new/inner.md", atomically: false, encoding: .utf8)
        #expect(await Self.waitForChange(watcher, after: count))

        count = watcher.changes
        try "title: y\n".write(toFile: root + "/briefing.yml", atomically: false, encoding: .utf8)
        #expect(await Self.waitForChange(watcher, after: count))

        try await Task.sleep(for: .milliseconds(50))
        count = watcher.changes
        try "z".write(toFile: root + "/parties/.putin.md.swp", atomically: false, encoding: .utf8)
        try "z".write(toFile: root + "/unwatched.txt", atomically: false, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(300))
        #expect(watcher.changes == count)
    }

    @Test func aWatchedFolderDeletedAndMadeAgainIsWatchedAgain() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(folders: [root + "/parties"], files: [])
        _ = watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(100))
        try FileManager.default.removeItem(atPath: root + "/parties")
        try FileManager.default.createDirectory(atPath: root + "/parties", withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(200))
        let count = watcher.changes
        try "x".write(toFile: root + "/parties/new.md", atomically: false, encoding: .utf8)
        #expect(await Self.waitForChange(watcher, after: count))
    }

    @Test func pollingFallbackSeesEdits() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FileWatcher(folders: [root + "/parties"], files: [root + "/briefing.yml"])
        let before = watcher.snapshot()
        try "x".write(toFile: root + "/parties/putin.md", atomically: true, encoding: .utf8)
        #expect(watcher.snapshot() != before)
        #expect(watcher.snapshot().keys.contains { $0.hasSuffix("/parties/putin.md") })
    }
}
