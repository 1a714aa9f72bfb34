import VernetztEngine
import VernetztModel

/// Turns an alias (an old URL path) into the output file that will redirect from it,
/// refusing anything that could write outside the output folder — an error at `location`.
enum AliasPath {
    static func outputFile(for alias: String, at location: SourceLocation) throws(Diagnostic) -> String {
        func refuse(_ problem: Message.AliasProblem) -> Diagnostic { .error(location, .invalidAlias(alias, problem)) }
        if let character = ControlCharacters.first(in: alias, allowingSpaces: true) {
            throw refuse(.character(character))
        }
        guard alias.hasPrefix("/") else { throw refuse(.noSlash) }
        let lowered = alias.lowercased()
        guard !lowered.contains("%2e"), !lowered.contains("%2f"), !alias.contains("\\"),
              !alias.contains("?"), !alias.contains("#") else {
            throw refuse(.notPlain)
        }
        let segments = alias.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty else { throw refuse(.homePage) }
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") }) else {
            throw refuse(.dotSegments)
        }
        if segments.contains(where: { $0.utf8.count > SitePaths.longestSegment }) {
            throw refuse(.tooLong(SitePaths.longestSegment))
        }
        let joined = segments.joined(separator: "/")
        if !alias.hasSuffix("/"), joined.hasSuffix(".html") || joined.hasSuffix(".htm") {
            return joined
        }
        return joined + "/index.html"
    }
}
