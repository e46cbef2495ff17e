/// Reads a Markdown article: YAML front matter for metadata, then the body.
///
/// Each top-level block of the body is a numbered paragraph. A leading `# heading` is the
/// headline when front matter gives no `title`; `##` headings open sections. Repeated
/// paragraphs are removed as in scraped text.
public enum MarkdownArticleParser {
    public static func parse(_ raw: String, path: String, slug: String) throws(BuildFailure) -> (Article, [Diagnostic])
    {
        var log = DiagnosticLog()
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.parse(Text.normalizeNewlines(raw), path: path)
        } catch {
            throw BuildFailure(stage: "load", diagnostics: [error])
        }
        let metadata = ArticleMetadata(frontMatter, log: &log)
        let sourceLines = frontMatter.body.split(separator: "\n", omittingEmptySubsequences: false)

        var title = metadata.title
        var section: String?
        var sectionLine = 0
        var paragraphs: [Paragraph] = []
        var removed: [RemovedBlock] = []
        var seen: [String: Int] = [:]
        for block in Markdown.blocks(of: frontMatter.body) {
            let line = frontMatter.bodyLine + block.startLine - 1
            switch block.kind {
            case .heading(level: 1) where paragraphs.isEmpty && (title == nil || title == block.plainText):
                title = block.plainText
            case .heading:
                if let section {
                    log.record(
                        .warning(
                            path, line: sectionLine, column: 1,
                            "heading '\(section)' has no paragraph under it; left out"))
                }
                section = block.plainText
                sectionLine = line
            case .paragraph, .other:
                let markdown = sourceLines[(block.startLine - 1)..<min(block.endLine, sourceLines.count)]
                    .joined(separator: "\n")
                // Blocks without text (code, rules) are compared by their source instead.
                let key = block.plainText.isEmpty ? "\u{0}" + markdown : Text.repeatKey(block.plainText)
                if let first = seen[key] {
                    removed.append(RemovedBlock(line: line, reason: "repeats line \(first)", text: markdown))
                    continue
                }
                seen[key] = line
                paragraphs.append(
                    Paragraph(number: paragraphs.count + 1, markdown: markdown, line: line, section: section))
                section = nil
            }
        }
        if let section {
            log.record(
                .warning(path, line: sectionLine, column: 1, "heading '\(section)' has no paragraph under it; left out")
            )
        }
        if title == nil {
            log.record(
                .error(
                    path, line: 1, column: 1,
                    "article has no title: add 'title:' to the front matter or start the body with '# Headline'"))
        }
        if paragraphs.isEmpty {
            log.record(.error(path, line: frontMatter.bodyLine, column: 1, "article has no body paragraphs"))
        }
        try log.check(stage: "load")
        var article = Article(slug: slug, title: title ?? "", paragraphs: paragraphs, path: path, removed: removed)
        metadata.apply(to: &article)
        return (article, log.warnings)
    }

    /// Applies a sidecar `.yml` file's metadata to an article read from plain text.
    static func applySidecar(_ raw: String, path: String, to article: inout Article) throws(BuildFailure)
        -> [Diagnostic]
    {
        var log = DiagnosticLog()
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.parseYAML(Text.normalizeNewlines(raw), path: path, firstLine: 1)
        } catch {
            throw BuildFailure(stage: "load", diagnostics: [error])
        }
        let metadata = ArticleMetadata(frontMatter, log: &log)
        try log.check(stage: "load")
        metadata.apply(to: &article)
        return log.warnings
    }
}
