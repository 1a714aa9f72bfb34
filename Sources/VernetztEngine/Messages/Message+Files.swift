/// The files of a site: names, links, kinds of files, what is not read or published.
extension Message {
    public static var symbolicLinkLoop: Message {
        Message("link-schleife", de: "Die symbolischen Links bilden eine Schleife", en: "symbolic link loop")
    }

    public static func fileNameCharacter(_ character: Forbidden) -> Message {
        Message("dateiname-zeichen",
                de: "Der Dateiname enthält \(character.words.de): benennen Sie die Datei um",
                en: "the file name contains \(character.words.en): rename the file")
    }

    public static var brokenSymbolicLink: Message {
        Message("link-kaputt", de: "Der symbolische Link führt ins Leere", en: "broken symbolic link")
    }

    public static func symbolicLinkOutside(_ target: String) -> Message {
        Message("link-nach-aussen",
                de: "Der symbolische Link führt aus der Website hinaus: \(target)",
                en: "symbolic link points outside the site: \(target)")
    }

    public static func symbolicLinkIntoOutput(_ folder: String) -> Message {
        Message("link-in-ausgabe",
                de: "Der symbolische Link führt in den Ausgabeordner \(folder): die Website würde sich selbst in sich kopieren",
                en: "symbolic link points into the output folder \(folder): the site would copy itself into itself")
    }

    public static var notRegularFile: Message {
        Message("keine-datei",
                de: "Keine gewöhnliche Datei (eine Pipe, ein Socket oder ein Gerät)",
                en: "not a regular file (a pipe, socket or device)")
    }

    public static var unreadable: Message {
        Message("nicht-lesbar", de: "Die Datei lässt sich nicht lesen (fehlen Leserechte?)", en: "cannot read the file")
    }

    public static func wrongEnding(_ name: String, rename: String) -> Message {
        Message("falsche-endung",
                de: "„\(name)“ wird nicht gelesen: Inhaltsdateien enden auf .md — benennen Sie sie in „\(rename)“ um",
                en: "'\(name)' is not read: content files end in .md — rename it to '\(rename)'")
    }

    public static func fileBesidePlainPage(_ name: String, folder: String) -> Message {
        Message("datei-ohne-seitenordner",
                de: "„\(name)“ wird nicht veröffentlicht: eine Datei gehört in den Ordner ihrer Seite (\(folder)/<kennung>/index.md mit der Datei daneben) oder nach static/",
                en: "'\(name)' is not published: a file belongs in the folder of its page (\(folder)/<id>/index.md with the file beside it), or in static/")
    }

    public static var htmlBesidePage: Message {
        Message("html-neben-seite",
                de: "HTML-Dateien neben einer Seite werden nicht veröffentlicht (sie könnten Skripte auf der Website ausführen): schreiben Sie den Text in Markdown oder legen Sie die Datei nach static/",
                en: "HTML files are not published next to a page (they could run scripts on the site): write the text in Markdown, or put the file in static/")
    }

    /// What makes an SVG unsafe.
    public enum SVGProblem: Sendable {
        case notXML(String), element(String), handler(String), scriptAddress(String), outsideAddress(String), outsideStyle

        var words: (de: String, en: String) {
            switch self {
            case .notXML(let reason): ("ist kein wohlgeformtes XML (\(reason))", "is not well-formed XML (\(reason))")
            case .element(let name): ("enthält ein Element <\(name)>", "contains a <\(name)> element")
            case .handler(let key): ("hat einen Event-Handler „\(key)“", "has an event handler '\(key)'")
            case .scriptAddress(let key): ("hat eine Skriptadresse in „\(key)“", "has a script address in '\(key)'")
            case .outsideAddress(let value): ("lädt „\(value)“ von einer anderen Adresse", "loads '\(value)' from another address")
            case .outsideStyle: ("hat einen Style, der von einer anderen Adresse lädt", "has a style that loads from another address")
            }
        }
    }

    public static func unsafeSVG(_ problem: SVGProblem) -> Message {
        Message("svg-unsicher",
                de: "Dieses SVG \(problem.words.de); es liefe im Namen der Website: entfernen Sie es oder exportieren Sie das Bild ohne Skripte neu",
                en: "this SVG \(problem.words.en); it would run in the site's name: remove it, or export the picture again without scripts")
    }

    public static func templateSample(_ sample: String) -> Message {
        Message("vorlagentext",
                de: "Der Text enthält noch den Beispieltext der Vorlage „\(sample)“: schreiben Sie Ihren eigenen (oder entfernen Sie ihn)",
                en: "the text still holds the template's sample „\(sample)“: write your own (or remove it)")
    }
}
