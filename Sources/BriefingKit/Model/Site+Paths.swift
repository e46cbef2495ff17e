/// Source paths relative to the content folder, so what is published (`briefing.json`) does not
/// depend on where the content was checked out.
struct SourcePaths: Equatable, Sendable {
    /// The content folder with a trailing slash; nil leaves every path as it is.
    let prefix: String?
    /// Paths made relative ahead, so that everything from one file shares one copy of its path:
    /// the tens of thousands of events found in articles would each hold their own. Only a
    /// cache; two values with the same prefix give the same paths.
    private var known: [String: String] = [:]

    init(relativeTo contentDirectory: String?) {
        prefix = contentDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The same, with `paths` made relative ahead.
    func knowing(_ paths: some Sequence<String>) -> SourcePaths {
        guard prefix != nil else { return self }
        var copy = self
        for path in paths where copy.known[path] == nil { copy.known[path] = relative(path) }
        return copy
    }

    static func == (a: SourcePaths, b: SourcePaths) -> Bool { a.prefix == b.prefix }

    func relative(_ path: String) -> String {
        if let known = known[path] { return known }
        guard let prefix, path.hasPrefix(prefix) else { return path }
        return String(path.dropFirst(prefix.count))
    }
}

extension Site {
    /// Articles', parties' and terms' paths made relative, in place.
    mutating func relativizePaths(_ paths: SourcePaths) {
        guard paths.prefix != nil else { return }
        for index in articles.indices {
            articles[index].article.path = paths.relative(articles[index].article.path)
        }
        for index in parties.indices {
            parties[index].party.path = paths.relative(parties[index].party.path)
        }
        for index in terms.indices {
            terms[index].term.path = paths.relative(terms[index].term.path)
        }
    }
}
