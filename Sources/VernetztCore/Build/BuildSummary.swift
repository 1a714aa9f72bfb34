import Foundation
import VernetztEngine
import VernetztModel

/// The lines a build prints on success: a one-line summary, and with `--verbose` the time of
/// each stage.
public struct BuildSummary {
    public var report: BuildReport
    public var verb: String

    public init(report: BuildReport, verb: String) {
        self.report = report
        self.verb = verb
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
        var summary = "\(verb) \(report.documents) items into \(report.files) files"
        if report.written + report.unchanged > 0 {
            summary += " (\(report.written) written, \(report.unchanged) unchanged)"
        }
        summary += " in \(milliseconds) ms"
        if !warnings.isEmpty {
            summary += ", \(warnings.count) warning(s)" + (showsWarnings(quiet: quiet, verbose: verbose) ? "" : " (--verbose lists them)")
        }
        var lines = [summary]
        if verbose {
            for (stage, seconds, cpuSeconds) in report.timings {
                lines.append("  \(stage.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", seconds * 1000)) ms"
                             + "  (CPU \(String(format: "%.1f", cpuSeconds * 1000)) ms)")
            }
        }
        return lines
    }
}
