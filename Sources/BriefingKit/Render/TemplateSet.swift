import Foundation
import Mustache

/// The Mustache templates of a theme, read from a folder at run time and checked before use.
///
/// A template named in `{{> partial}}` or `{{< parent}}` must exist: the renderer would
/// otherwise print nothing in its place, so the check is made here and names file and line.
public struct TemplateSet: Sendable {
    /// Templates every build renders.
    public static let required = [
        "index", "article", "timeline", "parties", "party", "terms", "term", "search", "404", "sitemap.xml",
        "robots.txt",
        "feed.xml",
    ]

    public let directory: String
    private let library: MustacheLibrary
    /// Files of `assets/`, copied to the output as they are: relative path → bytes.
    public let assets: [String: Data]

    public static func load(from directory: String) throws(BuildFailure) -> TemplateSet {
        var log = DiagnosticLog()
        var sources: [String: String] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        if names.isEmpty {
            throw BuildFailure(
                stage: "templates", diagnostics: [.error(directory, "template folder not found or empty")])
        }
        var library = MustacheLibrary()
        for file in names where file.hasSuffix(".mustache") {
            let path = directory + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                log.record(.error(path, "template cannot be read as UTF-8 text"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                log.record(
                    .error(
                        path, line: error.context.lineNumber, column: error.context.columnNumber,
                        "template syntax error: \(describe(error.error))"))
            } catch {
                log.record(.error(path, "template syntax error: \(error)"))
            }
        }
        for name in required
        where sources[name] == nil && !log.errors.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            log.record(.error(directory + "/\(name).mustache", "missing template '\(name)': every build needs it"))
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: text) where sources[reference.name] == nil {
                let known = log.errors.contains { $0.location.path.hasSuffix("/\(reference.name).mustache") }
                if known { continue }
                log.record(
                    .error(
                        directory + "/\(name).mustache", line: reference.line, column: reference.column,
                        "template refers to '\(reference.name)', but there is no \(reference.name).mustache in \(directory)"
                    ))
            }
        }
        try log.check(stage: "templates")
        return TemplateSet(directory: directory, library: library, assets: readAssets(directory + "/assets"))
    }

    /// Renders a page; a template that is missing here was already reported by `load`.
    public func render(_ name: String, _ context: Any) throws(BuildFailure) -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw BuildFailure(
                stage: "render", diagnostics: [.error(directory + "/\(name).mustache", "missing template '\(name)'")])
        }
        return output
    }

    struct Reference: Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) a template uses, with their place.
    static func references(in text: String) -> [Reference] {
        var references: [Reference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    if !name.isEmpty { references.append(Reference(name: name, line: lineIndex + 1, column: column)) }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            "section closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }

    private static func readAssets(_ directory: String) -> [String: Data] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [:] }
        // A symbolic link that leads out of the theme is not copied: a build publishes only the theme's files.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path + "/"
        var assets: [String: Data] = [:]
        while let relative = enumerator.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(root),
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            assets["assets/" + relative] = data
        }
        return assets
    }
}
