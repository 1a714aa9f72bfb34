import ArgumentParser
import Foundation
import VernetztEngine
import VernetztModel
import VernetztServe

@main
struct Vernetzt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vernetzt",
        abstract: Help.text(de: "Baut eine Website aus Markdown-Inhalten mit geprüften Verweisen.", en: "Builds a website from typed Markdown content with validated cross-links."),
        version: "vernetzt \(Version.number)",
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, SchemaCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Exit status: 0 success, 1 errors in the content, 2 a command line that makes no sense.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            switch exitCode(for: error) {
            case .success:
                // --help, `help <command>`, --version: the parser's own words in the help's language.
                print(CommandLineHelp.text(fullMessage(for: error), in: .ofHelp))
                Foundation.exit(0)
            case .validationFailure:
                let mistake = CommandLineMistake(report: fullMessage(for: error), problem: message(for: error),
                                                 arguments: Array(CommandLine.arguments.dropFirst()),
                                                 commands: configuration.subcommands.compactMap { $0.configuration.commandName })
                FileHandle.standardError.write(Data((mistake.text + "\n").utf8))
                Foundation.exit(2)
            default:
                exit(withError: error)
            }
        }
    }
}
