import VernetztEngine
import VernetztModel

/// Turns an alias (an old URL path) into the output file that will redirect from it,
/// refusing anything that could write outside the output folder.
enum AliasPath {
    static func outputFile(for alias: String) -> Result<String, AliasError> {
        if let character = ControlCharacters.first(in: alias, allowingSpaces: true) {
            return .failure(AliasError("it must not contain \(character)"))
        }
        guard alias.hasPrefix("/") else { return .failure(AliasError("it must start with '/'")) }
        let lowered = alias.lowercased()
        guard !lowered.contains("%2e"), !lowered.contains("%2f"), !alias.contains("\\"),
              !alias.contains("?"), !alias.contains("#") else {
            return .failure(AliasError("it must be a plain path, without encoded characters, '?' or '#'"))
        }
        let segments = alias.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty else { return .failure(AliasError("'/' is the home page")) }
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") }) else {
            return .failure(AliasError("it must not contain '.' or '..' segments or hidden names"))
        }
        if segments.contains(where: { $0.utf8.count > SitePaths.longestSegment }) {
            return .failure(AliasError("a part between two '/' may be at most \(SitePaths.longestSegment) bytes long"))
        }
        let joined = segments.joined(separator: "/")
        if !alias.hasSuffix("/"), joined.hasSuffix(".html") || joined.hasSuffix(".htm") {
            return .success(joined)
        }
        return .success(joined + "/index.html")
    }
}

struct AliasError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
