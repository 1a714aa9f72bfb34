import ArgumentParser
import Dispatch
import Foundation
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Help.text(de: "Vorschau: baut die Website im Speicher, zeigt sie im Browser und baut bei jeder Änderung neu.", en: "Preview the site: build in memory, serve it, rebuild and reload on every change."))

    @Option(help: Help.argument(de: "Der Ordner der Website.", en: "The site's root folder."))
    var root: String = "."

    @Option(help: Help.argument(de: "Der Ordner der Layouts (Vorgabe: <root>/layouts).", en: "The layouts folder (default: <root>/layouts)."))
    var layouts: String?

    @Option(help: Help.argument(de: "Die Adresse, unter der die Vorschau antwortet (nur dieser Rechner, wenn nichts anderes gesagt ist).", en: "The address to listen on (loopback unless told otherwise)."))
    var host: String = "127.0.0.1"

    @Option(help: Help.argument(de: "Der Port der Vorschau.", en: "The port to listen on."))
    var port: UInt16 = 8080

    @Flag(help: Help.argument(de: "Die Zeit jedes Schritts jedes Neubaus zeigen.", en: "Print the time of each stage of every rebuild."))
    var verbose = false

    @Option(help: LanguageOption.help)
    var lang: String?

    mutating func validate() throws {
        try LanguageOption.validate(lang)
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let prefix = root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
        let colors = DiagnosticPrinter.wantsColors(fileDescriptor: 2)
        let language = SiteLanguage.messages(root: rootURL, flag: lang)
        var options = BuildOptions(root: rootURL, layouts: layouts.map { URL(fileURLWithPath: $0) })
        options.language = language
        let server = PreviewServer(options: options) { outcome in
            var printer = DiagnosticPrinter(root: rootURL, pathPrefix: prefix, colors: colors, language: language)
            switch outcome {
            case .built(let report, let milliseconds):
                say(Message.previewBuilt(items: report.documents, files: report.files, milliseconds: milliseconds).text(in: language))
                if verbose {
                    say(report.timings.map { "\(Message.stage($0.stage).text(in: language)) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", "))
                }
            case .failed(let diagnostics):
                for diagnostic in diagnostics { FileHandle.standardError.write(Data((printer.format(diagnostic) + "\n").utf8)) }
            }
        }
        let url: URL
        do {
            url = try server.start(host: host, port: port)
        } catch {
            var printer = DiagnosticPrinter(root: rootURL, pathPrefix: prefix, colors: colors, language: language)
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data((printer.format(diagnostic) + "\n").utf8)) }
            throw ExitCode(1)
        }
        say(Message.previewRunning(url.absoluteString).text(in: language))
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = { (_: Int32) in
            server.stop()
            say("\n" + Message.previewStopped.text(in: language))
            Foundation.exit(0)
        }
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        interrupt.setEventHandler { stop(SIGINT) }
        interrupt.resume()
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .main)
        terminate.setEventHandler { stop(SIGTERM) }
        terminate.resume()
        dispatchMain()
    }

    /// Written at once, also when the output goes to a pipe or a log file.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
