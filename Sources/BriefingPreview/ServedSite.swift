import BriefingKit
import Foundation

/// One file of the site as the preview serves it: bytes, media type and entity tag.
public struct ServedFile: Sendable, Equatable {
    public var contents: Data
    public var contentType: String
    /// A strong entity tag derived from the bytes, quoted as HTTP wants it.
    public var etag: String

    public init(contents: Data, path: String) {
        self.contents = contents
        self.contentType = MediaTypes.contentType(forPath: path)
        self.etag = "\"" + Self.digest(contents) + "\""
    }

    /// 64-bit FNV-1a of the bytes, in hex: cheap, stable across runs, and enough to tell versions apart.
    static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A complete built site held in memory; the preview swaps whole snapshots, never single files.
public struct ServedSite: Sendable {
    public let files: [String: ServedFile]

    public init(_ outputFiles: [OutputFile]) {
        var files: [String: ServedFile] = [:]
        for file in outputFiles {
            files[file.path] = ServedFile(contents: file.contents, path: file.path)
        }
        self.files = files
    }

    public static let empty = ServedSite([])

    /// Paths whose bytes differ from `other`, added or removed ones included.
    public func changedPaths(since other: ServedSite) -> [String] {
        let paths = Set(files.keys).union(other.files.keys)
        return paths.filter { files[$0]?.etag != other.files[$0]?.etag }.sorted()
    }
}
