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

    /// " (meinten Sie „x“?)" / " (did you mean 'x'?)", or nothing without a close match;
    /// with `title`, the suggestion's name after it: " (meinten Sie „x“ – Titel?)".
    static func meant(_ suggestion: String?, titled title: String? = nil) -> (de: String, en: String) {
        guard let suggestion else { return ("", "") }
        let named = title.map { " – " + $0 } ?? ""
        return (" (meinten Sie „\(suggestion)“\(named)?)", " (did you mean '\(suggestion)'\(named)?)")
    }

    /// The nearest of `candidates`, as `meant` words it.
    static func meant(_ written: String, among candidates: some Sequence<String>) -> (de: String, en: String) {
        meant(NearestMatch.best(for: written, among: candidates))
    }

    /// „a“, „b“ oder „c“ (the English messages list their choices as „one of 'a', 'b', 'c'“);
    /// with `conjunction` „und“, „a“, „b“ und „c“.
    static func germanChoices(_ words: [String], conjunction: String = "oder") -> String {
        guard let last = words.last else { return "" }
        guard words.count > 1 else { return "„\(last)“" }
        return words.dropLast().map { "„\($0)“" }.joined(separator: ", ") + " \(conjunction) „\(last)“"
    }
}
