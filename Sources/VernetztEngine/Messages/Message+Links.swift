/// References between items, `@` links, paths, addresses the site writes.
extension Message {
    /// What writes an output file, for "is also written by …".
    public enum Owner {
        public static func listPage(_ folder: String) -> Phrase { Phrase(de: "die Listenseite von \(folder)/", en: "the list page of \(folder)/") }
        public static var homePage: Phrase { Phrase(de: "die Startseite", en: "the home page") }
        public static func siteFile(_ file: String) -> Phrase { Phrase(de: "die Datei \(file) der Website", en: "the site's \(file)") }
        public static func searchIndex(_ folder: String) -> Phrase { Phrase(de: "der Suchindex /\(folder)", en: "the search index /\(folder)") }
        public static func feed(of owner: String) -> Phrase { Phrase(de: "der Feed von \(owner)", en: "the feed of \(owner)") }
        public static func calendar(of folder: String) -> Phrase { Phrase(de: "der Kalender von \(folder)/", en: "the calendar of \(folder)/") }
        public static func calendarFile(of path: String) -> Phrase { Phrase(de: "die Kalenderdatei von \(path)", en: "the calendar file of \(path)") }
        public static func listPages(_ folder: String) -> Phrase {
            Phrase(de: "die Folgeseiten der Liste von \(folder)/", en: "the pages of the list of \(folder)/")
        }
        public static func tag(_ name: String) -> Phrase { Phrase(de: "das Schlagwort „\(name)“", en: "the tag '\(name)'") }
        public static func tagPages(_ name: String) -> Phrase {
            Phrase(de: "die Folgeseiten des Schlagworts „\(name)“", en: "the pages of tag '\(name)'")
        }
        public static func backlinkList(_ folder: String, of path: String) -> Phrase {
            Phrase(de: "die Liste aller \(folder) von \(path)", en: "the list of all \(folder) of \(path)")
        }
    }

    public static func referenceToFailedFile(_ id: String, path: String) -> Message {
        Message("verweis-auf-fehlerhafte-datei",
                de: "„\(id)“ steht in der Datei \(path), die wegen Fehlern nicht gelesen werden konnte (siehe dort)",
                en: "'\(id)' is in \(path), which has errors (see there)")
    }

    public static func referenceToHidden(_ id: String, path: String) -> Message {
        Message("verweis-unveroeffentlicht",
                de: "„\(id)“ ist nicht veröffentlicht (\(path)): der Verweis fehlt, bis es veröffentlicht ist",
                en: "'\(id)' is not published (\(path)): the link is left out until it is")
    }

    private static func inField(_ field: String?) -> (de: String, en: String) {
        (field.map { " (Feld „\($0)“)" } ?? "", field.map { " in '\($0)'" } ?? "")
    }

    /// `kind` and `other` are the kinds' singular titles (German) and nouns (English).
    public static func referenceWrongKind(_ id: String, is other: Phrase, expected kind: Phrase, field: String?, ids: [String]) -> Message {
        let meant = meant(id, among: ids), place = inField(field)
        return Message("verweis-falsche-art",
                       de: "„\(id)“ ist ein Eintrag der Art „\(other.de)“, nicht „\(kind.de)“\(place.de)\(meant.de)",
                       en: "'\(id)' is a \(other.en), not a \(kind.en)\(place.en)\(meant.en)")
    }

    /// `suggestion`: the id to offer — one near what was written, or that of the item whose
    /// title (or part of whose id) was written instead, with that title.
    public static func unknownReference(_ id: String, kind: Phrase, field: String?, suggestion: (id: String, title: String?)?) -> Message {
        let place = inField(field), meant = meant(suggestion?.id, titled: suggestion?.title)
        return Message("verweis-unbekannt",
                       de: "Es gibt keinen Eintrag „\(id)“ der Art „\(kind.de)“\(place.de)\(meant.de)",
                       en: "unknown \(kind.en) '\(id)'\(place.en)\(meant.en)")
    }

    public static func atLinkShape(_ raw: String) -> Message {
        Message("link-form",
                de: "Ungültiger Link „\(raw)“: schreiben Sie @ordner/kennung, wie @angebote/konvoi-begleitung",
                en: "invalid link '\(raw)': write @folder/id, like @angebote/konvoi-begleitung")
    }

    public static func unknownLinkFolder(_ folder: String, link raw: String, folders: [String]) -> Message {
        let meant = meant(folder, among: folders)
        return Message("link-ordner-unbekannt",
                       de: "Unbekannter Ordner „\(folder)“ im Link „\(raw)“\(meant.de)",
                       en: "unknown folder '\(folder)' in link '\(raw)'\(meant.en)")
    }

    public static func noHeading(_ fragment: String, in place: String, headings: [String]) -> Message {
        let meant = meant(fragment, among: headings)
        return Message("ueberschrift-fehlt",
                       de: "Keine Überschrift „#\(fragment)“ in \(place)\(meant.de)",
                       en: "no heading '#\(fragment)' in \(place)\(meant.en)")
    }

    public static func noHeading(_ fragment: String, onPage page: String, headings: [String]) -> Message {
        let meant = meant(fragment, among: headings)
        return Message("ueberschrift-fehlt",
                       de: "Keine Überschrift „#\(fragment)“ auf /\(page)\(meant.de)",
                       en: "no heading '#\(fragment)' on /\(page)\(meant.en)")
    }

    /// Why an alias cannot be an old address.
    public enum AliasProblem: Sendable {
        case character(Forbidden), noSlash, notPlain, homePage, dotSegments, tooLong(Int)

        var words: (de: String, en: String) {
            switch self {
            case .character(let character): ("sie darf kein Zeichen wie \(character.words.de) enthalten", "it must not contain \(character.words.en)")
            case .noSlash: ("sie muss mit „/“ beginnen", "it must start with '/'")
            case .notPlain: ("sie muss ein einfacher Pfad sein, ohne kodierte Zeichen, „?“ oder „#“",
                             "it must be a plain path, without encoded characters, '?' or '#'")
            case .homePage: ("„/“ ist die Startseite", "'/' is the home page")
            case .dotSegments: ("sie darf keine Teile „.“ oder „..“ und keine versteckten Namen enthalten",
                                "it must not contain '.' or '..' segments or hidden names")
            case .tooLong(let most): ("ein Teil zwischen zwei „/“ darf höchstens \(most) Bytes lang sein",
                                      "a part between two '/' may be at most \(most) bytes long")
            }
        }
    }

    public static func invalidAlias(_ alias: String, _ problem: AliasProblem) -> Message {
        Message("alias-ungueltig",
                de: "Ungültige alte Adresse „\(alias)“ in aliases: \(problem.words.de)",
                en: "invalid alias '\(alias)': \(problem.words.en)")
    }

    public static func orphan(_ kind: Phrase, id: String) -> Message {
        Message("nicht-verlinkt",
                de: "Nichts verweist auf diesen Eintrag „\(id)“ der Art „\(kind.de)“",
                en: "nothing links to this \(kind.en) '\(id)'")
    }

    public static func duplicateID(_ id: String, path: String) -> Message {
        Message("kennung-doppelt",
                de: "Die Kennung „\(id)“ gibt es doppelt: \(path) hat dieselbe",
                en: "duplicate id '\(id)': \(path) has the same id")
    }

    public static func onlyQuotesEmbed(example: String, target: Phrase, link raw: String) -> Message {
        Message("nur-stimmen-einbetten",
                de: "Nur Stimmen lassen sich mit \(example) einbetten; auf einen Eintrag der Art „\(target.de)“ verlinken Sie mit [Text](\(raw))",
                en: "only testimonials can be embedded with \(example); link to a \(target.en) with [text](\(raw))")
    }

    public static var quoteInQuote: Message {
        Message("stimme-in-stimme",
                de: "Eine Stimme kann keine andere Stimme einbetten",
                en: "a testimonial cannot embed another testimonial")
    }

    public static func outputPathTaken(_ path: String, by other: Phrase) -> Message {
        Message("adresse-doppelt",
                de: "Die Adresse „/\(path)“ schreibt auch \(other.de): ändern Sie „slug“ oder den Dateinamen",
                en: "output path '/\(path)' is also written by \(other.en)")
    }

    public static func outputFileTaken(_ path: String, by other: Phrase, composedOtherwise: Bool = false) -> Message {
        let twin = composedOtherwise ? Self.composedOtherwise : (de: "", en: "")
        return Message("ausgabedatei-doppelt",
                       de: "Die Datei „/\(path)“ schreibt auch \(other.de)\(twin.de)",
                       en: "output file '/\(path)' is also written by \(other.en)\(twin.en)")
    }

    /// Said when two files' names look the same and differ only in how an umlaut is stored.
    static let composedOtherwise = (
        de: " – die beiden Namen sehen gleich aus, sind aber verschieden gespeichert: einmal ist der Umlaut ein Zeichen, einmal ein Buchstabe mit darübergesetzten Punkten (so legt macOS Dateinamen an). Löschen Sie eine der beiden Dateien",
        en: " – the two names look the same but are stored differently: once the umlaut is one character, once a letter with a combining mark (as macOS names files). Delete one of the two files")

    public static func tagTooLong(_ start: String) -> Message {
        Message("schlagwort-zu-lang",
                de: "Das Schlagwort „\(start)…“ ist zu lang für eine Adresse: kürzen Sie es",
                en: "tag '\(start)…' is too long for an address: shorten it")
    }

    public static func tagCollides(_ name: String, with other: Phrase) -> Message {
        Message("schlagwort-kollision",
                de: "Die Seite des Schlagworts „\(name)“ stößt mit \(other.de) zusammen",
                en: "the page of tag '\(name)' collides with \(other.en)")
    }

    public static func aliasCollides(_ alias: String, with other: Phrase) -> Message {
        Message("alias-kollision",
                de: "Die alte Adresse „\(alias)“ stößt mit \(other.de) zusammen",
                en: "alias '\(alias)' collides with \(other.en)")
    }

    public static func linkOutside(_ raw: String) -> Message {
        Message("link-ausserhalb",
                de: "Der Link „\(raw)“ führt aus der Website hinaus",
                en: "link '\(raw)' leads outside the site")
    }

    public static func missingPicture(_ raw: String, file: String, besides: [String]) -> Message {
        let meant = meant(String(file.split(separator: "/").last ?? ""), among: besides)
        return Message("bild-fehlt",
                       de: "Das Bild „\(raw)“ fehlt: es gibt keine Datei /\(file)\(meant.de)",
                       en: "missing picture '\(raw)': there is no file /\(file)\(meant.en)")
    }

    public static func linkToPicture(_ raw: String) -> Message {
        Message("link-auf-bild",
                de: "Link „\(raw)“ auf ein Bild: ein Bild neben einer Seite wird nur in den Größen veröffentlicht, die zum Zeigen gemacht werden; zeigen Sie es mit ![was es zeigt](\(raw))",
                en: "link '\(raw)' to a picture: a picture beside a page is published only in the sizes made for showing it; show it with ![what it shows](\(raw))")
    }

    /// A relative link to a `.md` file that is no item's; `file`: where it leads from the
    /// site's folder, nil when it leaves it.
    public static func linkToNoItemFile(_ raw: String, file: String?) -> Message {
        let place = file.map { (de: " (er führt zu \($0))", en: " (it leads to \($0))") } ?? (de: " (er führt aus dem Ordner der Website hinaus)", en: " (it leads out of the site's folder)")
        return Message("link-datei-kein-eintrag",
                       de: "Der Link „\(raw)“ führt zu keinem Eintrag\(place.de): ein Link auf eine Datei nennt content/<ordner>/<kennung>.md oder content/<ordner>/<kennung>/index.md, vom eigenen Text aus gesehen",
                       en: "link '\(raw)' leads to no item\(place.en): a link to a file names content/<folder>/<id>.md or content/<folder>/<id>/index.md, seen from the file it is written in")
    }

    public static func brokenLink(_ raw: String, path: String) -> Message {
        Message("link-kaputt-pfad",
                de: "Der Link „\(raw)“ führt ins Leere: es gibt keine Seite und keine Datei /\(path)",
                en: "broken link '\(raw)': there is no page or file /\(path)")
    }
}
