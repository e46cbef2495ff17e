/// One numbered body paragraph of an article, kept as Markdown source.
public struct Paragraph: Hashable, Sendable, Codable {
    /// 1-based position in the article body; the anchor is `p<number>`.
    public var number: Int
    /// The paragraph as Markdown (plain-text scrapes are escaped on load).
    public var markdown: String
    /// Line of the source file the paragraph starts on.
    public var line: Int
    /// Title of the section this paragraph opens, when the article has `##` headings.
    public var section: String?

    public init(number: Int, markdown: String, line: Int, section: String? = nil) {
        self.number = number
        self.markdown = markdown
        self.line = line
        self.section = section
    }

    /// The fragment identifier of this paragraph on its article page.
    public var anchor: String { "p\(number)" }
}
