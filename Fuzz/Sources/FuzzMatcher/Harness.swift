import BriefingKit
import CFuzzDriver
import Foundation

/// The first line gives names (separated by `|`), the rest is text: every match must lie on
/// character boundaries inside the text, and sentences must cover it in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let names = parts[0].split(separator: "|").map { (String($0), EntityRef.party(String($0))) }
    let text = parts.count > 1 ? String(parts[1]) : ""
    let utf8 = Array(text.utf8)
    var end = 0
    for match in MentionMatcher(names).matches(in: text) {
        precondition(match.start >= end && match.start < match.end && match.end <= utf8.count)
        precondition(String(validating: utf8[match.start..<match.end], as: UTF8.self) != nil)
        end = match.end
    }
    var previous = 0
    for range in Sentences.ranges(in: text) {
        precondition(range.lowerBound >= previous && range.upperBound <= utf8.count)
        previous = range.upperBound
    }
    _ = Markdown.textRuns(of: text)
    return 0
}

@_cdecl("FuzzMatcher_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
