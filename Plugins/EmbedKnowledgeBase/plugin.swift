import Foundation
import PackagePlugin

/// Compiles `Resources/octopus-kb.json` into the binary as a raw string literal, so the executable
/// works when copied alone (Bundle.module needs the build folder; .embedInCode is far too slow here).
@main
struct EmbedKnowledgeBase: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "Resources/octopus-kb.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedKnowledgeBase.swift")
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
