import ArgumentParser
import Foundation
import VernetztCore

/// Runs a build and reports it on the terminal; exit status 1 when the content has errors.
struct Console {
    let options: SiteOptions

    func run(_ build: BuildOptions, verb: String) throws {
        do {
            let report = try SiteBuilder().build(build)
            for line in BuildSummary(report: report, verb: verb, pathPrefix: options.pathPrefix)
                .lines(quiet: options.quiet, verbose: options.verbose) {
                print(line)
            }
        } catch {
            let lines = error.diagnostics.map { $0.formatted(pathPrefix: options.pathPrefix) }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            FileHandle.standardError.write(Data("\(error.errors.count) error(s); nothing was written.\n".utf8))
            throw ExitCode(1)
        }
    }
}
