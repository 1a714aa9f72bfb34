import ArgumentParser
import Foundation
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Help.text(de: "Legt einen neuen Eintrag aus der Vorlage der Website an, als Entwurf.", en: "Create a content file from the site's template, as a draft."),
        discussion: Help.text(de: "Beispiel: vernetzt new blog \"Wirkungen der Konvoi-Begleitung\"", en: "Example: vernetzt new blog \"Wirkungen der Konvoi-Begleitung\""))

    @Argument(help: Help.argument(de: "Der Ordner unter content/: blog, praxisbeispiele, angebote, partner, veranstaltungen, team, themen, stimmen, seiten oder einer, den das Schema ergänzt.", en: "The folder under content/: blog, praxisbeispiele, angebote, partner, veranstaltungen, team, themen, stimmen, seiten, or one the schema adds."))
    var folder: String

    @Argument(help: Help.argument(de: "Der Titel (bei stimmen/: wer es sagt).", en: "The title (for stimmen/: who says it)."))
    var title: String

    @Flag(help: Help.argument(de: "Einen Ordner mit index.md anlegen, für Bilder und Dateien neben dem Text.", en: "Create a folder with index.md, for pictures and files beside the text."))
    var bundle = false

    @Option(help: Help.argument(de: "Der Ordner der Website.", en: "The site's root folder."))
    var root: String = "."

    @Option(help: Help.argument(de: "Der Ordner der Layouts (Vorgabe: <root>/layouts); die Vorlagen liegen darin unter new/.", en: "The layouts folder (default: <root>/layouts); templates are in its new/ folder."))
    var layouts: String?

    @Option(help: LanguageOption.help)
    var lang: String?

    mutating func validate() throws {
        try LanguageOption.validate(lang)
    }

    func run() throws {
        let language = SiteLanguage.messages(root: URL(fileURLWithPath: root), flag: lang)
        do {
            let path = try Scaffolder(root: URL(fileURLWithPath: root), layouts: layouts.map { URL(fileURLWithPath: $0) })
                .create(folder: folder, title: title, now: BuildOptions.defaultNow(), bundle: bundle)
            print(Scaffolder.nextSteps(for: root == "." ? path : (root.hasSuffix("/") ? root : root + "/") + path).text(in: language),
                  terminator: "")
        } catch {
            var printer = DiagnosticPrinter(root: URL(fileURLWithPath: root), pathPrefix: root == "." ? "" : (root.hasSuffix("/") ? root : root + "/"),
                                            colors: DiagnosticPrinter.wantsColors(fileDescriptor: 2), language: language)
            for diagnostic in error.diagnostics { Console.writeError(printer.format(diagnostic) + "\n") }
            throw ExitCode(1)
        }
    }
}
