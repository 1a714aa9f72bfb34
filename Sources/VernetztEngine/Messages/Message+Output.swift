/// Writing the output folder, and the programs vernetzt runs (Pagefind).
extension Message {
    /// What could not be done to a file or folder, with the system's reason.
    public enum FileAction: Sendable {
        case open, lock, create, read, write, link, createFolderOf, writeSiteInto, replaceSite, moveSiteInto, placeEntry(String), temporaryFile

        func words(_ path: String) -> (de: String, en: String) {
            switch self {
            case .open: ("\(path) lässt sich nicht öffnen", "cannot open \(path)")
            case .lock: ("\(path) lässt sich nicht sperren", "cannot lock \(path)")
            case .create: ("\(path) lässt sich nicht anlegen", "cannot create \(path)")
            case .read: ("\(path) lässt sich nicht lesen", "cannot read \(path)")
            case .write: ("\(path) lässt sich nicht schreiben", "cannot write \(path)")
            case .link: ("\(path) lässt sich nicht verknüpfen", "cannot link \(path)")
            case .createFolderOf: ("der Ordner von \(path) lässt sich nicht anlegen", "cannot create the folder of \(path)")
            case .writeSiteInto: ("die Website lässt sich nicht nach \(path) schreiben", "cannot write the site into \(path)")
            case .replaceSite: ("die neue Website lässt sich nicht an die Stelle von \(path) setzen", "cannot put the new site in place of \(path)")
            case .moveSiteInto: ("die neue Website lässt sich nicht nach \(path) verschieben", "cannot move the new site into \(path)")
            case .placeEntry(let name): ("\(name) lässt sich nicht in \(path) einsetzen", "cannot put \(name) in place in \(path)")
            case .temporaryFile: ("eine temporäre Datei lässt sich nicht anlegen", "cannot create a temporary file")
            }
        }
    }

    public static func fileFailed(_ action: FileAction, _ path: String, reason: String? = nil) -> Message {
        let words = action.words(path)
        return Message("ausgabe-fehler",
                       de: words.de + (reason.map { ": \($0)" } ?? "") + "; die vorige Website bleibt, wie sie war",
                       en: words.en + (reason.map { ": \($0)" } ?? ""))
    }

    /// Why the output folder may not be written.
    public enum OutputRefusal: Sendable {
        case systemRoot, siteRoot, holdsSite(String), source(String), notFolder(String), foreignFiles(String)
    }

    public static func outputRefused(_ refusal: OutputRefusal) -> Message {
        switch refusal {
        case .systemRoot:
            Message("ausgabe-verweigert", de: "Die Website wird nicht nach / geschrieben", en: "refusing to write the site into /")
        case .siteRoot:
            Message("ausgabe-verweigert",
                    de: "Die Website wird nicht in ihren eigenen Ordner geschrieben: nennen Sie einen Ordner darin, wie output",
                    en: "refusing to write the site into its own root folder: name a folder below it, like output")
        case .holdsSite(let target):
            Message("ausgabe-verweigert",
                    de: "Die Website wird nicht nach \(target) geschrieben, das den Ordner der Website enthält",
                    en: "refusing to write the site into \(target), which holds the site root")
        case .source(let folder):
            Message("ausgabe-verweigert",
                    de: "Die Website wird nicht nach \(folder) geschrieben, aus dem sie gemacht wird",
                    en: "refusing to write the site into \(folder), which the site is made from")
        case .notFolder(let target):
            Message("ausgabe-verweigert", de: "\(target) ist eine Datei, kein Ordner", en: "\(target) is a file, not a folder")
        case .foreignFiles(let target):
            Message("ausgabe-fremde-dateien",
                    de: "\(target) enthält Dateien, die nicht von vernetzt stammen; sie würden alle ersetzt. Leeren Sie den Ordner, nennen Sie einen anderen oder nehmen Sie --force",
                    en: "\(target) holds files that vernetzt did not write; it would replace them all. Empty it, name another folder, or use --force")
        }
    }

    public static func duplicateOutput(_ path: String) -> Message {
        Message("ausgabe-doppelt",
                de: "Zwei Quellen schreiben die Datei „\(path)“",
                en: "two sources write the output file '\(path)'")
    }

    public static var pagefindMissing: Message {
        Message("pagefind-fehlt",
                de: "Suche: Pagefind ist nicht installiert; installieren Sie es mit „pip install pagefind-bin“ (make site tut das). Die Website wird ohne Suche gebaut",
                en: "search: Pagefind is not installed; install it with 'pip install pagefind-bin' (make site does). The site is built without search")
    }

    public static func pagefindFailed(_ site: String, reason: Message) -> Message {
        Message("pagefind-fehler",
                de: "Suche: Pagefind ist an \(site) gescheitert: \(reason.german)",
                en: "search: Pagefind failed on \(site): \(reason.english)")
    }

    public static func programNotStarted(_ program: String, reason: String) -> Message {
        Message("programm-startet-nicht",
                de: "\(program) lässt sich nicht starten: \(reason)",
                en: "cannot start \(program): \(reason)")
    }

    public static func pagefindTimeout(_ seconds: Int) -> Message {
        Message("pagefind-zeit",
                de: "Pagefind war nach \(seconds) s nicht fertig und wurde angehalten (VERNETZT_SEARCH_TIMEOUT setzt die Grenze in Sekunden)",
                en: "Pagefind did not finish within \(seconds) s and was stopped (VERNETZT_SEARCH_TIMEOUT sets the limit in seconds)")
    }

    /// What a program printed when it failed, in its own words.
    public static func programOutput(_ text: String) -> Message {
        Message("programm-ausgabe", de: text, en: text)
    }

    public static func sourceDateEpoch(_ value: String) -> Message {
        Message("source-date-epoch",
                de: "SOURCE_DATE_EPOCH='\(value)' ist keine Zahl von Sekunden seit 1970 (wie 1656979200): setzen Sie sie richtig oder entfernen Sie sie",
                en: "SOURCE_DATE_EPOCH='\(value)' is not a number of seconds since 1970 (like 1656979200): set it right or unset it")
    }

    public static func nowNotDate(_ value: String) -> Message {
        Message("now-kein-datum",
                de: "--now '\(value)' ist kein Datum: schreiben Sie es wie 2022-07-01T00:00:00+02:00",
                en: "--now '\(value)' is not a date: write it like 2022-07-01T00:00:00+02:00")
    }
}
