import Foundation
import VernetztEngine
import VernetztModel

/// The lines a build prints on success: a one-line summary, and with `--verbose` the time of
/// each stage.
public struct BuildSummary {
    public var report: BuildReport
    /// `check`, which writes nothing, rather than `build`.
    public var checked: Bool
    public var language: MessageLanguage

    public init(report: BuildReport, checked: Bool, language: MessageLanguage) {
        self.report = report
        self.checked = checked
        self.language = language
    }

    var warnings: [Diagnostic] { report.warnings.filter { !$0.isError } }

    /// Warnings are listed one by one unless there are so many that they would bury the
    /// summary (then `--verbose` lists them).
    public func showsWarnings(quiet: Bool, verbose: Bool) -> Bool {
        !quiet && (verbose || warnings.count <= 20)
    }

    public func lines(quiet: Bool, verbose: Bool) -> [String] {
        guard !quiet else { return [] }
        let milliseconds = Int((report.totalSeconds * 1000).rounded())
        let wrote = report.written + report.unchanged > 0
        let summary = Message.builtSummary(checked: checked, items: report.documents, files: report.files,
                                           written: wrote ? report.written : nil, unchanged: wrote ? report.unchanged : nil,
                                           milliseconds: milliseconds, warnings: warnings.count,
                                           warningsListed: showsWarnings(quiet: quiet, verbose: verbose))
        var lines = [summary.text(in: language)]
        if verbose {
            for (stage, seconds, cpuSeconds) in report.timings {
                lines.append("  \(Message.stage(stage).text(in: language).padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", seconds * 1000)) ms"
                             + "  (CPU \(String(format: "%.1f", cpuSeconds * 1000)) ms)")
            }
        }
        return lines
    }
}
