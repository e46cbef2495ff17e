import Foundation

/// A file of the built site: its path relative to the output folder, and its bytes.
public struct OutputFile: Hashable, Sendable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

/// A file of the built site made only when it is first asked for. The preview gets
/// `briefing.json` and the search index this way: tens of megabytes in a large briefing, made
/// again after every edit, yet read only when a page asks for them.
public struct DeferredFile: Sendable {
    public let path: String
    private let make: @Sendable () throws(BuildFailure) -> Data

    public init(path: String, make: @escaping @Sendable () throws(BuildFailure) -> Data) {
        self.path = path
        self.make = make
    }

    /// The file's bytes, made on each call; a caller serving them keeps them.
    public func contents() throws(BuildFailure) -> Data { try make() }

    /// The file made now.
    public func made() throws(BuildFailure) -> OutputFile { OutputFile(path: path, contents: try make()) }
}
