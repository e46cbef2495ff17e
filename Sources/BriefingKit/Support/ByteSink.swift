import Foundation

/// Where the bytes of a large generated file go as they are made: kept in memory, or written to
/// disk a piece at a time, so that a file of hundreds of megabytes (`briefing.json` of ten
/// thousand articles) never sits whole in memory on its way to the output folder.
final class ByteSink {
    /// The bytes so far, when they are kept in memory.
    private(set) var data = Data()
    private let handle: FileHandle?
    /// The file's path as reported in an error.
    private let name: String

    /// A sink that keeps the bytes in `data`.
    init() {
        handle = nil
        name = ""
    }

    /// A sink that writes to a new file at `url`; `name` is the path an error names.
    init(writingTo url: URL, name: String) throws(BuildFailure) {
        self.name = name
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw Self.failure(name, "cannot create the file") }
        self.handle = handle
    }

    func append(_ bytes: Data) throws(BuildFailure) {
        guard let handle else {
            data.append(bytes)
            return
        }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw Self.failure(name, error.localizedDescription)
        }
    }

    /// Closes the file; a sink in memory has nothing to close.
    func close() throws(BuildFailure) {
        do {
            try handle?.close()
        } catch {
            throw Self.failure(name, error.localizedDescription)
        }
    }

    private static func failure(_ name: String, _ cause: String) -> BuildFailure {
        BuildFailure(stage: "write", diagnostics: [.error(name, "cannot write \(name): \(cause)")])
    }
}
