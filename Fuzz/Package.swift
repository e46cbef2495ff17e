// swift-tools-version:6.0
// libFuzzer harnesses for the parts that read untrusted text. Build and run with Fuzz/run.sh.
import PackageDescription

let harness: [Target.Dependency] = ["CFuzzDriver", .product(name: "BriefingKit", package: "Briefing")]

let package = Package(
    name: "BriefingFuzz",
    dependencies: [.package(name: "Briefing", path: "..")],
    targets: [
        // SwiftPM gives every executable a main of its own; the harnesses hand it to libFuzzer.
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzArticle", dependencies: harness),
        .executableTarget(name: "FuzzFrontMatter", dependencies: harness),
        .executableTarget(name: "FuzzMatcher", dependencies: harness),
    ]
)
