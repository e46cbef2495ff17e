import Foundation
import Mustache

/// The Mustache templates and assets of a theme: the built-in theme, with the files of a
/// template folder laid over it one by one, checked before use.
///
/// A file of the folder replaces the built-in file of the same name, and a new name adds a
/// template or an asset; what the folder lacks comes from the built-in theme. A template named
/// in `{{> partial}}` or `{{< parent}}` must exist in the result: the renderer would otherwise
/// print nothing in its place, so the check is made here and names file and line.
public struct TemplateSet: Sendable {
    /// Templates every build renders.
    public static let required = [
        "index", "article", "archive", "timeline", "timeline-event", "parties", "party", "terms", "term",
        "entity-articles", "search",
        "404", "sitemap.xml",
        "robots.txt",
        "feed.xml",
    ]

    public let directory: String
    private let library: MustacheLibrary
    /// Files of `assets/`, copied to the output as they are: relative path → bytes.
    public let assets: [String: Data]
    /// Whether `directory` exists; without it the built-in theme is used alone.
    public let folderExists: Bool
    /// Files of the folder (relative paths) that replace a file of the built-in theme.
    public let replaced: [String]
    /// Files of the folder (relative paths) that the built-in theme does not have.
    public let added: [String]
    /// Where each template was read, as diagnostics name it: the folder's file or `(built-in theme)/NAME.mustache`.
    private let origins: [String: String]
    /// Whether the timeline's page, through any partial or parent it uses, may read its view's
    /// `events`: the built-in theme prints each event through `timeline-event` and does not, so
    /// a page whose events print as the last build printed them needs no view of them.
    let timelineReadsEvents: Bool

    /// The built-in theme (or `theme`) with the files of `directory` laid over it. A folder that
    /// does not exist is an error, unless `requireFolder` is false: then the theme is used alone.
    public static func load(from directory: String, over theme: Theme = .builtIn, requireFolder: Bool = true)
        throws(BuildFailure) -> TemplateSet
    {
        var log = DiagnosticLog()
        let layers = try Layers(theme, folder: directory, requireFolder: requireFolder, log: &log)
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (name, origin) in layers.templates {
            if let text = parse(layers.files[name + ".mustache"]?.data, origin: origin, log: &log) {
                library.register(text.template, named: name)
                sources[name] = text.source
            }
        }
        for name in required
        where sources[name] == nil && !log.errors.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            log.record(.error(directory + "/\(name).mustache", "missing template '\(name)': every build needs it"))
        }
        let searched =
            theme.files.isEmpty
            ? directory : layers.folderExists ? "\(directory) or the built-in theme" : "the built-in theme"
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references(in: text) where sources[reference.name] == nil {
                let known = log.errors.contains { $0.location.path.hasSuffix("/\(reference.name).mustache") }
                if known { continue }
                log.record(
                    .error(
                        layers.templates[name] ?? name, line: reference.line, column: reference.column,
                        "template refers to '\(reference.name)', but there is no \(reference.name).mustache in \(searched)"
                    ))
            }
        }
        try log.check(stage: "templates")
        return TemplateSet(
            directory: directory, library: library,
            assets: layers.files.filter { $0.key.hasPrefix("assets/") }.mapValues(\.data),
            folderExists: layers.folderExists, replaced: layers.replaced, added: layers.added,
            origins: layers.templates, timelineReadsEvents: mayRead("events", from: "timeline", in: sources))
    }

    /// Whether `template`, or a partial or parent it uses, has a tag that may read the field
    /// `name`: any word of any tag counts (a section, a variable, a transform's argument, a
    /// part of a dotted name), and a template that changes its delimiters reads everything.
    static func mayRead(_ name: String, from template: String, in sources: [String: String]) -> Bool {
        var seen: Set<String> = [template]
        var waiting = [template]
        while let next = waiting.popLast() {
            guard let text = sources[next] else { continue }
            for tag in tags(in: text).map(\.text) {
                if tag.hasPrefix("=") { return true }
                let words = tag.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                if words.contains(where: { $0 == name }) { return true }
            }
            for reference in references(in: text) where seen.insert(reference.name).inserted {
                waiting.append(reference.name)
            }
        }
        return false
    }

    /// The inside of every tag of a template, trimmed, triple mustaches included, with the line
    /// and column where it opens. A tag ends on the line it opens on, as the parser requires.
    static func tags(in text: String) -> [(text: String, line: Int, column: Int)] {
        var tags: [(text: String, line: Int, column: Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                tags.append(
                    (
                        afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces), lineIndex + 1,
                        line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    ))
                rest = afterOpen[close.upperBound...]
            }
        }
        return tags
    }

    /// A theme's files with a folder's laid over them, each with the path diagnostics name it by.
    private struct Layers {
        var files: [String: (data: Data, origin: String)] = [:]
        var folderExists: Bool
        var replaced: [String] = []
        var added: [String] = []

        init(_ theme: Theme, folder: String, requireFolder: Bool, log: inout DiagnosticLog) throws(BuildFailure) {
            for (relative, data) in theme.files where TemplateSet.isThemeFile(relative) {
                files[relative] = (data, Theme.builtInFolder + "/" + relative)
            }
            var isDirectory: ObjCBool = false
            folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
            if folderExists && !isDirectory.boolValue {
                throw BuildFailure(
                    stage: "templates", diagnostics: [.error(folder, "is a file, not a template folder")])
            }
            if !folderExists && requireFolder {
                throw BuildFailure(stage: "templates", diagnostics: [.error(folder, "template folder not found")])
            }
            guard folderExists else { return }
            for (relative, data) in TemplateSet.readFolder(folder, log: &log) {
                if files[relative] == nil { added.append(relative) } else { replaced.append(relative) }
                files[relative] = (data, folder + "/" + relative)
            }
            replaced.sort()
            added.sort()
        }

        /// Template name → the path diagnostics name its file by.
        var templates: [String: String] {
            var templates: [String: String] = [:]
            for (relative, file) in files where !relative.contains("/") && relative.hasSuffix(".mustache") {
                templates[String(relative.dropLast(".mustache".count))] = file.origin
            }
            return templates
        }
    }

    /// A template's text and its parsed form, or nil after recording why it cannot be used.
    private static func parse(_ data: Data?, origin: String, log: inout DiagnosticLog) -> (
        source: String, template: MustacheTemplate
    )? {
        guard let data, let text = String(data: data, encoding: .utf8) else {
            log.record(.error(origin, "template cannot be read as UTF-8 text"))
            return nil
        }
        do {
            _ = HTMLEscaping.registered
            return (text, try MustacheTemplate(string: HTMLEscaping.pragma + text))
        } catch let error as MustacheTemplate.ParserError {
            log.record(
                .error(
                    // The escaping pragma is one line put before the file's own.
                    origin, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    "template syntax error: \(describe(error.error))"))
        } catch {
            log.record(.error(origin, "template syntax error: \(error)"))
        }
        return nil
    }

    /// What the build's stage line says about where the theme came from.
    public var summary: String {
        let source =
            !folderExists
            ? "built-in theme (no \(directory) folder)"
            : replaced.isEmpty && added.isEmpty
                ? "built-in theme (\(directory) holds no theme files)"
                : "\(directory) over the built-in theme (\(replaced.count) file(s) replaced, \(added.count) added)"
        return "\(source), \(assets.count) asset(s)"
    }

    /// Renders a page; a template that is missing here was already reported by `load`.
    public func render(_ name: String, _ context: Any) throws(BuildFailure) -> String {
        guard let output = library.render(context, withTemplate: name) else {
            let path = origins[name] ?? directory + "/\(name).mustache"
            throw BuildFailure(stage: "render", diagnostics: [.error(path, "missing template '\(name)'")])
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
        tags(in: text).compactMap { tag in
            guard let sigil = tag.text.first, sigil == ">" || sigil == "<" else { return nil }
            let name = tag.text.dropFirst().trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : Reference(name: name, line: tag.line, column: tag.column)
        }
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

    /// What a theme holds: the templates beside each other, and everything under `assets/`.
    static func isThemeFile(_ relative: String) -> Bool {
        relative.hasPrefix("assets/") || (!relative.contains("/") && relative.hasSuffix(".mustache"))
    }

    /// The theme files of a template folder by relative path; dot-files are left out, as they are
    /// from the built-in theme.
    private static func readFolder(_ directory: String, log: inout DiagnosticLog) -> [String: Data] {
        var files = readAssets(directory + "/assets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(".mustache") && !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                log.record(.error(directory + "/" + name, "template cannot be read"))
                continue
            }
            files[name] = data
        }
        return files
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
