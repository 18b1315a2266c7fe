import Foundation
import PackagePlugin

/// Embeds the web app's `Templates/*.mustache` and `Assets/*` (stylesheet, script) into its target, as `embed-sql` does
/// for the migrations: the binary serves its pages with no loose files, no CDN and no build step.
@main
struct EmbedWebFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        var files: [URL] = []
        for folder in ["Templates", "Assets"] {
            let directory = target.directoryURL.appending(path: folder)
            files += try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { !$0.lastPathComponent.hasPrefix(".") }
        }
        files.sort { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWebFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) web templates and assets",
                executable: try context.tool(named: "embed-sql").url,
                arguments: ["--variable", "embeddedWebFiles", output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
