import ArgumentParser

@main
struct Vernetzt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vernetzt",
        abstract: "Builds a website from typed Markdown content with validated cross-links.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
