import Foundation
import Testing

/// A build killed with SIGKILL at any moment leaves the output as it was or as the new build
/// made it, never half of each.
@Suite("Builds killed part-way", .serialized)
struct InterruptedBuildTests {
    /// A site big enough that writing it takes a while: many party pages.
    static func makeContent(in root: String, parties: Int, marker: String) throws {
        let content = root + "/Content"
        try? FileManager.default.removeItem(atPath: content)
        try FileManager.default.createDirectory(atPath: content + "/parties", withIntermediateDirectories: true)
        var lines = ["Many Parties Meet (\(marker))", ""]
        for number in 0..<parties {
            lines.append(
                "Delegate Number\(number) Person spoke with Delegate Number\((number + 1) % parties) Person today.")
            try "---\nname: Delegate Number\(number) Person\nkind: person\nrole: \(marker)\n---\n".write(
                toFile: content + "/parties/p\(number).md", atomically: false, encoding: .utf8)
        }
        try lines.joined(separator: "\n").write(toFile: content + "/meeting.txt", atomically: false, encoding: .utf8)
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSiteWhole() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Templates", toPath: fixture.root + "/Templates")
        try Self.makeContent(in: fixture.root, parties: 600, marker: "old")
        #expect(try CommandLineTests.run(["build"], in: fixture.root).status == 0)
        let old = Fixture.files(in: fixture.root + "/Public")

        try Self.makeContent(in: fixture.root, parties: 600, marker: "new")
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try CommandLineTests.run(["build", "--output", "New"], in: fixture.root).status == 0)
        let buildTime = started.duration(to: clock.now)
        let new = Fixture.files(in: fixture.root + "/New")
        #expect(old.count == new.count && old != new)

        var outcomes: [String] = []
        for step in 0..<12 {
            let delay = buildTime * (Double(step) / 10.0)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.executable))
            process.arguments = ["build"]
            process.currentDirectoryURL = URL(fileURLWithPath: fixture.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(
                forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Fixture.files(in: fixture.root + "/Public")
            if now == old {
                outcomes.append("old")
            } else if now == new {
                outcomes.append("new")
            } else {
                Issue.record("after a kill at \(delay) the output is neither the old nor the new site")
            }
            // Back to the old site for the next round, through a normal build.
            if now == new {
                try Self.makeContent(in: fixture.root, parties: 600, marker: "old")
                #expect(try CommandLineTests.run(["build"], in: fixture.root).status == 0)
                try Self.makeContent(in: fixture.root, parties: 600, marker: "new")
            }
        }
        #expect(outcomes.contains("old"))
        // A staging folder left by a kill is cleared by the next build, which keeps the site it
        // replaced as the spare.
        #expect(try CommandLineTests.run(["build"], in: fixture.root).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".Public.spare"])
        print("killed builds: \(outcomes.joined(separator: " ")) (build takes \(buildTime))")
    }
}
