import ArgumentParser
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
                                                    abstract: Help.text(de: "Alles prüfen, was build tut, aber nichts schreiben.", en: "Do everything build does, but write nothing."))

    @OptionGroup var site: SiteOptions

    func run() throws {
        try Console(options: site).run(site.buildOptions(output: nil, writes: false), checked: true)
    }
}
