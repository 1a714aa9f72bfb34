import ArgumentParser
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build content/ into output/.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <root>/output).")
    var output: String?

    @Flag(help: "Write into a non-empty output folder that vernetzt did not make (its files are replaced).")
    var force = false

    @Flag(help: "Leave out the search index even where site.yml asks for it (quicker drafts; search finds nothing).")
    var noSearch = false

    func run() throws {
        var options = site.buildOptions(output: output, writes: true)
        options.force = force
        options.buildsSearchIndex = !noSearch
        try Console(options: site).run(options, checked: false)
    }
}
