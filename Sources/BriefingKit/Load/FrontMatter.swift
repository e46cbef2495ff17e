import Foundation
import Yams

/// YAML front matter between `---` lines at the top of a Markdown file, read with Yams.
///
/// Values keep the line and column they were read from, so every error names its place.
public struct FrontMatter {
    public let path: String
    /// The Markdown after the closing `---`.
    public let body: String
    /// Line of the file on which `body` starts.
    public let bodyLine: Int
    private let fields: [(key: String, value: Node, location: SourceLocation)]
    /// Line offset of the YAML text inside the file.
    private let yamlLine: Int

    /// Splits and parses a file; a file without front matter has no fields.
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> FrontMatter {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return FrontMatter(path: path, body: text, bodyLine: 1, fields: [], yamlLine: 1)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            throw .error(path, line: 1, column: 1, "front matter opened with '---' is never closed")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return try parseYAML(yaml, path: path, firstLine: 2, body: body, bodyLine: close + 2)
    }

    /// Parses YAML that starts on `firstLine` of its file (a sidecar file starts on line 1).
    public static func parseYAML(
        _ yaml: String, path: String, firstLine: Int, body: String = "", bodyLine: Int = 1
    ) throws(Diagnostic) -> FrontMatter {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw diagnostic(for: error, yaml: yaml, path: path, yamlLine: firstLine)
        } catch {
            throw .error(path, line: firstLine, "front matter: \(error)")
        }
        var fields: [(String, Node, SourceLocation)] = []
        if let node {
            guard let mapping = node.mapping else {
                throw .error(path, line: firstLine, column: 1, "front matter must be a mapping of keys to values")
            }
            for (key, value) in mapping {
                let location = SourceLocation(
                    path: path, line: (key.mark?.line ?? 1) + firstLine - 1, column: key.mark?.column ?? 1)
                fields.append((key.string ?? "\(key)", value, location))
            }
        }
        return FrontMatter(path: path, body: body, bodyLine: bodyLine, fields: fields, yamlLine: firstLine)
    }

    private init(
        path: String, body: String, bodyLine: Int,
        fields: [(key: String, value: Node, location: SourceLocation)], yamlLine: Int
    ) {
        self.path = path
        self.body = body
        self.bodyLine = bodyLine
        self.fields = fields
        self.yamlLine = yamlLine
    }

    private static func isFence(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed == "---" || trimmed == "..."
    }

    private static func diagnostic(for error: YamlError, yaml: String, path: String, yamlLine: Int) -> Diagnostic {
        let offset = yamlLine - 1
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail =
                context.map {
                    "\(problem) \($0.text) (opened at line \($0.mark.line + offset), column \($0.mark.column))"
                } ?? problem
            return .error(path, line: mark.line + offset, column: mark.column, "invalid front matter: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the mapping; point at the key's second appearance instead.
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let repeats = lines.indices.filter { index in duplicates.contains { lines[index].hasPrefix($0 + ":") } }
            let line = repeats.count > 1 ? repeats[1] + 1 : context.mark.line
            return .error(
                path, line: line + offset, column: repeats.count > 1 ? 1 : context.mark.column,
                "duplicate key in front matter: \(duplicates.joined(separator: ", "))")
        default:
            return .error(path, line: yamlLine, "invalid front matter: \(error)")
        }
    }

    /// Whether the file had any front matter keys.
    public var isEmpty: Bool { fields.isEmpty }

    public var keys: [String] { fields.map(\.key) }

    /// The place a key was written, for messages about its value.
    public func location(of key: String) -> SourceLocation {
        fields.first { $0.key == key }?.location ?? SourceLocation(path: path, line: 1, column: 1)
    }

    /// Warns about every key outside `known`, naming it.
    public func unknownKeys(known: Set<String>) -> [Diagnostic] {
        fields.filter { !known.contains($0.key) }.map {
            Diagnostic(
                .warning, at: $0.location,
                "unknown key '\($0.key)' ignored (known keys: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// A text value; a list or mapping where text is expected is an error.
    public func string(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let field = fields.first(where: { $0.key == key }) else { return nil }
        if field.value.null != nil { return nil }
        guard let scalar = field.value.scalar else {
            log.record(Diagnostic(.error, at: field.location, "'\(key)' must be text, not a list or mapping"))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// A required text value.
    public func requiredString(_ key: String, log: inout DiagnosticLog) -> String? {
        if fields.contains(where: { $0.key == key }) {
            if let value = string(key, log: &log) { return value }
            if log.errors.last?.location != location(of: key) {
                log.record(Diagnostic(.error, at: location(of: key), "'\(key)' must not be empty"))
            }
            return nil
        }
        log.record(.error(path, line: 1, column: 1, "missing required key '\(key)' in front matter"))
        return nil
    }

    /// A list of texts, each with its own place; a single text counts as a list of one.
    public func strings(_ key: String, log: inout DiagnosticLog) -> [Located<String>] {
        guard let field = fields.first(where: { $0.key == key }), field.value.null == nil else { return [] }
        if let scalar = field.value.scalar {
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? [] : [Located(text, at: field.location)]
        }
        guard let sequence = field.value.sequence else {
            log.record(Diagnostic(.error, at: field.location, "'\(key)' must be a list of texts"))
            return []
        }
        var values: [Located<String>] = []
        for item in sequence {
            let location = SourceLocation(
                path: path, line: (item.mark?.line ?? 0) + yamlLine - 1, column: item.mark?.column ?? 1)
            guard item.null == nil, let scalar = item.scalar else {
                log.record(Diagnostic(.error, at: location, "every item of '\(key)' must be text"))
                continue
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                log.record(Diagnostic(.error, at: location, "an item of '\(key)' is empty"))
            } else if values.contains(where: { $0.value == text }) {
                log.record(Diagnostic(.warning, at: location, "'\(text)' is listed twice in '\(key)'; kept once"))
            } else {
                values.append(Located(text, at: location))
            }
        }
        return values
    }

    /// A whole number.
    public func int(_ key: String, log: inout DiagnosticLog) -> Int? {
        guard let text = string(key, log: &log) else { return nil }
        guard let value = Int(text) else {
            log.record(Diagnostic(.error, at: location(of: key), "'\(key)' must be a whole number, not '\(text)'"))
            return nil
        }
        return value
    }

    /// A true/false flag.
    public func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let text = string(key, log: &log) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.record(Diagnostic(.error, at: location(of: key), "'\(key)' must be true or false, not '\(text)'"))
            return nil
        }
    }

    /// A calendar date, `YYYY-MM-DD`; a full timestamp keeps its date part.
    public func date(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let text = string(key, log: &log) else { return nil }
        let datePart = String(text.prefix(10))
        guard Text.isISODate(datePart),
            text.count == 10 || "T ".contains(text[text.index(text.startIndex, offsetBy: 10)])
        else {
            log.record(
                Diagnostic(.error, at: location(of: key), "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'"))
            return nil
        }
        return datePart
    }
}
