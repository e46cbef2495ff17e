import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the content folder: articles at its top level, editorial files in `parties/`, `terms/` and `events/`.
///
/// All files are read and every error is collected before the load fails, so one run shows them all.
public struct ContentLoader: Sendable {
    public var directory: String
    /// Publication date for articles that state none.
    public var defaultDate: String?

    public init(directory: String, defaultDate: String? = nil) {
        self.directory = directory
        self.defaultDate = defaultDate
    }

    public func load() throws(BuildFailure) -> (Content, [Diagnostic]) {
        var memo = ArticleFiles(keeps: false)
        return try load(memo: &memo)
    }

    /// An article file as last read: its name, its sidecar's, and both files' stamps.
    struct ArticleSource: Equatable, Sendable {
        var name: String
        var stamp: FileStamp?
        var sidecar: String?
        var sidecarStamp: FileStamp?
    }

    /// Parsed articles kept between builds, reread only when their file or sidecar changed.
    typealias ArticleFiles = Memo<String, ArticleSource, String?, Result<(Article, [Diagnostic]), BuildFailure>>

    func load(memo: inout ArticleFiles) throws(BuildFailure) -> (Content, [Diagnostic]) {
        var log = DiagnosticLog()
        let files = listFiles(log: &log)
        try log.check(stage: "load")

        // Articles are read and parsed on all cores; their errors and warnings are kept in file order.
        var articles: [Article] = []
        let sidecars = files.sidecars
        let sources = files.articles.map { name in
            let sidecar = name.hasSuffix(".txt") ? sidecars[stem(name)] : nil
            return ArticleSource(
                name: name, stamp: files.stamps[name], sidecar: sidecar,
                sidecarStamp: sidecar.flatMap { files.stamps[$0] })
        }
        let results = memo.map(sources, key: \.name, context: defaultDate) {
            source -> Result<(Article, [Diagnostic]), BuildFailure> in
            do throws(BuildFailure) {
                return .success(try readArticle(source.name, sidecars: sidecars))
            } catch {
                return .failure(error)
            }
        }
        for result in results {
            switch result {
            case .success(let (article, warnings)):
                articles.append(article)
                log.record(contentsOf: warnings)
            case .failure(let error):
                log.record(contentsOf: error.diagnostics)
            }
        }
        for sidecar in files.sidecars.keys.sorted()
        where !files.articles.contains(where: { stem($0) == sidecar && $0.hasSuffix(".txt") }) {
            log.record(
                .warning(path(files.sidecars[sidecar]!), "sidecar has no matching '\(sidecar).txt' article; ignored"))
        }
        let latestDate = articles.compactMap(\.date).max() ?? defaultDate

        let content = Content(
            articles: articles,
            parties: readEach(files.parties, log: &log) { file, text throws(BuildFailure) in
                try EditorialParser.party(text, path: path(file), fileSlug: Text.slug(stem(file)))
            },
            terms: readEach(files.terms, log: &log) { file, text throws(BuildFailure) in
                try EditorialParser.term(text, path: path(file), fileSlug: Text.slug(stem(file)))
            },
            events: readEach(files.events, log: &log) { file, text throws(BuildFailure) in
                try EditorialParser.event(
                    text, path: path(file), fileSlug: Text.slug(stem(file)), publicationDate: latestDate)
            })
        if articles.isEmpty && log.errors.isEmpty {
            log.record(
                .error(
                    directory,
                    "no articles found: put a scraped article (.txt) or a Markdown article (.md) in this folder"))
        }
        try log.check(stage: "load")
        return (content, log.warnings)
    }

    // MARK: - Files

    struct Files {
        var articles: [String] = []
        var sidecars: [String: String] = [:]
        var parties: [String] = []
        var terms: [String] = []
        var events: [String] = []
        /// The stamps of the articles and sidecars, read as the folder was listed.
        var stamps: [String: FileStamp] = [:]
    }

    /// A visible entry of a folder, as one `lstat` found it (and a `stat` of its target, for a link).
    struct Entry {
        var name: String
        var isFolder: Bool
        var stamp: FileStamp
    }

    private func listFiles(log: inout DiagnosticLog) -> Files {
        var files = Files()
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.record(.error(directory, "content folder not found"))
            return files
        }
        for entry in entries(of: "", log: &log) {
            let name = entry.name
            switch (entry.isFolder, name) {
            case (true, "parties"): files.parties = markdownFiles(in: name, log: &log)
            case (true, "terms"): files.terms = markdownFiles(in: name, log: &log)
            case (true, "events"): files.events = markdownFiles(in: name, log: &log)
            case (true, _): log.record(.warning(path(name), "folder ignored (known folders: parties, terms, events)"))
            case (false, _) where name.hasSuffix(".txt") || name.hasSuffix(".md"):
                files.articles.append(name)
                files.stamps[name] = entry.stamp
            case (false, _) where name.hasSuffix(".yml") || name.hasSuffix(".yaml"):
                files.sidecars[stem(name)] = name
                files.stamps[name] = entry.stamp
            default: log.record(.warning(path(name), "file ignored: articles end in .txt or .md"))
            }
        }
        return files
    }

    private func markdownFiles(in folder: String, log: inout DiagnosticLog) -> [String] {
        var result: [String] = []
        for entry in entries(of: folder, log: &log) {
            let relative = folder + "/" + entry.name
            if entry.name.hasSuffix(".md") && !entry.isFolder {
                result.append(relative)
            } else {
                log.record(.warning(path(relative), "ignored: \(folder)/ holds Markdown files ending in .md"))
            }
        }
        return result
    }

    /// The visible entries of a folder, in order of name; a symbolic link that leads out of the
    /// content folder is an error. One `lstat` of each tells a file from a folder and gives its
    /// stamp: the articles' files are listed at every rebuild of the preview, a thousand or more.
    private func entries(of relative: String, log: inout DiagnosticLog) -> [Entry] {
        let folder = relative.isEmpty ? directory : path(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path + "/"
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            let entry = path(relative.isEmpty ? name : relative + "/" + name)
            var info = stat()
            // Gone since the folder was listed: as a file that cannot be read, reported when read.
            guard lstat(entry, &info) == 0 else { return Entry(name: name, isFolder: false, stamp: FileStamp(info)) }
            if info.st_mode & S_IFMT == S_IFLNK {
                let target = URL(fileURLWithPath: entry).resolvingSymlinksInPath().path
                guard target.hasPrefix(root) else {
                    log.record(.error(entry, "symbolic link leads outside the content folder (to \(target)); refused"))
                    return nil
                }
                // The file or folder it leads to; a link leading nowhere reads as a file that cannot be read.
                if stat(entry, &info) != 0 { info = stat() }
            }
            return Entry(name: name, isFolder: info.st_mode & S_IFMT == S_IFDIR, stamp: FileStamp(info))
        }
    }

    func path(_ relative: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + relative
    }

    private func stem(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: ".") else { return last }
        return String(last[..<dot])
    }

    private func readArticle(_ name: String, sidecars: [String: String]) throws(BuildFailure) -> (Article, [Diagnostic])
    {
        let (text, notes) = try SourceText.read(path(name))
        let slug = Text.slug(stem(name))
        var warnings = notes
        var article: Article
        if name.hasSuffix(".md") {
            let (parsed, parseWarnings) = try MarkdownArticleParser.parse(text, path: path(name), slug: slug)
            article = parsed
            warnings += parseWarnings
        } else {
            do {
                article = try RawArticleParser.parse(text, path: path(name), slug: slug)
            } catch {
                throw BuildFailure(stage: "load", diagnostics: [error])
            }
            if let sidecar = sidecars[stem(name)] {
                let (sidecarText, sidecarNotes) = try SourceText.read(path(sidecar))
                warnings += sidecarNotes
                warnings += try MarkdownArticleParser.applySidecar(sidecarText, path: path(sidecar), to: &article)
            }
        }
        if article.date == nil { article.date = defaultDate }
        if article.slug.isEmpty {
            throw BuildFailure(
                stage: "load",
                diagnostics: [
                    .error(
                        path(name), line: 1, column: 1,
                        "the file name gives no slug (it needs ASCII letters or digits); rename the file or set 'slug:'"
                    )
                ])
        }
        return (article, warnings)
    }

    /// Reads and parses each file; a file that fails adds its errors to the log and the others still run.
    private func readEach<T>(
        _ files: [String], log: inout DiagnosticLog,
        _ parse: (String, String) throws(BuildFailure) -> (T, [Diagnostic])
    ) -> [T] {
        var values: [T] = []
        for file in files {
            let read = { () throws(BuildFailure) -> (T, [Diagnostic]) in
                let (text, notes) = try SourceText.read(path(file))
                let (value, warnings) = try parse(file, text)
                return (value, notes + warnings)
            }
            if let (value, warnings) = capture(&log, read) {
                values.append(value)
                log.record(contentsOf: warnings)
            }
        }
        return values
    }

    /// Runs one file's step, moving its errors into the log so the others still run.
    private func capture<T>(_ log: inout DiagnosticLog, _ body: () throws(BuildFailure) -> T) -> T? {
        do {
            return try body()
        } catch {
            log.record(contentsOf: error.diagnostics)
            return nil
        }
    }
}
