import Foundation
import Synchronization

/// What one build leaves for the next in the same process, so that a rebuild after an edit
/// reads, extracts, links and renders again only what the edit touched. The preview server
/// keeps one; `briefing build` runs once and needs none.
///
/// Everything kept is checked before it is used: a file by its stamp, an article's results
/// by the article's value and the inputs they read, a page by comparing the site before and
/// after. A rebuild with the cache produces exactly the files a build without it would.
public final class BuildCache: Sendable {
    struct State: Sendable {
        var articleFiles: ContentLoader.ArticleFiles
        var articleWords: Memo<String, Article, NoContext, WordFilter>
        var nameRuns: PartyExtractor.NameRuns
        var partyMerge: LastResult<PartyMerge, ([Party], Extraction.Summary)>
        var selections: TermExtractor.Selections
        var termMerge: LastResult<TermMerge, ([Term], Extraction.Summary)>
        var events: EventExtractor.FoundEvents
        var repeatedEvents: LastResult<[Event], (events: [Event], merged: Int)>
        var eventMerge: LastResult<EventMerge, ([Event], Extraction.Summary)>
        var linkedArticles: Linker.Kept
        var rendered: RenderedSite?

        /// Empty state; `keeping: false` for a build that runs once and should free as it goes.
        init(keeping: Bool = true) {
            articleFiles = .init(keeps: keeping)
            articleWords = .init(keeps: keeping)
            nameRuns = .init(keeps: keeping)
            partyMerge = .init(keeps: keeping)
            selections = .init(keeps: keeping)
            termMerge = .init(keeps: keeping)
            events = .init(keeps: keeping)
            repeatedEvents = .init(keeps: keeping)
            eventMerge = .init(keeps: keeping)
            linkedArticles = .init(keeps: keeping)
        }
    }

    /// The last site rendered in memory: its pages' links, for checking only the pages that
    /// change, and every file.
    struct RenderedSite: Sendable {
        var renderer: PageRenderer
        var templates: [String: FileStamp]
        var files: [String: OutputFile]
        var links: [String: LinkChecker.PageLinks]
        /// The content as loaded, before extraction: a build that loads the same content with
        /// the same settings and templates makes this very site.
        var content: Content
        /// The files in the order the build gave them, and how many are pages: the first ones.
        var output: [OutputFile]
        var pages: Int
        /// The search index's paths, with what they were worked out from.
        var search: SearchIndex.Paths

        /// The pages' paths, in order.
        var pagePaths: some Collection<String> { output.prefix(pages).lazy.map(\.path) }
    }

    private let state = Mutex(State())
    /// The encoded parts of `briefing.json` and the search index, which a rebuild leaves to be
    /// made when they are asked for: apart from `state`, since they are made outside a build.
    let siteFiles = Mutex(PageRenderer.SiteFilesMemo())

    public init() {}

    /// Takes the kept state out for one build; `restore` puts it back.
    func take() -> State {
        state.withLock { kept in
            let taken = kept
            kept = State()
            return taken
        }
    }

    func restore(_ value: State) {
        state.withLock { $0 = value }
    }
}

extension BuildCache {
    /// The stamp of every file under the template folder: a theme edit renders every page.
    static func templateStamps(_ folder: String) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return stamps }
        while let relative = enumerator.nextObject() as? String {
            stamps[relative] = FileStamp(folder + "/" + relative)
        }
        return stamps
    }
}

/// The found parties and the editors' parties and terms, joined by `Extraction.merge`.
struct PartyMerge: Equatable, Sendable {
    var found: [Party]
    var editorial: [Party]
    var terms: [Term]
}

/// The found terms, the editors' terms and the parties, joined by `Extraction.merge`.
struct TermMerge: Equatable, Sendable {
    var found: [Term]
    var editorial: [Term]
    var parties: [Party]
}

/// The found events and the editors' events, joined by `Extraction.merge`.
struct EventMerge: Equatable, Sendable {
    var found: [Event]
    var editorial: [Event]
}
