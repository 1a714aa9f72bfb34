import ArgumentParser
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: Help.text(de: "Baut content/ nach output/.", en: "Build content/ into output/."))

    @OptionGroup var site: SiteOptions

    @Option(help: Help.argument(de: "Wohin die Website geschrieben wird (Vorgabe: <root>/output).", en: "Where to write the site (default: <root>/output)."))
    var output: String?

    @Flag(help: Help.argument(de: "In einen nicht leeren Ordner schreiben, den vernetzt nicht angelegt hat (seine Dateien werden ersetzt).", en: "Write into a non-empty output folder that vernetzt did not make (its files are replaced)."))
    var force = false

    @Flag(help: Help.argument(de: "Den Suchindex weglassen, auch wenn site.yml ihn verlangt (schneller; die Suche findet dann nichts).", en: "Leave out the search index even where site.yml asks for it (quicker drafts; search finds nothing)."))
    var noSearch = false

    func run() throws {
        var options = site.buildOptions(output: output, writes: true)
        options.force = force
        options.buildsSearchIndex = !noSearch
        try Console(options: site).run(options, checked: false)
    }
}
