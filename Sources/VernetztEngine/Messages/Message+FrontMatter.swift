/// Reading a file and its front matter: text encoding, the `---` lines, YAML syntax.
extension Message {
    public static var notUTF8: Message {
        Message("kein-utf8",
                de: "Die Datei ist kein UTF-8-Text: speichern Sie sie als UTF-8 (im Editor unter „Speichern unter“ → Kodierung)",
                en: "the file is not UTF-8 text: save it as UTF-8")
    }

    public static var frontMatterMissing: Message {
        Message("vorspann-fehlt",
                de: "Der Vorspann fehlt: die Datei muss mit einer Zeile „---“ beginnen, dann folgen title, date usw. und wieder „---“",
                en: "missing front matter: the file must start with a line '---'")
    }

    public static var frontMatterUnclosed: Message {
        Message("vorspann-offen",
                de: "Der Vorspann wird nie geschlossen: fügen Sie nach ihm eine Zeile „---“ ein",
                en: "front matter is never closed: add a line '---' after it")
    }

    public static var yamlAnchor: Message {
        Message("yaml-anker",
                de: "YAML-Anker und -Verweise (& und *) werden nicht unterstützt: schreiben Sie den Wert aus, oder setzen Sie Text, der mit & oder * beginnt, in Anführungszeichen",
                en: "YAML anchors and aliases (& and *) are not supported: write the value out, or quote text that starts with & or *")
    }

    public static var yamlTab: Message {
        Message("yaml-tabulator",
                de: "Ungültiges YAML: vor diesem Schlüssel steht ein Tabulator — YAML rückt mit Leerzeichen ein: ersetzen Sie den Tabulator durch Leerzeichen",
                en: "invalid YAML: a tab before this key — YAML indents with spaces: replace the tab with spaces")
    }

    /// What YAML's hint adds to a syntax error.
    public enum YAMLHint: Sendable {
        case none, typographicQuotes, colon, tab, indentation
    }

    /// A syntax error as libyaml reports it (English); the problems editors meet are said in
    /// German, the rest keep libyaml's words after a German lead.
    public static func yamlSyntax(_ problem: String, context: String?, hint: YAMLHint) -> Message {
        let english = "invalid YAML: \(problem)" + (context.map { " \($0)" } ?? "")
        let german = "Ungültiges YAML: " + (germanProblem(problem) ?? problem + (context.map { " \($0)" } ?? ""))
        switch hint {
        case .none:
            return Message("yaml-syntax", de: german, en: english)
        case .typographicQuotes:
            return Message("yaml-typografische-anfuehrungszeichen",
                           de: german + " (Hinweis: „…“ sind typografische Anführungszeichen, die YAML als Text liest: setzen Sie den Text in gerade Anführungszeichen \"…\")",
                           en: english + " (hint: „…“ are typographic quotes, which YAML reads as text: write the text in straight quotes \"…\")")
        case .colon:
            return Message("yaml-doppelpunkt",
                           de: german + " (Hinweis: setzen Sie den Text in Anführungszeichen \"…\": er enthält einen Doppelpunkt)",
                           en: english + " (hint: quote the text: it contains a colon)")
        case .indentation:
            return Message("yaml-einrueckung",
                           de: german + " (Hinweis: diese Zeile ist weiter eingerückt als die vorige: rücken Sie Schlüssel derselben Ebene gleich weit ein)",
                           en: english + " (hint: this line is indented further than the one before: indent keys of one level alike)")
        case .tab:
            return Message("yaml-syntax", de: german + " (Hinweis: rücken Sie mit Leerzeichen ein, nicht mit Tabulatoren)",
                           en: english + " (hint: indent with spaces, not tabs)")
        }
    }

    /// libyaml's problems in editors' words.
    private static func germanProblem(_ problem: String) -> String? {
        let table: [(String, String)] = [
            ("mapping values are not allowed", "hier steht ein Doppelpunkt, wo YAML keinen neuen Schlüssel erwartet"),
            ("did not find expected key", "die Einrückung stimmt nicht: alle Schlüssel einer Ebene beginnen in derselben Spalte"),
            ("could not find expected ':'", "nach dem Schlüssel fehlt der Doppelpunkt"),
            ("found unexpected end of stream", "der Vorspann endet, bevor ein Anführungszeichen oder eine Klammer geschlossen ist"),
            ("did not find expected ',' or ']'", "eine Liste in [ ] wird nicht geschlossen oder ihre Einträge sind nicht durch Kommas getrennt"),
            ("did not find expected ',' or '}'", "eine Angabe in { } wird nicht geschlossen oder ihre Einträge sind nicht durch Kommas getrennt"),
            ("did not find expected '-' indicator", "in einer Liste beginnt jeder Eintrag mit „- “ in derselben Spalte"),
            ("found character that cannot start any token", "ein Zeichen, mit dem kein Wert beginnen kann (ein Tabulator, ein @ oder ` am Anfang?): setzen Sie den Wert in Anführungszeichen"),
            ("found unknown escape character", "ein unbekanntes Zeichen nach „\\“ in doppelten Anführungszeichen: schreiben Sie „\\\\“ oder nehmen Sie einfache Anführungszeichen"),
            ("did not find expected node content", "hier fehlt ein Wert"),
            ("found a tab character", "ein Tabulator: YAML rückt mit Leerzeichen ein"),
            ("block sequence entries are not allowed", "ein Listeneintrag „- “ steht dort, wo ein Wert erwartet wird: beginnen Sie die Liste in einer neuen Zeile"),
            ("control characters are not allowed", "die Datei enthält ein Steuerzeichen: löschen Sie es"),
        ]
        return table.first { problem.contains($0.0) }?.1
    }

    public static func yamlDuplicateKey(_ key: String) -> Message {
        Message("yaml-doppelter-schluessel",
                de: "Der Schlüssel „\(key)“ steht zweimal: jeder Schlüssel darf nur einmal vorkommen",
                en: "duplicate key '\(key)': each key may appear once")
    }
}
