import Foundation
import PackagePlugin

/// Checks and compiles `Resources/octopus-kb.json` and embeds it with its images in a C file
/// (embed-kb), so the executable works when copied alone (Bundle.module needs the build folder;
/// .embedInCode and Swift array literals compile far too slowly at this size).
@main
struct EmbedKnowledgeBase: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "Resources/octopus-kb.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedKnowledgeBase.c")
        return [
            .buildCommand(
                displayName: "Embedding knowledge base \(input.lastPathComponent)",
                executable: try context.tool(named: "embed-kb").url,
                arguments: [input.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
