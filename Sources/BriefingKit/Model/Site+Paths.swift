extension Site {
    /// The same site with source paths relative to the content folder, so what is published
    /// (`briefing.json`) does not depend on where the content was checked out.
    public func relativizingPaths(to contentDirectory: String) -> Site {
        let prefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        func relative(_ path: String) -> String {
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
        func relative(_ located: Located<String>) -> Located<String> {
            var copy = located
            copy.location.path = relative(copy.location.path)
            return copy
        }
        var site = self
        for index in site.articles.indices {
            site.articles[index].article.path = relative(site.articles[index].article.path)
        }
        for index in site.parties.indices {
            site.parties[index].party.path = relative(site.parties[index].party.path)
        }
        for index in site.terms.indices {
            site.terms[index].term.path = relative(site.terms[index].term.path)
        }
        for index in site.events.indices {
            site.events[index].event.path = relative(site.events[index].event.path)
            site.events[index].event.sources = site.events[index].event.sources.map(relative)
            site.events[index].event.parties = site.events[index].event.parties.map(relative)
        }
        return site
    }
}
