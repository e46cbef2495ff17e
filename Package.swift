// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingKit", targets: ["BriefingKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Debian's libcmark (libcmark-dev), found through its pkg-config file.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // One system call Foundation does not offer: swapping two folders atomically.
        .target(name: "CAtomicSwap"),
        .target(
            name: "BriefingKit",
            dependencies: [
                "CMark",
                "CAtomicSwap",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // Embeds Templates/ and Scaffold/ into BriefingKit at build time, through ThemeEmbedder.
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(name: "ThemeEmbedder"),
        // The preview server: its own module, so the build pipeline does not depend on a web server.
        .target(
            name: "BriefingPreview",
            dependencies: [
                "BriefingKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingKit",
                "BriefingPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BriefingKitTests", dependencies: ["BriefingKit"]),
        .testTarget(name: "BriefingPreviewTests", dependencies: ["BriefingPreview"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BriefingKit", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Golden"]),
    ]
)
