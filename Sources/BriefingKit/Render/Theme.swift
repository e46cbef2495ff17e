import Foundation

/// The files of a theme by relative path: templates (`NAME.mustache`) and assets (`assets/…`).
public struct Theme: Sendable {
    public var files: [String: Data]

    public init(files: [String: Data]) {
        self.files = files
    }

    /// The default theme: the top-level `Templates/` folder, embedded when BriefingKit was compiled.
    public static let builtIn = Theme(files: EmbeddedFiles.decode(EmbeddedFiles.templates))

    /// No files, for a template folder read on its own.
    public static let empty = Theme(files: [:])

    /// How diagnostics name a file of the built-in theme, which has no path on disk.
    public static let builtInFolder = "(built-in theme)"
}
