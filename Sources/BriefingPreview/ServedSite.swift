import BriefingKit
import Foundation
import HTTPTypes
import NIOCore
import Synchronization

/// One file of the site as the preview serves it, with its headers prepared once per build.
public struct ServedFile: Sendable {
    /// The bytes as built: the very bytes the build keeps, not a copy. They tell whether the next
    /// build changed the file, and a page is sent from them.
    let source: Data
    /// What is sent: a file as built, its bytes prepared once so sending it copies nothing; or a
    /// page, sent from `source` with the reload script put in at `scriptAt` (before `</body>`).
    private enum Body {
        case whole(ByteBuffer)
        case page(scriptAt: Int)
    }
    private let body: Body
    public let contentType: String
    /// A strong entity tag derived from the bytes, quoted as HTTP wants it.
    public let etag: String
    /// How many bytes are sent.
    let length: Int
    let fields: HTTPFields

    public init(contents: Data, path: String, injectReload: Bool = false) {
        let contentType = MediaTypes.contentType(forPath: path)
        self.source = contents
        self.contentType = contentType
        if injectReload && contentType.hasPrefix("text/html") {
            body = .page(scriptAt: SiteResponse.scriptOffset(in: contents))
            self.length = contents.count + SiteResponse.reloadTag.count
        } else {
            body = .whole(ByteBuffer(bytes: contents))
            self.length = contents.count
        }
        // The page sent is the built one with a fixed script added: the built bytes tell it.
        self.etag = "\"" + Self.digest(contents) + "\""
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.contentLength] = String(length)
        fields[.eTag] = etag
        fields[.cacheControl] = "no-cache"
        if let nosniff = HTTPField.Name("X-Content-Type-Options") { fields[nosniff] = "nosniff" }
        self.fields = fields
    }

    /// The bytes sent. A page's are put together at each request, from the built bytes and the
    /// reload script: kept whole as well, they were a second copy of every page, a third of the
    /// preview's memory at 1,000 articles, to save a copy of some tens of kilobytes per request.
    var buffer: ByteBuffer {
        switch body {
        case .whole(let whole):
            return whole
        case .page(let offset):
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            source.withUnsafeBytes { bytes in
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[..<offset]))
                buffer.writeBytes(SiteResponse.reloadTag)
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            }
            return buffer
        }
    }

    /// The bytes sent, as `Data`.
    public var contents: Data { Data(buffer.readableBytesView) }

    /// FNV-1a over the bytes eight at a time (then the rest one by one), 64 bits, in hex: stable
    /// across runs, enough to tell versions apart, and quick over the tens of megabytes of
    /// `briefing.json` and the search index a large briefing rewrites on every edit.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            let words = bytes.count / 8
            for index in 0..<words {
                hash ^= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                hash &*= 0x0000_0100_0000_01b3
            }
            for byte in bytes[(words * 8)...] {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A file the preview makes when it is first asked for, then keeps for as long as its build is served.
final class DeferredServedFile: Sendable {
    let file: DeferredFile
    let injectReload: Bool
    private let made = Mutex<Result<ServedFile, BuildFailure>?>(nil)

    init(_ file: DeferredFile, injectReload: Bool) {
        self.file = file
        self.injectReload = injectReload
    }

    /// The file, made on the first call; requests that come meanwhile wait for it.
    func served() throws(BuildFailure) -> ServedFile {
        try made.withLock { (made) throws(BuildFailure) -> ServedFile in
            if let made { return try made.get() }
            let result = Result { () throws(BuildFailure) -> ServedFile in
                ServedFile(contents: try file.contents(), path: file.path, injectReload: injectReload)
            }
            made = result
            return try result.get()
        }
    }
}

/// A complete built site held in memory; the preview swaps whole snapshots, never single files.
public struct ServedSite: Sendable {
    public let files: [String: ServedFile]
    /// Files made when first asked for (`briefing.json`, the search index), by path.
    let deferred: [String: DeferredServedFile]
    public let paths: Set<String>

    /// The site from built files; `injectReload` adds the live-reload script to every HTML page.
    /// A file whose bytes are those it had in `previous` keeps its prepared response.
    public init(
        _ outputFiles: [OutputFile], deferred: [DeferredFile] = [], injectReload: Bool = false,
        reusing previous: ServedSite? = nil
    ) {
        // The last site's files, with those whose bytes changed made again and those gone
        // removed: most files are the last build's very bytes, and keep their place.
        var files = previous?.files ?? [:]
        var added = false
        for file in outputFiles {
            if let kept = files[file.path] {
                if kept.source == file.contents { continue }
            } else {
                added = true
            }
            files[file.path] = ServedFile(contents: file.contents, path: file.path, injectReload: injectReload)
        }
        // Every path built is in `files`: more there means some were not built this time.
        var removed = false
        if files.count > outputFiles.count {
            let built = Set(outputFiles.map(\.path))
            files = files.filter { built.contains($0.key) }
            removed = true
        }
        self.files = files
        self.deferred = Dictionary(
            deferred.map { ($0.path, DeferredServedFile($0, injectReload: injectReload)) },
            uniquingKeysWith: { first, _ in first })
        if let previous, !added, !removed, Set(self.deferred.keys) == Set(previous.deferred.keys) {
            self.paths = previous.paths
        } else {
            self.paths = Set(files.keys).union(self.deferred.keys)
        }
    }

    public static let empty = ServedSite([])

    /// The file at `path`, made now if it is one made when first asked for.
    public func file(at path: String) throws(BuildFailure) -> ServedFile? {
        if let file = files[path] { return file }
        return try deferred[path]?.served()
    }

    /// Paths whose bytes differ from `other`, added or removed ones included. A file made when
    /// asked for is not made to compare it: it is counted changed when a file made at once
    /// changed (every edit of content shows in some page), or when it was not there before.
    public func changedPaths(since other: ServedSite) -> [String] {
        // Each file looked up once in the other site, without a set of every path first.
        var changed = Set(files.compactMap { path, file in other.files[path]?.etag == file.etag ? nil : path })
        for path in other.files.keys where files[path] == nil { changed.insert(path) }
        var deferredChanged = Set(deferred.keys).symmetricDifference(other.deferred.keys)
        if !changed.isEmpty { deferredChanged.formUnion(deferred.keys) }
        return changed.union(deferredChanged).sorted()
    }
}
