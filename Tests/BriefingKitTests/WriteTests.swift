import Foundation
import Testing

@testable import BriefingKit

@Suite("Link check and atomic writing")
struct WriteTests {
    static func page(_ path: String, _ body: String) -> OutputFile {
        OutputFile(path: path, text: "<html><body>\(body)</body></html>")
    }

    @Test func brokenLinksAndAnchorsAreReportedPerPage() {
        let files = [
            Self.page(
                "index.html",
                ##"<a href="a/index.html#p2">x</a> <a href="#top">top</a> <a href="https://example.org/">out</a> <a id="top" href="a/">dir</a>"##
            ),
            Self.page(
                "a/index.html",
                ##"<p id="p1"></p><a href="../missing.html">m</a> <a href="#p1">ok</a> <a href="#nope">bad</a> <a href="../../up.html">up</a>"##
            ),
        ]
        let errors = LinkChecker.check(files, outputName: "Public").map(\.description)
        #expect(
            errors == [
                "Public/index.html: error: broken link 'a/index.html#p2': Public/a/index.html has no element with id 'p2'",
                "Public/a/index.html: error: broken link '../missing.html': Public/missing.html does not exist",
                "Public/a/index.html: error: broken link '#nope': Public/a/index.html has no element with id 'nope'",
                "Public/a/index.html: error: broken link '../../up.html': Public/<above the site root>/../../up.html does not exist",
            ])
    }

    /// Whether the tracker, given the pages one at a time in `files`' order, finds a broken link.
    static func trackerFindsBroken(_ files: [OutputFile], sitePath: String = "/") -> Bool {
        var tracker = LinkChecker.Tracker()
        for file in files {
            if let links = LinkChecker.links(of: file) {
                tracker.add(LinkChecker.Tracker.targets(of: links, sitePath: sitePath))
            }
        }
        return tracker.broken(paths: Set(files.map(\.path)))
    }

    @Test func theTrackerAgreesWithTheWholeCheckWhicheverWayALinkPoints() {
        let target = Self.page("a/b/index.html", ##"<p id="p1"></p><a href="../../feed.xml">feed</a>"##)
        let feed = OutputFile(path: "feed.xml", text: "<feed/>")
        let cases: [(String, Bool)] = [
            (##"<a href="../../a/b/index.html#p1">ok</a>"##, false),
            (##"<a href="../../a/./b/index.html#p1">ok</a> <a href="../../a/b/">folder</a>"##, false),
            (##"<a href="../y/../../a/b/index.html#p1">climbing back</a>"##, false),
            (##"<a href="../../a/b/index.html#p2">no anchor</a>"##, true),
            (##"<a href="../../a/c/index.html">no page</a>"##, true),
            (##"<a href="../../feed.xml#x">not a page: the file is enough</a>"##, false),
            (##"<a href="../../missing.xml">no file</a>"##, true),
            (##"<a href="#here" id="here">self</a>"##, false),
            (##"<a href="#gone">self</a>"##, true),
            (##"<a href="../../a/b/index.html?v=1#p1">query</a> <a href="https://example.org/#x">out</a>"##, false),
            (##"<a href="../../a/%62/index.html#p1">escaped</a>"##, false),
        ]
        for (links, broken) in cases {
            let page = Self.page("x/y/index.html", links)
            let whole = !LinkChecker.check([target, feed, page]).isEmpty
            #expect(whole == broken, "\(links)")
            // A link to a page already seen is checked at once; to one still to come, when it comes.
            #expect(Self.trackerFindsBroken([target, feed, page]) == broken, "backward: \(links)")
            #expect(Self.trackerFindsBroken([page, target, feed]) == broken, "forward: \(links)")
        }
    }

    @Test func theTrackerReadsRootRelativeLinksAgainstTheSitePath() {
        let files = [
            Self.page("index.html", ##"<a href="/brief/a/index.html#p1">a</a>"##), Self.page("a/index.html", ""),
        ]
        #expect(Self.trackerFindsBroken(files, sitePath: "/brief/"))
        #expect(
            !Self.trackerFindsBroken([files[0], Self.page("a/index.html", ##"<p id="p1">"##)], sitePath: "/brief/"))
    }

    @Test func attributesAreFoundWhateverTheirQuotingSpacingOrCase() throws {
        let html =
            "<a href='x.html'>x</a><a\nhref=\"y.html\">y</a><img src=z.png alt=z><A HREF=\"w.html\">"
            + "<!-- <a href=\"comment.html\"> --><p id=\"p1\" class=\"a\">"
        #expect(LinkChecker.attributeValues("href", in: html) == ["x.html", "y.html", "w.html"])
        #expect(LinkChecker.attributeValues("src", in: html) == ["z.png"])
        #expect(LinkChecker.attributeValues("id", in: html) == ["p1"])
        // A page's ids and links are read from its bytes the same way, each link once.
        let page = try #require(LinkChecker.links(of: Self.page("a/index.html", html + "<a href=x.html><P ID=p2>")))
        #expect(page.ids == ["p1", "p2"])
        #expect(page.links == ["x.html", "y.html", "z.png", "w.html"])
        #expect(LinkChecker.links(of: OutputFile(path: "a.css", contents: Data("<a href=x>".utf8))) == nil)
    }

    @Test func rootRelativeLinksAreReadAgainstTheSitePath() {
        let files = [
            Self.page("404.html", ##"<a href="/brief/index.html">home</a> <a href="/other/">x</a>"##),
            Self.page("index.html", ""),
        ]
        let errors = LinkChecker.check(files, sitePath: "/brief/")
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("'/other/'"))
    }

    @Test func writerSwapsInANewSiteAndRefusesAForeignFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "a/index.html", text: "one")])
        try writer.write([OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "b/index.html", text: "two")])
        #expect(FileManager.default.fileExists(atPath: output + "/b/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/a/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".Public.spare", "Public"])

        let foreign = root + "/Documents"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) {
            try SiteWriter(output: foreign).write([OutputFile(path: "index.html", text: "x")])
        }
        #expect(try String(contentsOfFile: foreign + "/notes.txt", encoding: .utf8) == "keep")
    }

    @Test func replacingASiteRemovesItsNestedFilesButNotWhatALinkInItPointsAt() throws {
        let manager = FileManager.default
        let (root, output, writer) = Self.scratch()
        defer { try? manager.removeItem(atPath: root) }
        try writer.write(
            [OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "a/b/c/index.html", text: "deep")]
                + (0..<50).map { OutputFile(path: "parties/p\($0)/index.html", text: "\($0)") })
        #expect(try String(contentsOfFile: output + "/a/b/c/index.html", encoding: .utf8) == "deep")
        #expect(try String(contentsOfFile: output + "/parties/p49/index.html", encoding: .utf8) == "49")
        // A link someone put in the output, at the top and one folder down, to a folder of their own.
        let elsewhere = root + "/Elsewhere"
        try manager.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "keep".write(toFile: elsewhere + "/notes.txt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: output + "/linked", withDestinationPath: elsewhere)
        try manager.createSymbolicLink(atPath: output + "/parties/linked", withDestinationPath: elsewhere)

        try writer.write([OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "index.html", text: "new")])
        #expect(try manager.contentsOfDirectory(atPath: output).sorted() == ["briefing.json", "index.html"])
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == [".Public.spare", "Elsewhere", "Public"])
        #expect(try String(contentsOfFile: elsewhere + "/notes.txt", encoding: .utf8) == "keep")
        // The site replaced, links and all, is the spare; the next build takes it and removes the links.
        try writer.write([OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "linked", text: "file")])
        #expect(try manager.contentsOfDirectory(atPath: output).sorted() == ["briefing.json", "linked"])
        #expect(try String(contentsOfFile: output + "/linked", encoding: .utf8) == "file")
        #expect(try manager.contentsOfDirectory(atPath: elsewhere) == ["notes.txt"])
        #expect(try String(contentsOfFile: elsewhere + "/notes.txt", encoding: .utf8) == "keep")
    }

    /// A new folder to write a site into as `Public`: the folder, the output and its writer.
    static func scratch() -> (root: String, output: String, writer: SiteWriter) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)").path
        return (root, root + "/Public", SiteWriter(output: root + "/Public"))
    }

    /// Every file under `folder`, as paths in it, with their text.
    static func tree(_ folder: String) -> [String: String] {
        var files: [String: String] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
            if let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) { files[path] = text }
        }
        return files
    }

    static func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    @Test func aRebuildWritesOverTheSiteBeforeTheLastAndKeepsNothingStale() throws {
        let manager = FileManager.default
        let (root, output, writer) = Self.scratch()
        defer { try? manager.removeItem(atPath: root) }
        let first = [
            OutputFile(path: "briefing.json", text: "1"), OutputFile(path: "a/index.html", text: "a1"),
            OutputFile(path: "gone/deep/index.html", text: "g1"), OutputFile(path: "gone/index.html", text: "g1"),
            OutputFile(path: "kept/gone/index.html", text: "k1"), OutputFile(path: "kept/index.html", text: "k1"),
        ]
        try writer.write(first)
        let reused = try Self.inode(output + "/a/index.html")
        // The first site is kept as the spare while the second is in place.
        try writer.write([OutputFile(path: "briefing.json", text: "2"), OutputFile(path: "b/index.html", text: "b2")])
        #expect(
            Self.tree(root + "/.Public.spare")
                == Dictionary(
                    uniqueKeysWithValues: first.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }))
        // The third is written over the first: only its own files are left, in the first's files where it can.
        try writer.write([
            OutputFile(path: "briefing.json", text: "3"), OutputFile(path: "a/index.html", text: "a3"),
            OutputFile(path: "kept/index.html", text: "k3"), OutputFile(path: "c/index.html", text: "c3"),
        ])
        #expect(
            Self.tree(output) == [
                "briefing.json": "3", "a/index.html": "a3", "kept/index.html": "k3", "c/index.html": "c3",
            ])
        let folders = try manager.subpathsOfDirectory(atPath: output).filter {
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: output + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue
        }
        #expect(folders.sorted() == ["a", "c", "kept"])
        #expect(try Self.inode(output + "/a/index.html") == reused)
        #expect(Self.tree(root + "/.Public.spare") == ["briefing.json": "2", "b/index.html": "b2"])
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == [".Public.spare", "Public"])
    }

    /// A scratch output with a small site written twice, so that a spare is beside it.
    static func withSpare() throws -> (root: String, output: String, writer: SiteWriter, site: [OutputFile]) {
        let (root, output, writer) = scratch()
        let site = [OutputFile(path: "briefing.json", text: "{}"), OutputFile(path: "a/index.html", text: "new")]
        try writer.write(site)
        try writer.write(site)
        return (root, output, writer, site)
    }

    @Test func aFileInTheSpareLinkedFromElsewhereIsNeverWrittenThrough() throws {
        let manager = FileManager.default
        let (root, output, writer, site) = try Self.withSpare()
        defer { try? manager.removeItem(atPath: root) }
        // Someone links files elsewhere into the spare, at the paths the next build writes.
        try "keep".write(toFile: root + "/hard.txt", atomically: true, encoding: .utf8)
        try "keep".write(toFile: root + "/soft.txt", atomically: true, encoding: .utf8)
        try manager.removeItem(atPath: root + "/.Public.spare/a/index.html")
        try manager.removeItem(atPath: root + "/.Public.spare/briefing.json")
        try manager.linkItem(atPath: root + "/hard.txt", toPath: root + "/.Public.spare/a/index.html")
        try manager.createSymbolicLink(
            atPath: root + "/.Public.spare/briefing.json", withDestinationPath: root + "/soft.txt")
        try writer.write(site)
        #expect(Self.tree(output) == ["briefing.json": "{}", "a/index.html": "new"])
        #expect(try String(contentsOfFile: root + "/hard.txt", encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: root + "/soft.txt", encoding: .utf8) == "keep")
    }

    @Test func aSpareThatIsALinkOrAnotherFolderIsNotWrittenInto() throws {
        let manager = FileManager.default
        let (root, output, writer, site) = try Self.withSpare()
        defer { try? manager.removeItem(atPath: root) }
        // Someone puts a link to a folder of theirs where the spare was.
        let elsewhere = root + "/Documents"
        try manager.createDirectory(atPath: elsewhere + "/a", withIntermediateDirectories: true)
        try "keep".write(toFile: elsewhere + "/notes.txt", atomically: true, encoding: .utf8)
        try "keep".write(toFile: elsewhere + "/a/index.html", atomically: true, encoding: .utf8)
        try manager.removeItem(atPath: root + "/.Public.spare")
        try manager.createSymbolicLink(atPath: root + "/.Public.spare", withDestinationPath: elsewhere)
        try writer.write(site)
        #expect(Self.tree(output) == ["briefing.json": "{}", "a/index.html": "new"])
        #expect(Self.tree(elsewhere) == ["notes.txt": "keep", "a/index.html": "keep"])
        var info = stat()
        #expect(lstat(output, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        // A folder without a built site's mark is put back as it was, and not written into.
        let spare = root + "/.Public.spare"
        try manager.removeItem(atPath: spare)
        try manager.createDirectory(atPath: spare, withIntermediateDirectories: true)
        try "keep".write(toFile: spare + "/notes.txt", atomically: true, encoding: .utf8)
        try writer.write(site)
        #expect(Self.tree(output) == ["briefing.json": "{}", "a/index.html": "new"])
        #expect(Self.tree(spare) == ["notes.txt": "keep"])
    }

    @Test func aFileWhereTheNextSiteHasAFolderInTheSpareGivesWay() throws {
        let manager = FileManager.default
        let (root, output, writer) = Self.scratch()
        defer { try? manager.removeItem(atPath: root) }
        try writer.write([
            OutputFile(path: "briefing.json", text: "1"), OutputFile(path: "assets/x", text: "file"),
            OutputFile(path: "assets/y/z.css", text: "folder"),
        ])
        try writer.write([OutputFile(path: "briefing.json", text: "2")])
        // Written over the first site: `assets/x` becomes a folder, `assets/y` a file.
        try writer.write([
            OutputFile(path: "briefing.json", text: "3"), OutputFile(path: "assets/x/y.css", text: "folder"),
            OutputFile(path: "assets/y", text: "file"),
        ])
        #expect(Self.tree(output) == ["briefing.json": "3", "assets/x/y.css": "folder", "assets/y": "file"])
    }

    @Test func namesThatDifferOnlyInHowAnAccentIsEncodedAreToldApart() throws {
        let manager = FileManager.default
        let (root, output, writer) = Self.scratch()
        defer { try? manager.removeItem(atPath: root) }
        let decomposed = "assets/cafe\u{301}.txt"
        let composed = "assets/caf\u{E9}.txt"
        try writer.write([OutputFile(path: "briefing.json", text: "1"), OutputFile(path: decomposed, text: "old")])
        try writer.write([OutputFile(path: "briefing.json", text: "2")])
        try writer.write([OutputFile(path: "briefing.json", text: "3"), OutputFile(path: composed, text: "new")])
        // Two names Swift holds equal, two files on disk: only the one this build wrote is left.
        let names = try #require(opendir(output + "/assets"))
        defer { closedir(names) }
        var found: [[UInt8]] = []
        while let entry = readdir(names) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { found.append(name) }
        }
        #expect(found == [Array("caf\u{E9}.txt".utf8)])
    }
}
