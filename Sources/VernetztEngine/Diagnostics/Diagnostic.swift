/// One finding about the input, printed like a compiler's: `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning

        /// `Fehler`/`Warnung` in German, as GCC prints them in a German locale.
        public func word(in language: MessageLanguage) -> String {
            switch (self, language) {
            case (.error, .german): "Fehler"
            case (.warning, .german): "Warnung"
            case (.error, .english): "error"
            case (.warning, .english): "warning"
            }
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what to do, in German and English, from the catalogue.
    public var text: Message

    public init(_ severity: Severity, _ location: SourceLocation, _ text: Message) {
        self.severity = severity
        self.location = location
        self.text = text
    }

    public static func error(_ location: SourceLocation, _ text: Message) -> Diagnostic {
        Diagnostic(.error, location, text)
    }

    public static func warning(_ location: SourceLocation, _ text: Message) -> Diagnostic {
        Diagnostic(.warning, location, text)
    }

    /// The English text (logs, tests); people are shown `text(in:)`.
    public var message: String { text.english }

    public func message(in language: MessageLanguage) -> String { text.text(in: language) }

    public var isError: Bool { severity == .error }

    public var description: String { formatted(pathPrefix: "") }

    /// The compiler-style line; `pathPrefix` is the root as the user wrote it (e.g. `site/`).
    public func formatted(pathPrefix: String, language: MessageLanguage = .english) -> String {
        "\(pathPrefix)\(location.path):\(location.line):\(location.column): \(severity.word(in: language)): \(message(in: language))"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        return a.message < b.message
    }
}
