import Foundation

/// Reads `briefing.yml`, the optional site settings file.
public enum ConfigLoader {
    static let keys: Set<String> = ["title", "description", "base_url", "language", "date"]

    /// The settings in `path`, or the defaults when the file does not exist.
    public static func load(_ path: String) throws(BuildFailure) -> (SiteConfig, [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return (SiteConfig(), []) }
        let (text, notes) = try SourceText.read(path)
        let (config, warnings) = try parse(text, path: path)
        return (config, notes + warnings)
    }

    public static func parse(_ text: String, path: String) throws(BuildFailure) -> (SiteConfig, [Diagnostic]) {
        var log = DiagnosticLog()
        let yaml: FrontMatter
        do {
            yaml = try FrontMatter.parseYAML(Text.normalizeNewlines(text), path: path, firstLine: 1)
        } catch {
            throw BuildFailure(stage: "config", diagnostics: [error])
        }
        log.record(contentsOf: yaml.unknownKeys(known: keys))
        var config = SiteConfig()
        config.title = yaml.string("title", log: &log)
        config.description = yaml.string("description", log: &log)
        if let language = yaml.string("language", log: &log) {
            if language.isEmpty || !language.allSatisfy({ ($0.isASCII && $0.isLetter) || $0.isNumber || $0 == "-" }) {
                log.record(
                    Diagnostic(
                        .error, at: yaml.location(of: "language"),
                        "language must be a language tag such as 'en' or 'en-GB', not '\(language)'"))
            } else {
                config.language = language
            }
        }
        config.defaultDate = yaml.date("date", log: &log)
        if let baseURL = yaml.string("base_url", log: &log) {
            if let error = validateBaseURL(baseURL) {
                log.record(Diagnostic(.error, at: yaml.location(of: "base_url"), error))
            } else {
                config.baseURL = baseURL
            }
        }
        try log.check(stage: "config")
        return (config, log.warnings)
    }

    /// Why a base URL cannot be used, or nil when it can.
    public static func validateBaseURL(_ text: String) -> String? {
        if validateAbsoluteURL(text) != nil || URLComponents(string: text)?.query != nil
            || URLComponents(string: text)?.fragment != nil
        {
            return
                "base_url must be an absolute http(s) address without query or fragment, such as https://example.org/briefing/, not '\(text)'"
        }
        return nil
    }

    /// Why a text is not an absolute http(s) address, or nil when it is one.
    public static func validateAbsoluteURL(_ text: String) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), url.host?.isEmpty == false
        else { return "not an absolute http(s) address" }
        return nil
    }
}
