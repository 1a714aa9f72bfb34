import Foundation

/// Prints diagnostics for people: the compiler-style first line, then the source line with a
/// caret under the column. Colors only on a terminal and never when `NO_COLOR` is set.
public struct DiagnosticPrinter {
    public var root: URL
    /// The root as the user wrote it (`site/`), prefixed to every path.
    public var pathPrefix: String
    public var colors: Bool
    public var language: MessageLanguage
    private var lines: [String: [Substring]] = [:]

    public init(root: URL, pathPrefix: String, colors: Bool, language: MessageLanguage) {
        self.root = root
        self.pathPrefix = pathPrefix
        self.colors = colors
        self.language = language
    }

    /// Colors when writing to a terminal, unless `NO_COLOR` is set (https://no-color.org).
    public static func wantsColors(fileDescriptor: Int32,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(fileDescriptor) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    public mutating func format(_ diagnostic: Diagnostic) -> String {
        headline(diagnostic) + (excerpt(diagnostic).map { "\n" + $0 } ?? "")
    }

    /// `path:line:column: error: message`, on one line.
    public func headline(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let kind = diagnostic.severity.word(in: language)
        // An absolute path (an output folder given as one) is shown as it is, not under the root.
        let path = location.path.hasPrefix("/") ? location.path : pathPrefix + location.path
        return paint(TerminalText.escaped("\(path):\(location.line):\(location.column):"), "1")
            + " " + paint("\(kind):", diagnostic.isError ? "1;31" : "1;33") + " " + TerminalText.escaped(diagnostic.message(in: language))
    }

    /// The source line, indented, and a caret under the column; nil when there is no line to show.
    public mutating func excerpt(_ diagnostic: Diagnostic) -> String? {
        let location = diagnostic.location
        guard let line = sourceLine(location.path, location.line) else { return nil }
        let shown = TerminalText.escaped(line.count > 200 ? line.prefix(200) + "…" : line)
        let lead = TerminalText.escaped(line.prefix(max(0, location.column - 1))).map { $0 == "\t" ? "\t" : " " }.joined()
        return "    " + shown + "\n    " + lead + paint("^", "1;32")
    }

    private mutating func sourceLine(_ path: String, _ number: Int) -> Substring? {
        if lines[path] == nil {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            // Only a file of the site: a link that leads outside (to /proc/self/environ, say)
            // must not put what it leads to into a CI log.
            guard isInsideSite(url, absolute: path.hasPrefix("/")),
                  let bytes = FileBytes.read(url.path),
                  let text = String(validating: bytes, as: UTF8.self) else { return nil }
            lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        guard let file = lines[path], number >= 1, number <= file.count else { return nil }
        let line = file[number - 1]
        // A blank line or the front matter's opening `---` shows nothing worth pointing at.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "---" ? nil : line
    }

    /// A regular file (not a pipe that would block the read); a relative path must resolve
    /// below the root, an absolute one (a layouts folder elsewhere) must not be a link.
    private func isInsideSite(_ url: URL, absolute: Bool) -> Bool {
        var link = stat(), target = stat()
        guard lstat(url.path, &link) == 0, stat(url.path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { return false }
        if absolute { return (link.st_mode & S_IFMT) == S_IFREG }
        guard let real = realpath(url.path, nil), let base = realpath(root.path, nil) else { return false }
        defer { free(real); free(base) }
        return String(cString: real).hasPrefix(String(cString: base) + "/")
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
