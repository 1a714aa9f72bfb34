/// What the commands print besides diagnostics: progress, summaries, `new`'s next steps and
/// `serve`'s lines.
extension Message {
    public static func unknownLanguage(_ written: String) -> Message {
        Message("sprache-unbekannt",
                de: "--lang kennt de (Deutsch) und en (Englisch), nicht „\(written)“",
                en: "--lang knows de (German) and en (English), not '\(written)'")
    }

    // MARK: new

    public static func unknownNewFolder(_ folder: String, folders: [String]) -> Message {
        let meant = meant(folder, among: folders)
        return Message("neu-ordner-unbekannt",
                       de: "Unbekannter Ordner „\(folder)“\(meant.de); die Ordner sind \(folders.joined(separator: ", "))",
                       en: "unknown folder '\(folder)'\(meant.en); folders are \(folders.joined(separator: ", "))")
    }

    public static func titleWithoutName(_ title: String) -> Message {
        Message("neu-titel-ohne-namen",
                de: "Aus dem Titel „\(title)“ lässt sich kein Dateiname machen: nehmen Sie Buchstaben oder Ziffern",
                en: "the title '\(title)' gives no file name: use letters or digits")
    }

    public static func itemExists(_ slug: String) -> Message {
        Message("neu-gibt-es-schon",
                de: "Gibt es schon (der Eintrag „\(slug)“): nichts wurde überschrieben; bearbeiten Sie ihn oder wählen Sie einen anderen Titel",
                en: "exists already (the item '\(slug)'): nothing was overwritten; edit it, or choose another title")
    }

    public static func newFileNotWritten(_ reason: String) -> Message {
        Message("neu-nicht-geschrieben",
                de: "Die Datei lässt sich nicht schreiben: \(reason)",
                en: "cannot write the file: \(reason)")
    }

    /// Printed by `new` under the path; `bundleFolder` when it made a folder for pictures.
    public static func draftCreated(_ path: String, bundleFolder: String?) -> Message {
        var german = "Entwurf angelegt: \(path)\n"
        var english = "Draft created: \(path)\n"
        if let bundleFolder {
            german += "Bilder und Dateien legen Sie in den Ordner \(bundleFolder) neben index.md.\n"
            english += "Put pictures and files in the folder \(bundleFolder), beside index.md.\n"
        }
        german += "Vorschau: vernetzt serve – zum Veröffentlichen die Zeile „draft: true“ entfernen.\n"
        english += "Preview: vernetzt serve – to publish, remove the line 'draft: true'.\n"
        return Message("neu-angelegt", de: german, en: english)
    }

    // MARK: build and check

    public static func failedSummary(errors: Int) -> Message {
        Message("zusammenfassung-fehler",
                de: (errors == 1 ? "1 Fehler" : "\(errors) Fehler") + "; nichts wurde geschrieben.",
                en: "\(errors) error(s); nothing was written.")
    }

    /// `checked`: `check` (nothing written) rather than `build`.
    public static func builtSummary(checked: Bool, items: Int, files: Int, written: Int?, unchanged: Int?, milliseconds: Int,
                                    warnings: Int, warningsListed: Bool) -> Message {
        var german = "\(checked ? "Geprüft" : "Gebaut"): \(items) Einträge, \(files) Dateien"
        var english = "\(checked ? "checked" : "built") \(items) items into \(files) files"
        if let written, let unchanged {
            german += " (\(written) geschrieben, \(unchanged) unverändert)"
            english += " (\(written) written, \(unchanged) unchanged)"
        }
        german += " in \(milliseconds) ms"
        english += " in \(milliseconds) ms"
        if warnings > 0 {
            german += ", \(warnings == 1 ? "1 Warnung" : "\(warnings) Warnungen")" + (warningsListed ? "" : " (--verbose zeigt sie)")
            english += ", \(warnings) warning(s)" + (warningsListed ? "" : " (--verbose lists them)")
        }
        return Message("zusammenfassung", de: german, en: english)
    }

    /// The stages a build reports progress in.
    public enum Progress: Sendable {
        case reading, parsing(files: Int), linking(items: Int), pictures(done: Int, of: Int), rendering, waiting, finishing(files: Int)
    }

    public static func progress(_ stage: Progress) -> Message {
        switch stage {
        case .reading: Message("fortschritt", de: "lesen …", en: "reading …")
        case .parsing(let files): Message("fortschritt", de: "\(files) Dateien einlesen …", en: "parsing \(files) files …")
        case .linking(let items): Message("fortschritt", de: "\(items) Einträge verknüpfen …", en: "linking \(items) items …")
        case .pictures(let done, let total): Message("fortschritt", de: "Bilder \(done)/\(total)", en: "pictures \(done)/\(total)")
        case .rendering: Message("fortschritt", de: "Seiten erzeugen …", en: "rendering pages …")
        case .waiting:
            Message("fortschritt", de: "warte auf einen anderen Build in denselben Ausgabeordner …",
                    en: "waiting for another build into the same output folder …")
        case .finishing(let files): Message("fortschritt", de: "\(files) Dateien fertigstellen …", en: "finishing \(files) files …")
        }
    }

    /// A stage of the build as `--verbose` names it (`load`, `parse`, …).
    public static func stage(_ name: String) -> Message {
        let german = ["load": "lesen", "parse": "einlesen", "link": "verknüpfen", "pictures": "Bilder",
                      "render": "erzeugen", "write": "schreiben", "state": "merken"][name] ?? name
        return Message("schritt", de: german, en: name)
    }

    // MARK: serve

    public static func previewRunning(_ url: String) -> Message {
        Message("vorschau-laeuft", de: "Vorschau: \(url)  (Strg-C beendet)", en: "Preview: \(url)  (Ctrl-C stops)")
    }

    public static var previewStopped: Message {
        Message("vorschau-beendet", de: "Vorschau beendet.", en: "Preview stopped.")
    }

    public static func previewBuilt(items: Int, files: Int, milliseconds: Int) -> Message {
        Message("vorschau-gebaut",
                de: "gebaut: \(items) Einträge, \(files) Dateien in \(milliseconds) ms",
                en: "built: \(items) items, \(files) files in \(milliseconds) ms")
    }

    public static var previewPortTaken: Message {
        Message("vorschau-port-belegt",
                de: "Die Vorschau kann hier nicht starten: der Port ist belegt oder die Adresse gehört nicht zu diesem Rechner; versuchen Sie --port 8081",
                en: "cannot listen there: the port is taken or the address is not this machine's")
    }

    public static func previewCannotWatch(_ reason: String) -> Message {
        Message("vorschau-beobachtet-nicht",
                de: "Die Dateien lassen sich nicht auf Änderungen beobachten: \(reason)",
                en: "cannot watch the files for changes: \(reason)")
    }

    public static var previewWrongHost: Message {
        Message("vorschau-fremder-host",
                de: "Diese Vorschau antwortet nur unter localhost oder der Adresse, die bei --host angegeben ist.",
                en: "This preview answers only at localhost or the address given with --host.")
    }

    public static var previewNotFound: Message {
        Message("vorschau-nicht-gefunden", de: "Nicht gefunden", en: "Not found")
    }

    /// The overlay's heading and lead.
    public static func overlayLead(errors: Int) -> Message {
        Message("vorschau-fehlerseite",
                de: (errors == 1 ? "Ein Fehler" : "\(errors) Fehler") + " im Inhalt. Sobald die Datei korrigiert und gespeichert ist, lädt diese Seite neu.",
                en: (errors == 1 ? "One error" : "\(errors) errors") + " in the content. This page reloads as soon as the file is corrected and saved.")
    }

    public static var overlayTitle: Message {
        Message("vorschau-fehlerseite-titel", de: "Die Website hat Fehler", en: "The site has errors")
    }

    public static var overlayHelpLink: Message {
        Message("vorschau-hilfe", de: "Was tun?", en: "What to do?")
    }
}
