import Foundation

/// Reads the editorial files: `parties/*.md`, `terms/*.md` and `events/*.md`.
///
/// Each is YAML front matter plus an optional Markdown body, the longer description.
/// The slug is the file name unless front matter sets `slug`.
public enum EditorialParser {
    static let partyKeys: Set<String> = ["name", "kind", "role", "aliases", "slug", "same_as", "hidden"]
    static let termKeys: Set<String> = ["name", "aliases", "definition", "slug", "hidden"]
    static let eventKeys: Set<String> = [
        "summary", "date", "when", "order", "status", "sources", "parties", "slug", "hidden",
    ]

    public static func party(_ raw: String, path: String, fileSlug: String) throws(BuildFailure) -> (
        Party, [Diagnostic]
    ) {
        var log = DiagnosticLog()
        let frontMatter = try read(raw, path: path)
        log.record(contentsOf: frontMatter.unknownKeys(known: partyKeys))
        let name = frontMatter.requiredString("name", log: &log)
        var kind: Party.Kind?
        if let text = frontMatter.requiredString("kind", log: &log) {
            kind = Party.Kind(rawValue: text.lowercased() == "organization" ? "organisation" : text.lowercased())
            if kind == nil {
                log.record(
                    Diagnostic(
                        .error, at: frontMatter.location(of: "kind"),
                        "unknown party kind '\(text)' (use one of: \(Party.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
                    ))
            }
        }
        let role = frontMatter.string("role", log: &log)
        let aliases = frontMatter.strings("aliases", log: &log).map(\.value)
        let slug = slug(frontMatter, fileSlug: fileSlug, log: &log)
        try log.check(stage: "load")
        guard let name, let kind else { throw BuildFailure(stage: "load", diagnostics: log.errors) }
        var party = Party(
            slug: slug, name: name, kind: kind, role: role, aliases: aliases, description: body(frontMatter), path: path
        )
        if frontMatter.bool("hidden", log: &log) == true { party.hidden = true }
        if let target = frontMatter.string("same_as", log: &log) {
            party.sameAs = Located(target, at: frontMatter.location(of: "same_as"))
        }
        return (party, log.warnings)
    }

    public static func term(_ raw: String, path: String, fileSlug: String) throws(BuildFailure) -> (Term, [Diagnostic])
    {
        var log = DiagnosticLog()
        let frontMatter = try read(raw, path: path)
        log.record(contentsOf: frontMatter.unknownKeys(known: termKeys))
        let name = frontMatter.requiredString("name", log: &log)
        // A term found in the text has no definition until an editor writes one.
        let definition = frontMatter.string("definition", log: &log) ?? ""
        let aliases = frontMatter.strings("aliases", log: &log).map(\.value)
        let slug = slug(frontMatter, fileSlug: fileSlug, log: &log)
        let hidden = frontMatter.bool("hidden", log: &log)
        try log.check(stage: "load")
        guard let name else { throw BuildFailure(stage: "load", diagnostics: log.errors) }
        var term = Term(
            slug: slug, name: name, aliases: aliases, definition: definition, description: body(frontMatter),
            path: path)
        if hidden == true { term.hidden = true }
        return (term, log.warnings)
    }

    public static func event(
        _ raw: String, path: String, fileSlug: String, publicationDate: String?
    ) throws(BuildFailure) -> (Event, [Diagnostic]) {
        var log = DiagnosticLog()
        let frontMatter = try read(raw, path: path)
        log.record(contentsOf: frontMatter.unknownKeys(known: eventKeys))
        // A file that only hides a found event needs nothing else.
        if frontMatter.bool("hidden", log: &log) == true {
            let slug = slug(frontMatter, fileSlug: fileSlug, log: &log)
            try log.check(stage: "load")
            var event = Event(
                slug: slug, summary: frontMatter.string("summary", log: &log) ?? "", sources: [], path: path)
            event.hidden = true
            return (event, log.warnings)
        }
        let summary = frontMatter.requiredString("summary", log: &log)
        let date = frontMatter.date("date", log: &log)
        let when = frontMatter.string("when", log: &log)
        // Without a date or the article's wording, only an explicit order places the event.
        if date == nil, when == nil, !frontMatter.keys.contains("date"), !frontMatter.keys.contains("order") {
            log.record(
                .error(
                    path, line: 1, column: 1,
                    "event needs a 'date' (YYYY-MM-DD), a 'when' (as the article words it) or an 'order' (its place among undated events)"
                ))
        }
        let order = frontMatter.int("order", log: &log) ?? 0
        var status: Event.Status = .past
        if let text = frontMatter.string("status", log: &log) {
            if let value = Event.Status(rawValue: text.lowercased()) {
                status = value
            } else {
                log.record(
                    Diagnostic(
                        .error, at: frontMatter.location(of: "status"),
                        "status must be 'past' or 'planned', not '\(text)'"))
            }
        } else if let date, let publicationDate, date > publicationDate {
            status = .planned
        }
        let sources = frontMatter.strings("sources", log: &log)
        if sources.isEmpty {
            let location =
                frontMatter.keys.contains("sources")
                ? frontMatter.location(of: "sources") : SourceLocation(path: path, line: 1, column: 1)
            log.record(
                Diagnostic(
                    .error, at: location, "event needs 'sources': the paragraphs it comes from, as article-slug#pN"))
        }
        let parties = frontMatter.strings("parties", log: &log)
        let slug = slug(frontMatter, fileSlug: fileSlug, log: &log)
        try log.check(stage: "load")
        guard let summary else { throw BuildFailure(stage: "load", diagnostics: log.errors) }
        let event = Event(
            slug: slug, summary: summary, date: date, when: when, order: order, status: status, sources: sources,
            parties: parties, description: body(frontMatter), path: path)
        return (event, log.warnings)
    }

    private static func read(_ raw: String, path: String) throws(BuildFailure) -> FrontMatter {
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.parse(Text.normalizeNewlines(raw), path: path)
        } catch {
            throw BuildFailure(stage: "load", diagnostics: [error])
        }
        if frontMatter.isEmpty {
            throw BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        path, line: 1, column: 1,
                        "expected YAML front matter between '---' lines at the top of the file")
                ])
        }
        return frontMatter
    }

    private static func slug(_ frontMatter: FrontMatter, fileSlug: String, log: inout DiagnosticLog) -> String {
        guard let slug = frontMatter.string("slug", log: &log) else {
            if fileSlug.isEmpty {
                log.record(
                    .error(
                        frontMatter.path, line: 1, column: 1,
                        "the file name gives no slug (it needs ASCII letters or digits); rename the file or set 'slug:'"
                    ))
            }
            return fileSlug
        }
        guard slug == Text.slug(slug) else {
            log.record(
                Diagnostic(
                    .error, at: frontMatter.location(of: "slug"),
                    "slug '\(slug)' may hold only lowercase letters, digits and '-' (try '\(Text.slug(slug))')"))
            return fileSlug
        }
        return slug
    }

    private static func body(_ frontMatter: FrontMatter) -> String {
        frontMatter.body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
