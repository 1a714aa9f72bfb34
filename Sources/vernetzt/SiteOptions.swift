import ArgumentParser
import Foundation
import VernetztCore

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's root folder (holds site.yml, content/, layouts/).")
    var root: String = "."

    @Option(help: "The layouts folder (default: <root>/layouts).")
    var layouts: String?

    @Flag(help: "Include items marked 'draft: true'.")
    var drafts = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print warnings one by one and the time of each stage.")
    var verbose = false

    func buildOptions(output: String?, writes: Bool) -> BuildOptions {
        BuildOptions(root: URL(fileURLWithPath: root),
                     output: output.map { URL(fileURLWithPath: $0) },
                     layouts: layouts.map { URL(fileURLWithPath: $0) },
                     includeDrafts: drafts, writesOutput: writes)
    }

    /// Diagnostics name files as the user reached them: relative to the root as given.
    var pathPrefix: String {
        root == "." || root == "./" ? "" : (root.hasSuffix("/") ? root : root + "/")
    }
}
