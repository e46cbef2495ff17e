import CMark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one wrapper around libcmark: parsing, walking and rendering Markdown.
///
/// Nothing else in the project imports the C module. Every tree is freed with `defer`.
/// Rendering keeps cmark's safe default, which drops raw HTML and `javascript:` links.
public enum Markdown {
    /// A top-level block of a Markdown document and the source lines it spans.
    public struct Block: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case paragraph
            case heading(level: Int)
            case other
        }

        public var kind: Kind
        public var startLine: Int
        public var endLine: Int
        /// The block's text without markup.
        public var plainText: String
    }

    /// A piece of a paragraph's visible text. Text nodes carry their index so a mention
    /// found in them can be turned into a link later; line breaks and code spans do not.
    public struct TextRun: Hashable, Sendable {
        public var text: String
        public var segment: Int?
    }

    /// A link to insert over part of a text node.
    public struct Link: Hashable, Sendable {
        public var segment: Int
        /// UTF-8 offsets inside the text node.
        public var start: Int
        public var end: Int
        public var url: String
        public var title: String

        public init(segment: Int, start: Int, end: Int, url: String, title: String) {
            self.segment = segment
            self.start = start
            self.end = end
            self.url = url
            self.title = title
        }
    }

    /// The top-level blocks of a document, in order.
    public static func blocks(of source: String) -> [Block] {
        withDocument(source) { document in
            var blocks: [Block] = []
            var child = cmark_node_first_child(document)
            while let node = child {
                let kind: Block.Kind
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH: kind = .paragraph
                case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
                default: kind = .other
                }
                blocks.append(
                    Block(
                        kind: kind,
                        startLine: Int(cmark_node_get_start_line(node)),
                        endLine: Int(cmark_node_get_end_line(node)),
                        plainText: runs(in: node).map(\.text).joined()
                    ))
                child = cmark_node_next(node)
            }
            return blocks
        }
    }

    /// The visible text of a document as runs, in reading order.
    public static func textRuns(of source: String) -> [TextRun] {
        withDocument(source) { runs(in: $0) }
    }

    /// The visible text of a document, without markup.
    public static func plainText(of source: String) -> String {
        textRuns(of: source).map(\.text).joined()
    }

    /// Renders a document to HTML, first wrapping the given ranges of text nodes in links.
    public static func html(_ source: String, links: [Link] = []) -> String {
        withDocument(source) { document in
            if !links.isEmpty {
                insert(links, into: document)
            }
            guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    // MARK: - Tree access

    private static func withDocument<T>(_ source: String, _ body: (OpaquePointer) -> T) -> T {
        let length = source.utf8.count
        // cmark only fails to allocate a document when memory runs out; an empty one stands in.
        let document =
            source.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
            ?? cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(document) }
        mergeAdjacentText(in: document)
        return body(document)
    }

    /// cmark splits text at characters it had to look at (`[`, `!`, escapes); joining the pieces
    /// again lets a name that contains one still be found and linked as a whole.
    private static func mergeAdjacentText(in root: OpaquePointer) {
        var textNodes: [OpaquePointer] = []
        forEachTextNode(in: root) { node, type in
            if type == CMARK_NODE_TEXT { textNodes.append(node) }
        }
        for node in textNodes.reversed() {
            guard let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT
            else { continue }
            cmark_node_set_literal(previous, literal(previous) + literal(node))
            cmark_node_free(node)
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let text = cmark_node_get_literal(node) else { return "" }
        return String(cString: text)
    }

    /// Walks the subtree of `root` and returns its visible text, numbering text nodes.
    private static func runs(in root: OpaquePointer) -> [TextRun] {
        var runs: [TextRun] = []
        var segment = 0
        forEachTextNode(in: root) { node, type in
            switch type {
            case CMARK_NODE_TEXT:
                runs.append(TextRun(text: literal(node), segment: segment))
                segment += 1
            case CMARK_NODE_CODE:
                runs.append(TextRun(text: literal(node), segment: nil))
            default:
                runs.append(TextRun(text: " ", segment: nil))
            }
        }
        return runs
    }

    /// Calls `body` for every text, code, soft break and line break node, in document order.
    private static func forEachTextNode(
        in root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void
    ) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                body(node, type)
            default:
                break
            }
        }
    }

    /// Splits text nodes and wraps the given ranges in link nodes, editing cmark's tree.
    private static func insert(_ links: [Link], into document: OpaquePointer) {
        var textNodes: [OpaquePointer] = []
        forEachTextNode(in: document) { node, type in
            if type == CMARK_NODE_TEXT { textNodes.append(node) }
        }
        let bySegment = Dictionary(grouping: links, by: \.segment)
        for (segment, segmentLinks) in bySegment where segment >= 0 && segment < textNodes.count {
            let node = textNodes[segment]
            // Text nodes inside an existing link are left alone: links do not nest.
            if isInsideLink(node) { continue }
            let text = Array(literal(node).utf8)
            var cursor = 0
            for link in segmentLinks.sorted(by: { $0.start < $1.start }) {
                guard link.start >= cursor, link.end <= text.count, link.start < link.end else { continue }
                if link.start > cursor {
                    insertText(text[cursor..<link.start], before: node)
                }
                guard let linkNode = cmark_node_new(CMARK_NODE_LINK) else { continue }
                cmark_node_set_url(linkNode, link.url)
                cmark_node_set_title(linkNode, link.title)
                if let inner = textNode(text[link.start..<link.end]) {
                    cmark_node_append_child(linkNode, inner)
                }
                cmark_node_insert_before(node, linkNode)
                cursor = link.end
            }
            if cursor < text.count {
                insertText(text[cursor...], before: node)
            }
            cmark_node_free(node)
        }
    }

    private static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_LINK { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    private static func textNode(_ bytes: ArraySlice<UInt8>) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(decoding: bytes, as: UTF8.self))
        return node
    }

    private static func insertText(_ bytes: ArraySlice<UInt8>, before node: OpaquePointer) {
        if let text = textNode(bytes) {
            cmark_node_insert_before(node, text)
        }
    }
}
