/// `site.yml`: the settings of the whole site.
extension Message {
    public static var siteFileMissing: Message {
        Message("site-yml-fehlt",
                de: "site.yml fehlt: der Ordner der Website braucht eine mit mindestens „title“ und „url“",
                en: "missing site.yml: the site root needs one with at least 'title' and 'url'")
    }

    /// What is wrong with the base URL.
    public enum BaseURLProblem: Sendable {
        case notWebAddress, credentials, query, fragment
    }

    public static func baseURL(_ problem: BaseURLProblem) -> Message {
        switch problem {
        case .notWebAddress:
            Message("url-ungueltig", de: "„url“ muss eine Webadresse sein, wie https://www.example.org/",
                    en: "'url' must be a web address like https://www.example.org/")
        case .credentials:
            Message("url-ungueltig", de: "„url“ darf keinen Benutzernamen und kein Passwort enthalten",
                    en: "'url' must not hold a user name or password")
        case .query:
            Message("url-ungueltig", de: "„url“ darf keine Abfrage („?…“) enthalten", en: "'url' must not hold a query ('?…')")
        case .fragment:
            Message("url-ungueltig", de: "„url“ darf keinen Sprungpunkt („#…“) enthalten", en: "'url' must not hold a fragment ('#…')")
        }
    }

    public static func unknownTimeZone(_ name: String) -> Message {
        Message("zeitzone-unbekannt",
                de: "Unbekannte Zeitzone „\(name)“ (schreiben Sie sie wie Europe/Berlin)",
                en: "unknown time zone '\(name)' (like Europe/Berlin)")
    }

    public static func atLeastOne(_ key: String) -> Message {
        Message("mindestens-eins", de: "„\(key)“ muss mindestens 1 sein", en: "'\(key)' must be at least 1")
    }

    public static func menuNotList(_ key: String) -> Message {
        Message("menue-keine-liste",
                de: "„\(key)“ muss eine Liste von Einträgen mit „title“ und „url“ sein",
                en: "'\(key)' must be a list of entries with 'title' and 'url'")
    }

    public static func menuScheme(_ scheme: String) -> Message {
        Message("menue-schema",
                de: "Adressen mit \(scheme) sind im Menü nicht erlaubt",
                en: "\(scheme) addresses are not allowed in the menu")
    }

    public static func menuForbiddenCharacter(_ character: Forbidden) -> Message {
        Message("menue-zeichen",
                de: "Eine Menüadresse darf kein Zeichen wie \(character.words.de) enthalten",
                en: "a menu address must not contain \(character.words.en)")
    }

    public static func menuOtherHost(_ url: String) -> Message {
        Message("menue-fremder-host",
                de: "Die Menüadresse „\(url)“ führt zu einem anderen Server: schreiben Sie die ganze Adresse mit https://",
                en: "menu address '\(url)' leads to another host: write the full address with https://")
    }

    public static func menuAddress(_ url: String) -> Message {
        Message("menue-adresse",
                de: "Die Menüadresse „\(url)“ muss mit „/“ (eine Seite der Website), „@“ (ein Eintrag) oder https:// beginnen",
                en: "menu address '\(url)' must start with '/' (a page of the site), '@' (an item) or https://")
    }

    public static var fundingLogoAlt: Message {
        Message("foerderlogo-ohne-alt",
                de: "funding_logo ohne Alternativtext: ergänzen Sie „funding_logo_alt“ mit den Worten des Hinweises (z. B. „Gefördert durch …“)",
                en: "funding_logo without alt text: add 'funding_logo_alt' with the notice's words (e.g. „Gefördert durch …“)")
    }

    public static var pictureQuality: Message {
        Message("bildqualitaet", de: "„picture_quality“ liegt zwischen 1 und 100", en: "'picture_quality' lies between 1 and 100")
    }
}
