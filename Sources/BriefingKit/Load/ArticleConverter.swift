import Yams

/// Turns a loaded article back into a Markdown article an editor can keep as a `.md` file.
public enum ArticleConverter {
    /// Front matter with the recognised metadata, then one paragraph a block; `##` headings open sections.
    public static func markdown(_ article: Article) throws(BuildFailure) -> String {
        var pairs: [(Node, Node)] = [("title", Node(article.title))]
        let optional: [(String, String?)] = [
            ("dek", article.dek), ("summary", article.summary), ("date", article.date), ("byline", article.byline),
            ("source", article.source), ("url", article.url),
        ]
        for (key, value) in optional {
            if let value { pairs.append((Node(key), Node(value))) }
        }
        let frontMatter: String
        do {
            frontMatter = try Yams.serialize(node: .mapping(Node.Mapping(pairs)), width: -1, allowUnicode: true)
        } catch {
            throw BuildFailure(
                stage: "convert", diagnostics: [.error(article.path, "cannot write front matter: \(error)")])
        }
        var blocks: [String] = []
        for paragraph in article.paragraphs {
            if let section = paragraph.section { blocks.append("## " + section) }
            blocks.append(paragraph.markdown)
        }
        return "---\n" + frontMatter + "---\n\n" + blocks.joined(separator: "\n\n") + "\n"
    }

    /// Reads an article file (`.txt` or `.md`), as the build would.
    public static func load(path: String, text: String) throws(BuildFailure) -> (Article, [Diagnostic]) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let slug = Text.slug(stem.isEmpty ? name : stem)
        if path.hasSuffix(".md") {
            return try MarkdownArticleParser.parse(text, path: path, slug: slug)
        }
        do {
            return (try RawArticleParser.parse(text, path: path, slug: slug), [])
        } catch {
            throw BuildFailure(stage: "load", diagnostics: [error])
        }
    }
}
