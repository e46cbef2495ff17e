import Foundation
import Synchronization

/// Where a build reads from and writes to, and the settings flags override.
public struct BuildOptions: Sendable {
    /// The template folder used when none is given; a build without it uses the built-in theme.
    public static let defaultTemplates = "Templates"

    public var content: String
    /// A template folder laid over the built-in theme, which must exist; nil means
    /// `defaultTemplates` when it exists, and the built-in theme alone when it does not.
    public var templates: String?
    public var output: String
    public var config: String
    public var baseURL: String?
    public var date: String?

    public init(
        content: String = "Content", templates: String? = nil, output: String = "Public",
        config: String = "briefing.yml", baseURL: String? = nil, date: String? = nil
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.config = config
        self.baseURL = baseURL
        self.date = date
    }

    /// The template folder the build reads, given or default.
    public var templatesFolder: String { templates ?? Self.defaultTemplates }
}

/// What a finished build did.
public struct BuildReport: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var milliseconds: Double
        public var detail: String

        public init(name: String, elapsed: Duration, detail: String) {
            self.name = name
            milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            self.detail = detail
        }

        /// The stage as `--timings` prints it: name, time, what it did.
        public var line: String {
            name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%7.1f ms  ", milliseconds)
                + detail
        }
    }

    public var stages: [Stage] = []
    public var warnings: [Diagnostic] = []
    public var pages = 0
    public var files = 0
    public var site: Site?
    /// What the build made and worked with: the renderer, with the site and all that was worked
    /// out for it, and the links checked. A report held to the end of a process lets the process
    /// end without taking these apart one by one.
    var held: [any Sendable] = []

    public var milliseconds: Double { stages.map(\.milliseconds).reduce(0, +) }
}

/// Runs the pipeline: config → load → link → templates → render → check links → write.
public enum Builder {
    /// Builds the site and writes it to the output folder; `progress` receives one line per finished stage.
    public static func build(_ options: BuildOptions, progress: (String) -> Void = { _ in }) throws(BuildFailure)
        -> BuildReport
    {
        try run(options, write: true, progress: progress).report
    }

    /// Builds the site in memory only, as the preview server does; nothing is written. With a
    /// cache, what the last build with that cache computed is reused where nothing it read changed,
    /// and `briefing.json` and the search index are left in `deferred`, made when asked for.
    public static func render(
        _ options: BuildOptions, cache: BuildCache? = nil, progress: (String) -> Void = { _ in }
    ) throws(BuildFailure) -> (files: [OutputFile], deferred: [DeferredFile], report: BuildReport) {
        var memo = cache?.take() ?? BuildCache.State(keeping: false)
        defer { cache?.restore(memo) }
        return try run(options, write: false, memo: &memo, cache: cache, progress: progress)
    }

    private static func run(_ options: BuildOptions, write: Bool, progress: (String) -> Void) throws(BuildFailure)
        -> (files: [OutputFile], deferred: [DeferredFile], report: BuildReport)
    {
        var memo = BuildCache.State(keeping: false)
        return try run(options, write: write, memo: &memo, cache: nil, progress: progress)
    }

    private static func run(
        _ options: BuildOptions, write: Bool, memo: inout BuildCache.State, cache: BuildCache?,
        progress: (String) -> Void
    ) throws(BuildFailure) -> (files: [OutputFile], deferred: [DeferredFile], report: BuildReport) {
        let keepPages = cache != nil
        var report = BuildReport()
        func stage<T>(_ name: String, _ body: () throws(BuildFailure) -> (T, String)) throws(BuildFailure) -> T {
            let clock = ContinuousClock()
            let start = clock.now
            let value: T
            let detail: String
            do {
                (value, detail) = try body()
            } catch {
                var failure = error
                failure.warnings = report.warnings + error.warnings
                throw failure
            }
            let stage = BuildReport.Stage(name: name, elapsed: start.duration(to: clock.now), detail: detail)
            report.stages.append(stage)
            progress(stage.line)
            return value
        }

        let config = try stage("config") { () throws(BuildFailure) in
            var (config, warnings) = try ConfigLoader.load(options.config)
            report.warnings += warnings
            if let baseURL = options.baseURL {
                if let problem = ConfigLoader.validateBaseURL(baseURL) {
                    throw BuildFailure(stage: "config", diagnostics: [.error("--base-url", problem)])
                }
                config.baseURL = baseURL
            }
            if let date = options.date {
                guard Text.isISODate(date) else {
                    throw BuildFailure(
                        stage: "config",
                        diagnostics: [.error("--date", "must be a date written YYYY-MM-DD, not '\(date)'")])
                }
                config.defaultDate = date
            }
            try checkFolders(options)
            let exists = FileManager.default.fileExists(atPath: options.config)
            return (config, exists ? options.config : "defaults (no \(options.config))")
        }
        let loaded = try stage("load") { () throws(BuildFailure) in
            let (content, warnings) = try ContentLoader(directory: options.content, defaultDate: config.defaultDate)
                .load(memo: &memo.articleFiles)
            report.warnings += warnings
            // Counted by closures reading the fields, not key paths, which copy what they project.
            let removed = content.articles.reduce(0) { total, article in
                article.removed.reduce(total) { $1.isRepeat ? $0 + 1 : $0 }
            }
            let paragraphs = content.articles.reduce(0) { $0 + $1.paragraphs.count }
            return (
                content,
                "\(content.articles.count) article(s), \(paragraphs) paragraphs (\(removed) repeated lines removed), \(content.parties.count) parties, \(content.terms.count) terms, \(content.events.count) events"
            )
        }
        // The template files' stamps, read once before the templates are: a template edited
        // while this build runs then differs from them at the next build.
        let templateStamps = keepPages ? BuildCache.templateStamps(options.templatesFolder) : [:]
        // Nothing the site is made from changed (a file saved as it was, or touched): the last
        // site is this build's, and nothing is extracted, linked or rendered again.
        if let cache, let previous = memo.rendered, previous.content == loaded,
            previous.renderer.site.config == config, previous.templates == templateStamps
        {
            try stage("render") { () throws(BuildFailure) in
                ((), "nothing the site is made from changed: 0 of \(previous.pages) pages rendered again")
            }
            let deferred = deferredFiles(previous.renderer, cache: cache, search: previous.search)
            report.site = previous.renderer.site
            report.pages = previous.pages
            report.files = previous.output.count + deferred.count
            return (previous.output, deferred, report)
        }
        // In the preview, the words each article holds: when party or term names change, an
        // article's results are kept unless it holds a changed name.
        let words = cache.map { _ in
            let filters = memo.articleWords.map(loaded.articles, key: \.path, context: NoContext(), WordFilter.init)
            return ArticleWords(
                filters: Dictionary(
                    zip(loaded.articles.map(\.path), filters).map { $0 }, uniquingKeysWith: { first, _ in first }))
        }
        var extracted: Content? = try stage("extract") { () throws(BuildFailure) in
            var content = loaded
            let foundParties = PartyExtractor.parties(in: content.articles, memo: &memo.nameRuns)
            // Unchanged parties are the very array the last build merged, so they compare at once.
            let (parties, summary) = memo.partyMerge.value(
                for: PartyMerge(found: foundParties, editorial: content.parties, terms: content.terms)
            ) {
                Extraction.merge(extracted: $0.found, into: $0.editorial, terms: $0.terms)
            }
            content.parties = parties
            // Terms and events each read the articles and the parties, and nothing of each
            // other: they are found at once.
            let found = content
            // Each chain is handed its memos, which no one else then holds: a copy kept here as
            // well had each memo copy what it kept (tens of thousands of events and names) before
            // changing any of it.
            let termHandover = Handover(
                (
                    exchange(&memo.selections, with: .init(keeps: false)),
                    exchange(&memo.termMerge, with: .init(keeps: false))
                ))
            let eventHandover = Handover(
                (
                    exchange(&memo.events, with: .init(keeps: false)),
                    exchange(&memo.repeatedEvents, with: .init(keeps: false)),
                    exchange(&memo.eventMerge, with: .init(keeps: false))
                ))
            let (termChain, eventChain) = Parallel.both(
                concurrently: cache != nil,
                {
                    var (selections, termMerge) = termHandover.take()
                    let extracted = TermExtractor.terms(
                        in: found.articles, parties: parties, memo: &selections, words: words)
                    // Unchanged terms and parties are the very arrays the last build merged, so
                    // these compare at once.
                    let (terms, summary) = termMerge.value(
                        for: TermMerge(found: extracted, editorial: found.terms, parties: parties)
                    ) {
                        Extraction.merge(extracted: $0.found, into: $0.editorial, parties: $0.parties)
                    }
                    return (terms: terms, summary: summary, memos: (selections, termMerge))
                },
                {
                    var (eventsMemo, repeatedEvents, eventMerge) = eventHandover.take()
                    let extracted = EventExtractor.events(
                        in: found.articles, parties: parties, memo: &eventsMemo, words: words)
                    // Unchanged events are the very array the last build merged, so these compare at once.
                    let (merged, repeats) = repeatedEvents.value(for: extracted, RepeatedEvents.merge)
                    let (events, summary) = eventMerge.value(for: EventMerge(found: merged, editorial: found.events)) {
                        Extraction.merge(extracted: $0.found, into: $0.editorial)
                    }
                    return (
                        events: events, summary: summary, repeats: repeats,
                        memos: (eventsMemo, repeatedEvents, eventMerge)
                    )
                })
            (memo.selections, memo.termMerge) = termChain.memos
            (memo.events, memo.repeatedEvents, memo.eventMerge) = eventChain.memos
            let (terms, termSummary) = (termChain.terms, termChain.summary)
            let (events, eventSummary, repeats) = (eventChain.events, eventChain.summary, eventChain.repeats)
            content.terms = terms
            content.events = events
            return (
                content,
                "parties: \(summary.found) found, \(summary.matched) match editorial files, \(summary.added) added, \(summary.hidden) hidden; terms: \(termSummary.found) found, \(termSummary.matched) match, \(termSummary.added) added, \(termSummary.hidden) hidden; events: \(eventSummary.found + repeats) found, \(repeats) repeats merged, \(eventSummary.matched) covered by editorial events, \(eventSummary.added) added, \(eventSummary.hidden) hidden"
            )
        }
        let site = try stage("link") { () throws(BuildFailure) in
            let site = try Linker.link(
                extracted!, config: config, relativeTo: options.content, memo: &memo.linkedArticles, words: words)
            let mentions = site.articles.reduce(0) { total, article in
                article.paragraphs.reduce(total) { $0 + $1.mentions.count }
            }
            let citations = site.events.reduce(0) { $0 + $1.citations.count }
            return (site, "\(mentions) mentions linked, \(citations) citations")
        }
        // The site holds what rendering reads. Linking gave each event a copy of its own (its path
        // made relative, its sources resolved), so the events as extracted are let go now
        // rather than held to the end of the build.
        extracted = nil
        report.site = site
        let templates = try stage("templates") { () throws(BuildFailure) in
            // In the preview, the templates of the last build while none of their files changed.
            if keepPages, let kept = memo.rendered, kept.templates == templateStamps {
                return (kept.renderer.templates, "as last loaded: " + kept.renderer.templates.summary)
            }
            let templates = try TemplateSet.load(from: options.templatesFolder, requireFolder: options.templates != nil)
            return (templates, templates.summary)
        }
        let sitePath = URLComponents(string: config.normalizedBaseURL)?.percentEncodedPath ?? "/"
        let renderer = try stage("prepare") { () -> (PageRenderer, String) in
            let renderer = PageRenderer(site: site, templates: templates, updating: memo.rendered?.renderer)
            return (
                renderer,
                "\(renderer.pages.count) pages listed, relations and counts "
                    + (memo.rendered == nil ? "worked out" : "updated from the last build")
            )
        }
        if write {
            // Pages go to a staging folder as they are rendered, keeping only their ids and links
            // in memory; the links are checked before the staging folder replaces the output.
            let staging: SiteWriter.Staging
            do {
                staging = try SiteWriter(output: options.output).stage()
            } catch {
                var failure = error
                failure.warnings = report.warnings + error.warnings
                throw failure
            }
            do {
                let (pages, paths, tracker) = try stage("render") { () throws(BuildFailure) in
                    // Each page's links are resolved where it was rendered, and taken in by the
                    // tracker in whatever order the pages finish: whether a link fails does not
                    // depend on it.
                    let tracker = Mutex(LinkChecker.Tracker())
                    let written = try renderer.render(
                        { (file: OutputFile) throws(BuildFailure) in
                            try staging.write(file)
                            if let links = LinkChecker.links(of: file) {
                                let targets = LinkChecker.Tracker.targets(of: links, sitePath: sitePath)
                                tracker.withLock { $0.add(targets) }
                            }
                        },
                        stream: {
                            (path: String, produce: (ByteSink) throws(BuildFailure) -> Void) throws(BuildFailure) in
                            try staging.stream(path, produce)
                        })
                    // The pages' paths in order, for reading them again should a link fail.
                    let pages = written.filter { $0.hasSuffix(".html") }
                    let paths = Set(written)
                    return (
                        (pages, paths, tracker.withLock { $0 }),
                        "\(pages.count) pages, \(paths.count) files, written to a staging folder as they render"
                    )
                }
                try stage("check") { () throws(BuildFailure) in
                    if tracker.broken(paths: paths) {
                        // Which links, on which pages: the staged pages are read again and checked together.
                        let links = try Parallel.map(pages) {
                            (path: String) throws(BuildFailure) -> LinkChecker.PageLinks? in
                            try LinkChecker.links(of: OutputFile(path: path, contents: staging.read(path)))
                        }
                        let broken = LinkChecker.check(
                            links.compactMap { $0 }, paths: paths, sitePath: sitePath, outputName: options.output)
                        if !broken.isEmpty { throw BuildFailure(stage: "check", diagnostics: broken) }
                    }
                    return ((), "all internal links and anchors resolve")
                }
                try stage("write") { () throws(BuildFailure) in
                    try staging.commit()
                    return ((), options.output)
                }
                report.pages = pages.count
                report.files = paths.count
                report.held = [renderer, tracker, pages, paths, loaded]
                return ([], [], report)
            } catch {
                staging.abandon()
                throw error
            }
        }
        var siteFilesMemo = PageRenderer.SiteFilesMemo(keeping: false)
        let previous = memo.rendered.flatMap { $0.templates == templateStamps ? $0 : nil }
        let lastSearch = memo.rendered?.search
        memo.rendered = nil
        // The last build's site, renderer and files are freed once this build is done with them.
        defer { if let previous { Parallel.letGo(previous) } }
        let (search, deferred, changedPages) = try stage("compare") {
            () -> ((SearchIndex.Paths?, [DeferredFile], PageRenderer.Changes?), String) in
            // The search index's paths are listed, its files made when first asked for.
            let search = cache.map { _ in
                SearchIndex.Paths(renderer.site, pages: renderer.timelinePages, last: lastSearch)
            }
            let deferred = cache.map { deferredFiles(renderer, cache: $0, search: search!) } ?? []
            guard let previous else { return ((search, deferred, nil), "no last build to compare with") }
            let changes = renderer.changes(since: previous.renderer)
            return (
                (search, deferred, changes),
                changes.map { "\($0.pages.count) of \(renderer.pages.count) pages changed since the last build" }
                    ?? "the site changed throughout"
            )
        }
        if let previous, let changes = changedPages {
            // Only the pages an edit touched are rendered, over the files of the last build.
            let pagePaths = renderer.pages.map(renderer.path(of:))
            let (pageFiles, otherFiles) = try stage("render") { () throws(BuildFailure) in
                let rendered = try renderer.render(changes, over: previous.renderer, files: previous.files)
                // The sitemap lists the pages, the feed the articles: each as it was while those are.
                var unchanged: [String: OutputFile] = [:]
                if pagePaths.elementsEqual(previous.pagePaths) {
                    unchanged[Routes.sitemap] = previous.files[Routes.sitemap]
                }
                if renderer.sameFeed(as: previous.renderer) { unchanged[Routes.feed] = previous.files[Routes.feed] }
                let other = try renderer.siteFiles(
                    pagePaths: pagePaths, memo: &siteFilesMemo, deferring: true, unchanged: unchanged)
                return (
                    (rendered, other),
                    "\(rendered.count) of \(pagePaths.count) pages rendered again, \(other.count) other files (\(unchanged.count) as they were)"
                )
            }
            var files = previous.files
            var links = previous.links
            for file in pageFiles + otherFiles { files[file.path] = file }
            // The pages of a party or term gone, or of a list grown shorter, are gone too.
            let paths = Set(pagePaths + otherFiles.map(\.path))
            if files.count > paths.count {
                files = files.filter { paths.contains($0.key) }
                links = links.filter { paths.contains($0.key) }
            }
            let changedLinks = Parallel.map(pageFiles) { LinkChecker.links(of: $0) }.compactMap { $0 }
            for page in changedLinks { links[page.path] = page }
            try stage("check") { () throws(BuildFailure) in
                let broken = LinkChecker.check(
                    changedLinks, paths: Set(files.keys).union(deferred.map(\.path)), ids: links.mapValues(\.ids),
                    sitePath: sitePath,
                    outputName: options.output)
                if !broken.isEmpty { throw BuildFailure(stage: "check", diagnostics: broken) }
                return ((), "links and anchors of the \(changedLinks.count) pages rendered again resolve")
            }
            let output = (pagePaths + otherFiles.map(\.path)).compactMap { files[$0] }
            memo.rendered = BuildCache.RenderedSite(
                renderer: renderer, templates: templateStamps, files: files, links: links, content: loaded,
                output: output, pages: pagePaths.count, search: search!)
            report.pages = pagePaths.count
            report.files = files.count + deferred.count
            return (output, deferred, report)
        }
        let files = try stage("render") { () throws(BuildFailure) in
            let files = try renderer.render(memo: &siteFilesMemo, deferring: cache != nil)
            return (files, "\(files.filter { $0.path.hasSuffix(".html") }.count) pages, \(files.count) files")
        }
        let links = Parallel.map(files) { LinkChecker.links(of: $0) }.compactMap { $0 }
        try stage("check") { () throws(BuildFailure) in
            let broken = LinkChecker.check(
                links, paths: Set(files.map(\.path) + deferred.map(\.path)), sitePath: sitePath,
                outputName: options.output)
            if !broken.isEmpty { throw BuildFailure(stage: "check", diagnostics: broken) }
            return ((), "all internal links and anchors resolve")
        }
        if keepPages {
            memo.rendered = BuildCache.RenderedSite(
                renderer: renderer, templates: templateStamps,
                files: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
                links: Dictionary(links.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
                content: loaded, output: files, pages: links.count, search: search!)
        }
        report.pages = links.count
        report.files = files.count + deferred.count
        return (files, deferred, report)
    }

    /// With a cache, the largest files are made from the cache's memo when first asked for.
    private static func deferredFiles(_ renderer: PageRenderer, cache: BuildCache, search paths: SearchIndex.Paths)
        -> [DeferredFile]
    {
        // Each file's maker holds the renderer through one shared reference: the hundreds of
        // search shards each holding a copy retained and released every field of it.
        let shared = Shared(renderer)
        let exported = PageRenderer.streamedPaths.map { path in
            DeferredFile(path: path) { () throws(BuildFailure) -> Data in
                try cache.siteFiles.withLock { (memo) throws(BuildFailure) -> Data in
                    let sink = ByteSink()
                    try shared.value.streamed(path, memo: &memo, into: sink)
                    return sink.data
                }
            }
        }
        // The search index's files are made together when the first is asked for.
        let search = MadeOnce()
        return exported
            + paths.paths.map { path in
                DeferredFile(path: path) { () throws(BuildFailure) -> Data in
                    try search.files.withLock { (made) throws(BuildFailure) -> Data in
                        if made == nil { made = try shared.value.searchFiles() }
                        return made?[path] ?? Data()
                    }
                }
            }
    }

    /// A value held by reference, for closures that would each copy it.
    private final class Shared<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Files made together the first time one of them is asked for.
    private final class MadeOnce: Sendable {
        let files = Mutex<[String: Data]?>(nil)
    }

    /// The output folder is replaced whole, so it must not hold or be the content or the theme.
    static func checkFolders(_ options: BuildOptions) throws(BuildFailure) {
        /// The real path, resolving links in the part that exists (a new output folder does not yet).
        func resolved(_ path: String) -> String {
            var existing = URL(fileURLWithPath: path).standardizedFileURL
            var rest: [String] = []
            while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
                rest.insert(existing.lastPathComponent, at: 0)
                existing.deleteLastPathComponent()
            }
            let base = existing.resolvingSymlinksInPath().path
            return ([base] + rest).joined(separator: "/").replacingOccurrences(of: "//", with: "/") + "/"
        }
        let output = resolved(options.output)
        if resolved(options.config).hasPrefix(output) {
            throw BuildFailure(
                stage: "config",
                diagnostics: [
                    .error(
                        options.config,
                        "the configuration file is inside the output folder \(options.output), which a build replaces; move it out"
                    )
                ])
        }
        var inputs = [("--content", options.content)]
        // The default template folder matters only when it is there; otherwise the built-in theme is used.
        if options.templates != nil || FileManager.default.fileExists(atPath: options.templatesFolder) {
            inputs.append(("--templates", options.templatesFolder))
        }
        for (flag, folder) in inputs {
            let input = resolved(folder)
            if input.hasPrefix(output) || output.hasPrefix(input) {
                throw BuildFailure(
                    stage: "config",
                    diagnostics: [
                        .error(
                            options.output,
                            "the output folder overlaps \(flag) \(folder); a build replaces the whole output folder, so choose another --output"
                        )
                    ])
            }
        }
    }
}
