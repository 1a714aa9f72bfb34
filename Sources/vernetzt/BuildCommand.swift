import ArgumentParser
import VernetztCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build content/ into output/.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <root>/output).")
    var output: String?

    func run() throws {
        try Console(options: site).run(site.buildOptions(output: output, writes: true), verb: "built")
    }
}
