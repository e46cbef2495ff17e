import BriefingKit
import CFuzzDriver
import Foundation

/// Any bytes as editorial files and as the site configuration.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    _ = try? EditorialParser.party(text, path: "parties/p.md", fileSlug: "p")
    _ = try? EditorialParser.term(text, path: "terms/t.md", fileSlug: "t")
    _ = try? EditorialParser.event(text, path: "events/e.md", fileSlug: "e", publicationDate: "2025-03-18")
    _ = try? ConfigLoader.parse(text, path: "briefing.yml")
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
