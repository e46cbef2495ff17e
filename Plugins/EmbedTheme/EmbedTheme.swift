import Foundation
import PackagePlugin

/// Embeds the default theme (`Templates/`) and what `briefing init` writes (`Scaffold/`) into the
/// target's compiled code, so the binary carries them and they can never drift from the folders.
///
/// SwiftPM asks a plugin for its commands only when the package's structure changes, and the two
/// folders are not target folders: a file list made here would miss a file added later, and a file
/// listed here and then deleted or renamed stops every build ("missing inputs") until SwiftPM plans
/// again. So the command's one input is a stamp file that ThemeEmbedder rewrites each time it runs,
/// which makes the command run on every build; ThemeEmbedder walks the folders itself and rewrites
/// the generated source only when an embedded byte changed, so BriefingKit recompiles only then.
/// The generated source goes to the plugin's work directory, never to the source tree.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let stamp = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.stamp")
        if !FileManager.default.fileExists(atPath: stamp.path) {
            try Data().write(to: stamp)
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme and the init scaffold in \(target.name)",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [
                    output.path, "--stamp", stamp.path,
                    "--theme", "templates", root.appending(path: "Templates").path,
                    "--tree", "scaffold", root.appending(path: "Scaffold").path,
                ],
                inputFiles: [stamp],
                outputFiles: [output])
        ]
    }
}
