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
