import ArgumentParser
import Foundation
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

/// Runs a build and reports it on the terminal; exit status 1 when the content has errors.
struct Console {
    let options: SiteOptions

    func run(_ build: BuildOptions, checked: Bool) throws {
        var build = build
        build.endsProcess = true
        let language = options.language
        let stderrIsTerminal = isatty(2) == 1
        if stderrIsTerminal && !options.quiet {
            build.progress = { message in Console.writeError("\r\u{1B}[K\(message.text(in: language))") }
        }
        var printer = DiagnosticPrinter(root: build.root, pathPrefix: options.pathPrefix,
                                        colors: DiagnosticPrinter.wantsColors(fileDescriptor: 2), language: language)
        do {
            let report = try SiteBuilder().build(build)
            if stderrIsTerminal && !options.quiet { Console.writeError("\r\u{1B}[K") }
            let summary = BuildSummary(report: report, checked: checked, language: language)
            if summary.showsWarnings(quiet: options.quiet, verbose: options.verbose) {
                for warning in report.warnings { Console.writeError(printer.format(warning) + "\n") }
            }
            for line in summary.lines(quiet: options.quiet, verbose: options.verbose) { print(line) }
        } catch {
            if stderrIsTerminal && !options.quiet { Console.writeError("\r\u{1B}[K") }
            for diagnostic in error.diagnostics { Console.writeError(printer.format(diagnostic) + "\n") }
            Console.writeError(Message.failedSummary(errors: error.errors.count).text(in: language) + "\n")
            throw ExitCode(1)
        }
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
