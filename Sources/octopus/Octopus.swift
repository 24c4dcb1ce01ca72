import ArgumentParser
import OctopusKit

@main
struct Octopus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "octopus",
        abstract: "Offline companion for Octopus Interface 2010: sessions, the Budapest Convention and country profiles.",
        discussion: """
            With no subcommand, opens the terminal browser (plain text when output is not a terminal).
            The knowledge base is built in; --kb PATH or OCTOPUS_KB=PATH loads another file.
            Exit status: 0 success, 1 nothing found, 64 usage error, 65 invalid knowledge-base file.
            """,
        subcommands: [Browse.self, List.self, Show.self, Search.self, Validate.self, Handout.self, Notes.self, Walk.self],
        defaultSubcommand: Browse.self
    )
}
