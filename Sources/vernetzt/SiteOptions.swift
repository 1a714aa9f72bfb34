import ArgumentParser
import Foundation
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: Help.argument(de: "Der Ordner der Website (mit site.yml, content/, layouts/).", en: "The site's root folder (holds site.yml, content/, layouts/)."))
    var root: String = "."

    @Option(help: Help.argument(de: "Der Ordner der Layouts (Vorgabe: <root>/layouts).", en: "The layouts folder (default: <root>/layouts)."))
    var layouts: String?

    @Flag(help: Help.argument(de: "Auch Einträge mit „draft: true“ bauen.", en: "Include items marked 'draft: true'."))
    var drafts = false

    @Flag(help: Help.argument(de: "Auch Einträge mit einem Datum in der Zukunft bauen (geplante).", en: "Include items whose date lies in the future (scheduled)."))
    var future = false

    @Option(help: ArgumentHelp(Help.text(de: "Der Zeitpunkt, der kommende von vergangenen Veranstaltungen trennt, wie 2022-07-01T00:00:00+02:00 (Vorgabe: SOURCE_DATE_EPOCH oder die Uhr).", en: "The moment that divides upcoming from past events, like 2022-07-01T00:00:00+02:00 (default: SOURCE_DATE_EPOCH or the clock)."),
                               valueName: "date-time"))
    var now: String?

    @Flag(help: Help.argument(de: "Alles neu lesen und bauen, ohne den Stand des letzten Builds in .cache/vernetzt/ (der danach neu angelegt wird).", en: "Read and build everything anew, without the last build's state in .cache/vernetzt/ (which is then made anew)."))
    var noCache = false

    @Flag(help: Help.argument(de: "Nur Fehler ausgeben.", en: "Print nothing but errors."))
    var quiet = false

    @Flag(help: Help.argument(de: "Warnungen einzeln und die Zeit jedes Schritts ausgeben.", en: "Print warnings one by one and the time of each stage."))
    var verbose = false

    @Option(help: LanguageOption.help)
    var lang: String?

    mutating func validate() throws {
        try LanguageOption.validate(lang)
        if now == nil, let problem = BuildOptions.sourceDateEpochProblem() { throw ValidationError(problem.text(in: language)) }
        if let now, BuildOptions.parseNow(now) == nil {
            throw ValidationError(Message.nowNotDate(now).text(in: language))
        }
    }

    func buildOptions(output: String?, writes: Bool) -> BuildOptions {
        var options = BuildOptions(root: URL(fileURLWithPath: root),
                                   output: output.map { URL(fileURLWithPath: $0) },
                                   layouts: layouts.map { URL(fileURLWithPath: $0) },
                                   includeDrafts: drafts, writesOutput: writes,
                                   now: now.flatMap(BuildOptions.parseNow) ?? BuildOptions.defaultNow())
        options.includeFuture = future
        options.keepsState = true
        options.ignoresLastState = noCache
        return options
    }

    var language: MessageLanguage {
        SiteLanguage.messages(root: URL(fileURLWithPath: root), flag: lang)
    }

    /// Diagnostics name files as the user reached them: relative to the root as given.
    var pathPrefix: String {
        root == "." || root == "./" ? "" : (root.hasSuffix("/") ? root : root + "/")
    }
}
