/// One thing vernetzt tells a person, in both languages it speaks. Every message is made by a
/// function in this folder (the catalogue) and carries the id its section of the guide is found
/// by (`docs/redaktion.md#meldung-<id>`).
public struct Message: Sendable, Hashable {
    public var id: String
    public var german: String
    public var english: String

    public init(_ id: String, de german: String, en english: String) {
        self.id = id
        self.german = german
        self.english = english
    }

    public func text(in language: MessageLanguage) -> String {
        language == .german ? german : english
    }

    /// A part of a message in both languages: what owns an output file, a kind's name.
    public struct Phrase: Sendable, Hashable {
        public var de: String
        public var en: String

        public init(de: String, en: String) {
            self.de = de
            self.en = en
        }

        /// A file path, the same in both languages.
        public init(_ both: String) {
            self.init(de: both, en: both)
        }
    }

    /// „x“ in German text, 'x' in English.
    static func quoted(_ text: String) -> (de: String, en: String) {
        ("„\(text)“", "'\(text)'")
    }

    /// " (meinten Sie „x“?)" / " (did you mean 'x'?)", or nothing without a close match.
    static func meant(_ suggestion: String?) -> (de: String, en: String) {
        guard let suggestion else { return ("", "") }
        return (" (meinten Sie „\(suggestion)“?)", " (did you mean '\(suggestion)'?)")
    }

    /// The nearest of `candidates`, as `meant` words it.
    static func meant(_ written: String, among candidates: some Sequence<String>) -> (de: String, en: String) {
        meant(NearestMatch.best(for: written, among: candidates))
    }

    static func list(_ words: some Sequence<String>, de conjunction: String = "oder", en englishConjunction: String = "or") -> (de: String, en: String) {
        let words = Array(words)
        guard words.count > 1 else { return (words.first.map { "„\($0)“" } ?? "", words.first.map { "'\($0)'" } ?? "") }
        let german = words.dropLast().map { "„\($0)“" }.joined(separator: ", ") + " \(conjunction) „\(words.last!)“"
        let english = words.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " \(englishConjunction) '\(words.last!)'"
        return (german, english)
    }
}
