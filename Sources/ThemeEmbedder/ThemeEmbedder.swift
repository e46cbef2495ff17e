// Writes a Swift source file holding the bytes of a theme folder and of a folder tree as base64
// string literals, for the EmbedTheme build-tool plugin. One base64 literal per file rather than
// a byte array, because large array literals make the Swift type checker very slow.
//
// Usage: ThemeEmbedder OUTPUT.swift [--stamp FILE] [--theme NAME FOLDER | --tree NAME FOLDER]…
//   --stamp  a file rewritten on every run, which the plugin makes the command's input so that
//            the command runs on every build (see Plugins/EmbedTheme)
//   --theme  what a theme folder holds: the NAME.mustache files beside each other, and assets/…
//   --tree   every file under the folder
// Dot-files and dot-folders are skipped. A folder that does not exist embeds no files.
import Foundation

@main
enum ThemeEmbedder {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            fail("usage: ThemeEmbedder OUTPUT.swift [--stamp FILE] [--theme NAME FOLDER | --tree NAME FOLDER]…")
        }
        let output = arguments.removeFirst()
        var source = """
            // Generated at build time by ThemeEmbedder (the EmbedTheme plugin); not to be edited or checked in.

            /// Files of the package's folders, embedded when the module was compiled.
            enum EmbeddedFiles {

            """
        while !arguments.isEmpty {
            if arguments.count >= 2, arguments[0] == "--stamp" {
                write(Data("\(Date().timeIntervalSince1970)\n".utf8), to: arguments[1])
                arguments.removeFirst(2)
            } else if arguments.count >= 3, ["--theme", "--tree"].contains(arguments[0]) {
                source += declaration(arguments[1], root: arguments[2], onlyTheme: arguments[0] == "--theme")
                arguments.removeFirst(3)
            } else {
                fail("expected --theme NAME FOLDER or --tree NAME FOLDER, not '\(arguments.joined(separator: " "))'")
            }
        }
        source += "}\n"
        // Rewriting an unchanged file would make the module compile again for nothing.
        if FileManager.default.contents(atPath: output) != Data(source.utf8) {
            write(Data(source.utf8), to: output)
        }
    }

    /// A static property listing the files under `root` with their bytes in base64.
    static func declaration(_ name: String, root: String, onlyTheme: Bool) -> String {
        var source =
            "    /// \(URL(fileURLWithPath: root).lastPathComponent)/: each file's path in it, and its bytes in base64.\n"
        source += "    static let \(name): [(path: String, base64: String)] = [\n"
        for file in files(under: root) where !onlyTheme || isThemeFile(file) {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
                fail("cannot read \(root)/\(file)")
            }
            source += "        (\(literal(file)), \"\(data.base64EncodedString())\"),\n"
        }
        return source + "    ]\n"
    }

    static func write(_ data: Data, to path: String) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            fail("cannot write \(path): \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("ThemeEmbedder: error: \(message)\n".utf8))
        exit(1)
    }

    /// Relative paths of the files under `root`, skipping dot-files and dot-folders, sorted.
    static func files(under root: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) else {
                    continue
                }
                if isDirectory.boolValue { pending.append(path) } else { files.append(path) }
            }
        }
        return files.sorted()
    }

    /// What TemplateSet reads from a theme folder.
    static func isThemeFile(_ path: String) -> Bool {
        path.hasPrefix("assets/") || (!path.contains("/") && path.hasSuffix(".mustache"))
    }

    /// A Swift string literal for any text (a file name may hold a quote, a backslash or a control).
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Never called. SwiftPM builds a plugin's tool with the same flags as the package, and
/// Fuzz/run.sh builds with -sanitize=fuzzer, which links libFuzzer into every executable;
/// libFuzzer needs this entry point to link, though the tool's own `main` is the one that runs.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
