/// The values of front matter, site.yml and the schema: keys, types, dates, addresses.
extension Message {
    /// How YAML shapes a value, for "found …".
    public enum Shape: Sendable {
        case single, keys, list

        public var words: (de: String, en: String) {
            switch self {
            case .single: ("ein einzelner Wert", "a single value")
            case .keys: ("Schlüssel mit Werten", "keys and values")
            case .list: ("eine Liste", "a list")
            }
        }
    }

    public static var keyNotPlain: Message {
        Message("schluessel-kein-name", de: "Ein Schlüssel muss ein einfacher Name sein (wie title)", en: "a key must be a plain name")
    }

    public static func expectedKeys(found: Shape) -> Message {
        Message("schluessel-erwartet",
                de: "Hier werden Schlüssel mit Werten erwartet (wie „title: …“), gefunden: \(found.words.de)",
                en: "expected keys and values (like 'title: …'), found \(found.words.en)")
    }

    public static func keyMissing(_ key: String) -> Message {
        Message("pflichtfeld-fehlt",
                de: "Das Pflichtfeld „\(key)“ fehlt: fügen Sie eine Zeile „\(key): …“ in den Vorspann ein",
                en: "missing required key '\(key)'")
    }

    public static func mustBeText(_ key: String, found: Shape) -> Message {
        Message("feld-kein-text",
                de: "„\(key)“ muss ein Text sein, gefunden: \(found.words.de)",
                en: "'\(key)' must be text, found \(found.words.en)")
    }

    public static func listWrittenAsText(_ key: String, entries: [String]) -> Message {
        let list = entries.joined(separator: ", ")
        return Message("liste-als-text",
                       de: "„\(key)“ ist eine Liste: schreiben Sie sie in eckigen Klammern, also \(key): [\(list)]",
                       en: "'\(key)' is a list: write it in brackets, like \(key): [\(list)]")
    }

    public static func mustBeList(_ key: String, found: Shape) -> Message {
        Message("feld-keine-liste",
                de: "„\(key)“ muss eine Liste sein, gefunden: \(found.words.de)",
                en: "'\(key)' must be a list, found \(found.words.en)")
    }

    public static func listEntryNotText(_ key: String, found: Shape) -> Message {
        Message("listeneintrag-kein-text",
                de: "Jeder Eintrag von „\(key)“ muss ein Text sein, gefunden: \(found.words.de)",
                en: "each entry of '\(key)' must be text, found \(found.words.en)")
    }

    public static func mustBeBool(_ key: String) -> Message {
        Message("feld-kein-wahrheitswert", de: "„\(key)“ muss true oder false sein", en: "'\(key)' must be true or false")
    }

    public static func mustBeWholeNumber(_ key: String) -> Message {
        Message("feld-keine-zahl", de: "„\(key)“ muss eine ganze Zahl sein", en: "'\(key)' must be a whole number")
    }

    /// Why a text is no date.
    public enum DateProblem: Sendable {
        case shape
        case implausibleYear(String, earliest: Int)
        /// Day, month, year as German writes them (`31.12.2024`): the same date as it is written here.
        case germanOrder(String)
        case skippedTime(String, zone: String)
    }

    public static func invalidDate(_ written: String, key: String, problem: DateProblem) -> Message {
        let reason: (de: String, en: String)
        switch problem {
        case .shape:
            reason = ("schreiben Sie ein Datum wie 2022-07-05 oder mit Uhrzeit 2022-07-05T14:00 (oder 2022-07, 2022, wenn nur das bekannt ist)",
                      "dates look like 2022-07-05 or 2022-07-05T14:00 (or 2022-07, 2022 when only that is known)")
        case .implausibleYear(let year, let earliest):
            reason = ("das Jahr \(year) ist nicht plausibel (ein Tippfehler?): schreiben Sie das Jahr mit vier Ziffern, ab \(earliest)",
                      "the year \(year) is not plausible (a typo?): write the year with four digits, from \(earliest) on")
        case .germanOrder(let iso):
            reason = ("Daten stehen hier in der Reihenfolge Jahr-Monat-Tag; schreiben Sie \(iso)",
                      "dates are written year-month-day here: write \(iso)")
        case .skippedTime(let time, let zone):
            reason = ("die Uhrzeit \(time) gibt es an diesem Tag in \(zone) nicht: die Uhren springen bei Beginn der Sommerzeit über sie hinweg; schreiben Sie die Zeit nach der Umstellung",
                      "the time \(time) does not exist on that day in \(zone): the clocks skip it when summer time begins; write the time after the change")
        }
        return Message("datum-ungueltig",
                       de: "„\(written)“ ist kein gültiges Datum für „\(key)“: \(reason.de)",
                       en: "invalid date '\(written)' for '\(key)': \(reason.en)")
    }

    public static func mustBeWebAddress(_ key: String) -> Message {
        Message("keine-webadresse",
                de: "„\(key)“ muss eine Webadresse sein, die mit https:// oder http:// beginnt",
                en: "'\(key)' must be a web address starting with https:// or http://")
    }

    /// A character no address or path may hold.
    public enum Forbidden: Sendable {
        case nul, tab, lineBreak, space, control(String)

        var words: (de: String, en: String) {
            switch self {
            case .nul: ("ein NUL-Zeichen", "a NUL character")
            case .tab: ("einen Tabulator", "a tab")
            case .lineBreak: ("einen Zeilenumbruch", "a line break")
            case .space: ("ein Leerzeichen", "a space")
            case .control(let code): ("das Steuerzeichen U+\(code)", "the control character U+\(code)")
            }
        }
    }

    public static func forbiddenCharacter(_ key: String, _ character: Forbidden) -> Message {
        Message("unerlaubtes-zeichen",
                de: "„\(key)“ darf kein Zeichen wie \(character.words.de) enthalten: löschen Sie es",
                en: "'\(key)' must not contain \(character.words.en)")
    }

    public static func notEmail(_ key: String, _ text: String) -> Message {
        Message("keine-email",
                de: "„\(key)“ ist keine E-Mail-Adresse: „\(text)“ (schreiben Sie sie wie name@example.org)",
                en: "'\(key)' is not an e-mail address: '\(text)' (write it like name@example.org)")
    }

    public static func notAmong(_ key: String, _ text: String, allowed: [String]) -> Message {
        let meant = meant(text, among: allowed)
        return Message("wert-nicht-erlaubt",
                       de: "„\(key)“ muss \(germanChoices(allowed)) sein, nicht „\(text)“\(meant.de)",
                       en: "'\(key)' must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'\(meant.en)")
    }

    public static func listedTwice(_ id: String, key: String) -> Message {
        Message("doppelt-genannt",
                de: "„\(id)“ steht zweimal in „\(key)“; es zählt einmal",
                en: "'\(id)' is listed twice in '\(key)'; it counts once")
    }

    public static func mustHaveKeys(_ key: String, found: Shape) -> Message {
        Message("feld-ohne-schluessel",
                de: "„\(key)“ braucht Schlüssel mit Werten (eingerückt darunter), gefunden: \(found.words.de)",
                en: "'\(key)' must have keys and values, found \(found.words.en)")
    }

    /// An unknown key; `meant` is the key an editor's word stands for (`autoren` → `authors`).
    public static func unknownKey(_ key: String, meant: String?, known: [String]) -> Message {
        let hint = meant.map { Message.meant($0) } ?? Message.meant(key, among: known)
        return Message("schluessel-unbekannt",
                       de: "Unbekannter Schlüssel „\(key)“\(hint.de)",
                       en: "unknown key '\(key)'\(hint.en)")
    }
}
