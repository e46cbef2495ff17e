/// One problem found in the input, printed as `path:line:col: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column), message)
    }

    public static func warning(_ path: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: SourceLocation(path: path, line: line, column: column), message)
    }

    public var description: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }
}

/// Every error of a failed stage, reported together so an editor can fix them in one pass.
public struct BuildFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var stage: String
    public var diagnostics: [Diagnostic]
    /// Warnings recorded before the failure, so they are not lost with it.
    public var warnings: [Diagnostic]

    public init(stage: String, diagnostics: [Diagnostic], warnings: [Diagnostic] = []) {
        self.stage = stage
        self.diagnostics = diagnostics
        self.warnings = warnings
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects warnings and errors while a stage runs; the stage fails if any error was recorded.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []

    public init() {}

    public mutating func record(_ diagnostic: Diagnostic) { entries.append(diagnostic) }
    public mutating func record(contentsOf diagnostics: [Diagnostic]) { entries.append(contentsOf: diagnostics) }

    public var errors: [Diagnostic] { entries.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { entries.filter { $0.severity == .warning } }

    /// Throws the collected errors, sorted by place, if there are any.
    public func check(stage: String) throws(BuildFailure) {
        let errors = self.errors
        if !errors.isEmpty {
            throw BuildFailure(stage: stage, diagnostics: errors.sorted(by: Diagnostic.byPlace))
        }
    }
}

extension Diagnostic {
    static func byPlace(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location.path, a.location.line ?? 0, a.location.column ?? 0, a.message)
            < (b.location.path, b.location.line ?? 0, b.location.column ?? 0, b.message)
    }
}
