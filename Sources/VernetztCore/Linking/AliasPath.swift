import VernetztEngine
import VernetztModel

/// Turns an alias (an old URL path) into the output file that will redirect from it,
/// refusing anything that could write outside the output folder — an error at `location`.
enum AliasPath {
    static func outputFile(for alias: String, at location: SourceLocation) throws(Diagnostic) -> String {
        func refuse(_ reason: String) -> Diagnostic { .error(location, "invalid alias '\(alias)': \(reason)") }
        if let character = ControlCharacters.first(in: alias, allowingSpaces: true) {
            throw refuse("it must not contain \(character)")
        }
        guard alias.hasPrefix("/") else { throw refuse("it must start with '/'") }
        let lowered = alias.lowercased()
        guard !lowered.contains("%2e"), !lowered.contains("%2f"), !alias.contains("\\"),
              !alias.contains("?"), !alias.contains("#") else {
            throw refuse("it must be a plain path, without encoded characters, '?' or '#'")
        }
        let segments = alias.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty else { throw refuse("'/' is the home page") }
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") }) else {
            throw refuse("it must not contain '.' or '..' segments or hidden names")
        }
        if segments.contains(where: { $0.utf8.count > SitePaths.longestSegment }) {
            throw refuse("a part between two '/' may be at most \(SitePaths.longestSegment) bytes long")
        }
        let joined = segments.joined(separator: "/")
        if !alias.hasSuffix("/"), joined.hasSuffix(".html") || joined.hasSuffix(".htm") {
            return joined
        }
        return joined + "/index.html"
    }
}
