import Hummingbird

/// The `Content-Type` the preview sends for a file, from its extension.
public enum MediaTypes {
    public static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        guard let mediaType = MediaType.getMediaType(forExtension: fileExtension) else {
            return "application/octet-stream"
        }
        // Text the site writes is UTF-8; say so, so browsers need not guess.
        if mediaType.isType(.text) || ["json", "xml", "js", "mjs", "svg", "webmanifest"].contains(fileExtension) {
            return mediaType.withParameter(name: "charset", value: "utf-8").description
        }
        return mediaType.description
    }
}
