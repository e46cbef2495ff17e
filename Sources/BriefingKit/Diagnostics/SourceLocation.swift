/// A place in an input file, as editors see it: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, leaving out what is unknown.
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            text += ":\(column ?? 1)"
        }
        return text
    }
}
