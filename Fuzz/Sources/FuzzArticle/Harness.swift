import BriefingKit
import CFuzzDriver
import Foundation

/// Any bytes as a scraped article, a Markdown article and a converted one: errors are fine, crashes are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let (text, _) = try? SourceText.decode(data, path: "fuzz.txt") else { return 0 }
    if let article = try? RawArticleParser.parse(text, path: "fuzz.txt", slug: "fuzz") {
        precondition(!article.paragraphs.isEmpty)
        if let markdown = try? ArticleConverter.markdown(article) {
            _ = try? MarkdownArticleParser.parse(markdown, path: "fuzz.md", slug: "fuzz")
        }
        for paragraph in article.paragraphs { _ = Markdown.html(paragraph.markdown) }
    }
    _ = try? MarkdownArticleParser.parse(text, path: "fuzz.md", slug: "fuzz")
    return 0
}

@_cdecl("FuzzArticle_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
