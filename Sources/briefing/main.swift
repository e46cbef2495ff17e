import ArgumentParser
import BriefingKit
import BriefingPreview
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turns news articles into a small, fully linked briefing site.",
        version: "0.1.0",
        subcommands: [Init.self, Build.self, Serve.self, Convert.self, Extract.self],
        defaultSubcommand: nil
    )
}

/// Where a site's inputs and output are, shared by `build` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with the articles and the parties/, terms/ and events/ folders.")
    var content = "Content"

    @Option(
        help: """
            Folder of Mustache templates and assets/ laid over the built-in theme, file by file \
            (default: Templates, when it exists).
            """)
    var templates: String?

    @Option(help: "Folder the site is written to.")
    var output = "Public"

    @Option(help: "Site settings file (optional).")
    var config = "briefing.yml"

    @Option(name: .customLong("base-url"), help: "Address the site is served from, for sitemap.xml and robots.txt.")
    var baseURL: String?

    @Option(help: "Publication date (YYYY-MM-DD) for articles that state none.")
    var date: String?

    var buildOptions: BuildOptions {
        BuildOptions(
            content: content, templates: templates, output: output, config: config, baseURL: baseURL, date: date)
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new briefing: settings, a sample article and a copy of the built-in theme to edit.",
        discussion: """
            The folder must be new or empty (dot-files such as .git may be there). With --force, a \
            folder that holds files gets only those it lacks; no file that exists is replaced.
            """)

    @Argument(help: "Folder for the new briefing.")
    var directory: String

    @Flag(help: "Write into a folder that is not empty, adding only the files it lacks.")
    var force = false

    func run() throws {
        var folder = directory
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        do {
            let report = try Scaffold.write(to: folder, force: force)
            for path in report.kept { printError("\(folder)/\(path): kept (the file exists)") }
            if report.created.isEmpty {
                print("Nothing to add: \(folder)/ already holds every file of a new briefing.")
            } else {
                print("Created a new briefing in \(folder)/:")
                for path in report.created { print("  \(folder)/\(path)") }
            }
            print(
                "Next, build it and preview it:\n  cd \(Self.shellQuoted(folder)) && briefing build\n  briefing serve")
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }

    /// The path as a shell word, quoted only when it needs to be.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "./_-+,:@%".unicodeScalars.contains($0)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: "The output is replaced only when the whole build succeeded; a failed build leaves it as it was.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let options = site.buildOptions
        let output = site.output
        do {
            let report = try Builder.build(options) { print($0) }
            // The process ends with the report, and all the build made, still held: freeing
            // hundreds of thousands of events and strings one by one took seconds of one core
            // at 10,000 articles, where ending the process frees the memory at once.
            withExtendedLifetime(report) {
                for warning in report.warnings { printError(warning.description) }
                print(
                    String(
                        format: "Built %d pages (%d files) into %@/ in %.0f ms", report.pages, report.files,
                        output as NSString, report.milliseconds))
                Foundation.exit(EXIT_SUCCESS)
            }
        } catch {
            for warning in error.warnings { printError(warning.description) }
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            printError(
                "Build failed in stage '\(error.stage)' with \(error.diagnostics.count) error(s); \(output)/ was left as it was."
            )
            throw ExitCode.failure
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an article as a Markdown article with front matter, as the build reads it.",
        discussion: "Save the output as a .md file in the content folder to take a scraped article over for editing.")

    @Argument(help: "A scraped .txt article or a .md article.")
    var file: String

    func run() throws {
        do {
            let (text, notes) = try SourceText.read(file)
            for note in notes { printError(note.description) }
            let (article, warnings) = try ArticleConverter.load(path: file, text: text)
            for warning in warnings { printError(warning.description) }
            for removed in article.removed {
                printError("\(file):\(removed.line):1: note: \(removed.isRepeat ? "removed, " : "")\(removed.reason)")
            }
            print(try ArticleConverter.markdown(article), terminator: "")
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: serve it, rebuild on every change and reload open pages.",
        discussion: """
            The site is built in memory and served from there; a failed rebuild keeps the last good \
            site and shows the errors over every open page. Nothing is written to the output folder \
            unless --write is given.
            """)

    @Option(help: "Address to listen on. Anything but a loopback address exposes the preview to the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(help: "Print the time of each stage of every rebuild.")
    var timings = false

    @Flag(help: "Also write each good build to the output folder.")
    var write = false

    @OptionGroup var site: SiteOptions

    func run() async throws {
        let options = PreviewOptions(
            build: site.buildOptions, host: host, port: port, writeOutput: write, timings: timings)
        do {
            try await PreviewServer.run(options) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as PreviewError {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the parties, key terms and events of an article and write them as editable files.",
        discussion: """
            Without --write, prints the drafts. With --write, writes one file per party, term and \
            event under CONTENT/parties/, CONTENT/terms/ and CONTENT/events/, never replacing a file \
            that exists or one that already describes the same party or term; edit them, or add \
            `hidden: true` to drop a false hit.
            """)

    @Argument(help: "A scraped .txt article or a .md article.")
    var file: String

    @Option(help: "Content folder whose parties/, terms/ and events/ folders receive the files.")
    var content = "Content"

    @Flag(help: "Write the files instead of printing them.")
    var write = false

    @Option(help: "Publication date (YYYY-MM-DD) to read the article's times against, if it states none.")
    var date: String?

    func validate() throws {
        if let date, !Text.isISODate(date) {
            throw ValidationError("--date must be a date written YYYY-MM-DD, not '\(date)'")
        }
    }

    func run() throws {
        do {
            let (text, notes) = try SourceText.read(file)
            for note in notes { printError(note.description) }
            var (article, _) = try ArticleConverter.load(path: file, text: text)
            if article.date == nil { article.date = date }
            let existingParties = existing("parties", EditorialParser.party)
            let existingTerms = existing("terms", EditorialParser.term)
            let parties = PartyExtractor.parties(in: [article])
            var drafts: [(folder: String, slug: String, name: String, markdown: String, describedBy: String?)] = []
            for party in parties {
                drafts.append(
                    (
                        "parties", party.slug, party.name, try EditorialWriter.markdown(for: party),
                        Extraction.match(party, in: existingParties)?.path
                    ))
            }
            let (terms, _) = Extraction.merge(
                extracted: TermExtractor.terms(in: [article], parties: parties), into: [],
                parties: parties + existingParties)
            for term in terms {
                drafts.append(
                    (
                        "terms", term.slug, term.name, try EditorialWriter.markdown(for: term),
                        Extraction.match(term, in: existingTerms)?.path
                    ))
            }
            // Events name parties by slug: a party an existing file describes goes by that file's slug.
            let renamed = Dictionary(
                parties.compactMap { party in Extraction.match(party, in: existingParties).map { (party.slug, $0.slug) }
                },
                uniquingKeysWith: { first, _ in first })
            let existingEvents = Set(
                existing("events") { text, path, slug throws(BuildFailure) in
                    try EditorialParser.event(text, path: path, fileSlug: slug, publicationDate: nil)
                }.map(\.slug))
            for var event in EventExtractor.events(in: [article], parties: parties) {
                event.parties = event.parties.map { Located(renamed[$0.value] ?? $0.value, at: $0.location) }
                drafts.append(
                    (
                        "events", event.slug, event.summary, try EditorialWriter.markdown(for: event),
                        existingEvents.contains(event.slug) ? "an event file with slug \(event.slug)" : nil
                    ))
            }
            for draft in drafts {
                let path = content + "/" + draft.folder + "/" + draft.slug + ".md"
                if !write {
                    print("# \(path)\n" + draft.markdown)
                } else if FileManager.default.fileExists(atPath: path) {
                    printError("\(path): kept (the file exists)")
                } else if let other = draft.describedBy {
                    printError("\(path): not written, \(other) already describes \(draft.name)")
                } else {
                    try? FileManager.default.createDirectory(
                        atPath: content + "/" + draft.folder, withIntermediateDirectories: true)
                    try Data(draft.markdown.utf8).write(to: URL(fileURLWithPath: path))
                    print("wrote \(path)")
                }
            }
        } catch let error as BuildFailure {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }

    /// The files already in a folder of the content folder; one that does not read is left aside
    /// here, since the build will report it.
    func existing<Value>(
        _ folder: String, _ parse: (String, String, String) throws(BuildFailure) -> (Value, [Diagnostic])
    ) -> [Value] {
        let folder = content + "/" + folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".md")
        }
        return names.sorted().compactMap { name in
            guard let (text, _) = try? SourceText.read(folder + "/" + name) else { return nil }
            return try? parse(text, folder + "/" + name, Text.slug(String(name.dropLast(3)))).0
        }
    }
}
