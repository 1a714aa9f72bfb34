/// Layouts and templates (`layouts/*.mustache`, `layouts/new/*.md`).
extension Message {
    public static func layoutMissing(_ name: String, isParent: Bool) -> Message {
        Message("layout-fehlt-baustein",
                de: "Layoutfehler: \(isParent ? "das Eltern-Layout" : "der Baustein (partial)") „\(name)“ existiert nicht (keine Datei \(name).mustache)",
                en: "layout error: the \(isParent ? "parent layout" : "partial") '\(name)' does not exist (no file \(name).mustache)")
    }

    public static func layoutCycle(_ name: String, isParent: Bool, target: String, cycle: String) -> Message {
        Message("layout-kreis",
                de: "Layoutfehler: „\(name)“ \(isParent ? "erbt von" : "bindet") „\(target)“\(isParent ? "" : " ein"), das wieder zu ihm führt (\(cycle)); die Ausgabe würde nie enden",
                en: "layout error: '\(name)' \(isParent ? "inherits from" : "includes") '\(target)', which leads back to it (\(cycle)); rendering would never end")
    }

    public static func templateClosesNothing(_ name: String) -> Message {
        Message("vorlage-schliesst-nichts",
                de: "Layoutfehler: „{{/\(name)}}“ schließt nichts, was offen ist",
                en: "layout error: '{{/\(name)}}' closes nothing that is open")
    }

    public static func templateTagNeverClosed(_ tag: String) -> Message {
        Message("vorlage-nie-geschlossen",
                de: "Layoutfehler: „\(tag)“ wird nie geschlossen",
                en: "layout error: '\(tag)' is never closed")
    }

    public static func templateWrongClose(_ name: String, open: String) -> Message {
        Message("vorlage-falsch-geschlossen",
                de: "Layoutfehler: „{{/\(name)}}“ schließt nicht „\(open)“",
                en: "layout error: '{{/\(name)}}' does not close '\(open)'")
    }

    public static func templateUnclosedBraces(_ written: String) -> Message {
        Message("vorlage-klammer-offen",
                de: "Layoutfehler: ein Platzhalter wird nie mit „\(written)“ geschlossen",
                en: "layout error: a tag is never closed with '\(written)'")
    }

    public static var templateNamelessTag: Message {
        Message("vorlage-ohne-namen", de: "Layoutfehler: ein Platzhalter ohne Namen", en: "layout error: a tag without a name")
    }

    public static var templateDelimiters: Message {
        Message("vorlage-trennzeichen",
                de: "Layoutfehler: Trennzeichen setzt man wie {{=<% %>=}}: zwei Zeichenfolgen, durch ein Leerzeichen getrennt",
                en: "layout error: set delimiters like {{=<% %>=}}: two delimiters, separated by a space")
    }

    /// `purpose`: what the site needs the layout for.
    public static func layoutNeeded(_ purpose: Phrase) -> Message {
        Message("layout-fehlt", de: "Layout fehlt: \(purpose.de)", en: "missing layout: \(purpose.en)")
    }
}
