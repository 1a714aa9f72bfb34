import Foundation

/// The lines a build prints: the warnings and a one-line summary.
public struct BuildSummary {
    public var report: BuildReport
    public var verb: String
    public var pathPrefix: String

    public init(report: BuildReport, verb: String, pathPrefix: String) {
        self.report = report
        self.verb = verb
        self.pathPrefix = pathPrefix
    }

    public func lines(quiet: Bool, verbose: Bool) -> [String] {
        guard !quiet else { return [] }
        var lines: [String] = []
        let warnings = report.warnings.filter { !$0.isError }
        if verbose || warnings.count <= 20 {
            lines += warnings.map { $0.formatted(pathPrefix: pathPrefix) }
        }
        let milliseconds = Int((report.totalSeconds * 1000).rounded())
        var summary = "\(verb) \(report.documents) items into \(report.files) files"
        if report.written + report.unchanged > 0 {
            summary += " (\(report.written) written, \(report.unchanged) unchanged)"
        }
        summary += " in \(milliseconds) ms"
        if !warnings.isEmpty { summary += ", \(warnings.count) warning(s)" }
        lines.append(summary)
        if verbose {
            for (stage, seconds) in report.timings {
                lines.append("  \(stage.padding(toLength: 7, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", seconds * 1000)) ms")
            }
        }
        return lines
    }
}
