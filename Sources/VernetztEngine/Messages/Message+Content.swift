/// Content files: where they live, their names, and the checks that span fields.
extension Message {
    public static func slugLetters(suggestion: String) -> Message {
        Message("slug-zeichen",
                de: "„slug“ darf nur a–z, 0–9 und „-“ enthalten (versuchen Sie „\(suggestion)“)",
                en: "'slug' may hold only a–z, 0–9 and '-' (try '\(suggestion)')")
    }

    public static func slugLength(_ most: Int) -> Message {
        Message("slug-laenge",
                de: "„slug“ darf höchstens \(most) Zeichen lang sein",
                en: "'slug' may be at most \(most) characters long")
    }

    public static func fileNameNotID(_ id: String, rename: String) -> Message {
        Message("dateiname-keine-id",
                de: "Der Dateiname „\(id)“ ist keine Kennung (a–z, 0–9 und „-“), über die andere Einträge ihn finden: benennen Sie die Datei in „\(rename)“ um",
                en: "the file name '\(id)' is not an id (a–z, 0–9 and '-'): rename it to '\(rename)'")
    }

    public static func fileNameWithoutLetters(_ id: String) -> Message {
        Message("dateiname-ohne-buchstaben",
                de: "Aus dem Dateinamen „\(id)“ lässt sich keine Adresse machen (keine Buchstaben a–z oder Ziffern): setzen Sie „slug“ (wie slug: mein-beitrag)",
                en: "the file name '\(id)' has no letters a–z or digits to make the page's address from: set 'slug' (like slug: mein-beitrag)")
    }

    public static var contentPlace: Message {
        Message("inhalt-ort",
                de: "Inhaltsdateien liegen in content/<ordner>/<kennung>.md (oder content/index.md für die Startseite)",
                en: "content files live in content/<folder>/<id>.md (or content/index.md for the home page)")
    }

    public static func unknownContentFolder(_ folder: String, folders: [String]) -> Message {
        let meant = meant(folder, among: folders)
        return Message("ordner-unbekannt",
                       de: "Unbekannter Inhaltsordner „\(folder)“\(meant.de); die Ordner sind \(folders.joined(separator: ", "))",
                       en: "unknown content folder '\(folder)'\(meant.en); folders are \(folders.joined(separator: ", "))")
    }

    public static func contentPlace(folder: String) -> Message {
        Message("inhalt-ort-art",
                de: "Inhaltsdateien liegen in content/\(folder)/<kennung>.md oder content/\(folder)/<kennung>/index.md",
                en: "content files live in content/\(folder)/<id>.md or content/\(folder)/<id>/index.md")
    }

    public static func endBeforeStart(end: String, start: String) -> Message {
        Message("ende-vor-beginn",
                de: "„\(end)“ liegt vor „\(start)“: das Ende einer Veranstaltung kommt nach ihrem Beginn",
                en: "'\(end)' lies before '\(start)'")
    }

    public static func eventWithoutPlace(location: String, online: String) -> Message {
        Message("veranstaltung-ohne-ort",
                de: "Die Veranstaltung hat keinen Ort: ergänzen Sie „\(location)“ (mit name, address und city) oder „\(online): true“",
                en: "the event has no place: add '\(location)' (with name, address and city) or '\(online): true'")
    }

    public static func pictureWithoutAlt(_ field: String, alt: String) -> Message {
        Message("bild-ohne-alt",
                de: "\(field) ohne Alternativtext: ergänzen Sie „\(alt)“ mit einer Beschreibung des Bildes („\(alt): \"\"“ kennzeichnet ein Bild, das nur schmückt)",
                en: "\(field) without alt text: add '\(alt)' describing it (\(alt): \"\" marks a picture that only decorates)")
    }

    public static func dayWithTime(_ key: String) -> Message {
        Message("datum-ohne-uhrzeit",
                de: "„\(key)“ ist ein Tag ohne Uhrzeit: schreiben Sie ihn wie 2022-07-05",
                en: "'\(key)' is a day without a time: write it like 2022-07-05")
    }

    public static func needsTime(_ key: String) -> Message {
        Message("uhrzeit-fehlt",
                de: "„\(key)“ braucht eine Uhrzeit: schreiben Sie Datum und Uhrzeit wie 2022-07-05T14:00",
                en: "'\(key)' needs a time: write it like 2022-07-05T14:00")
    }

    public static func tagWithoutLetters(_ tag: String) -> Message {
        Message("schlagwort-ohne-buchstaben",
                de: "Aus dem Schlagwort „\(tag)“ lässt sich keine Adresse machen (keine Buchstaben oder Ziffern): schreiben Sie es mit Buchstaben",
                en: "tag '\(tag)' has no letters or digits to make its page's address from: write it with letters")
    }

    /// `kind`: the kind's `phrase` (its singular title and its noun).
    public static func tooFewReferences(_ key: String, minimum: Int, kind: Phrase) -> Message {
        Message("zu-wenige-verweise",
                de: "Ein Eintrag der Art „\(kind.de)“ braucht in „\(key)“ mindestens \(minimum == 1 ? "einen Eintrag" : "\(minimum) Einträge")",
                en: "a \(kind.en) needs at least \(minimum == 1 ? "one entry" : "\(minimum) entries") in '\(key)'")
    }

    public static func embedInField(_ key: String) -> Message {
        Message("einbettung-im-feld",
                de: "Stimmen lassen sich nur im Text einbetten, nicht in „\(key)“",
                en: "quotes can be embedded in the body only, not in '\(key)'")
    }
}
