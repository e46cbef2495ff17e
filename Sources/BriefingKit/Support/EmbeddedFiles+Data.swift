import Foundation

extension EmbeddedFiles {
    /// The bytes of embedded files by relative path. The build wrote every base64 text, so each
    /// one decodes; decoding happens on first use, not at launch.
    static func decode(_ files: [(path: String, base64: String)]) -> [String: Data] {
        var decoded: [String: Data] = [:]
        for file in files {
            if let data = Data(base64Encoded: file.base64) { decoded[file.path] = data }
        }
        return decoded
    }
}
