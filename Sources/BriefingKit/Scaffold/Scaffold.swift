import Foundation

/// What `briefing init` writes: a new briefing that builds as it is, to be edited from there.
///
/// Its files travel in the binary: the repository's `Scaffold/` folder (settings and a sample
/// article) and, under `Templates/`, a copy of the built-in theme to customise. Nothing is ever
/// written outside the new briefing's folder, and no file already there is replaced.
public enum Scaffold {
    /// What `write` did, by path inside the new briefing's folder.
    public struct Report: Sendable, Equatable {
        public var created: [String] = []
        /// Files that were already there and were kept as they were.
        public var kept: [String] = []
    }

    /// Every file of a new briefing, by path inside its folder.
    public static let files: [String: Data] = {
        var files = EmbeddedFiles.decode(EmbeddedFiles.scaffold)
        for (path, data) in Theme.builtIn.files {
            files[BuildOptions.defaultTemplates + "/" + path] = data
        }
        return files
    }()

    /// Writes a new briefing into `directory`, making the folder if needed. A folder holding
    /// anything but dot-files (such as `.git`) is refused unless `force`; even then a file that
    /// exists is kept, never replaced.
    public static func write(to directory: String, force: Bool = false) throws(BuildFailure) -> Report {
        func failure(_ path: String, _ message: String) -> BuildFailure {
            BuildFailure(stage: "init", diagnostics: [.error(path, message)])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw failure(directory, "is a file, not a folder") }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if !force, names.contains(where: { !$0.hasPrefix(".") }) {
                throw failure(
                    directory,
                    "exists and is not empty; choose a new folder, or add --force to write only the files it lacks")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw failure(directory, "cannot be created: \(error.localizedDescription)")
            }
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        var report = Report()
        var log = DiagnosticLog()
        // In the order a reader looks for them: briefing.yml, Content/, Templates/.
        for (relative, data) in files.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
            let path = directory + "/" + relative
            // A symbolic link, even one leading nowhere, counts as a file that is there.
            if (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
                report.kept.append(relative)
                continue
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            guard leadsInside(folder, root: root) else {
                log.record(.error(path, "not written: a symbolic link on the way leads out of \(directory)"))
                continue
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                report.created.append(relative)
            } catch {
                log.record(.error(path, "cannot be written: \(error.localizedDescription)"))
            }
        }
        try log.check(stage: "init")
        return report
    }

    /// Whether a folder, as far as it exists yet, lies inside `root` once links are followed; the
    /// parts still to be made are made inside it.
    static func leadsInside(_ folder: URL, root: String) -> Bool {
        var existing = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        let real = existing.resolvingSymlinksInPath().path
        return real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
