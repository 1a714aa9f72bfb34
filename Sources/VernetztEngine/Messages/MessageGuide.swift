/// The guide's section on messages (`docs/redaktion.md`, between its two marker lines), made
/// from the catalogue: each message under a heading its id makes, with an example as the
/// terminal prints it and what to do.
public enum MessageGuide {
    public static let beginMarker = "<!-- meldungen:anfang (erzeugt aus MessageCatalogue.swift; nicht von Hand ändern) -->"
    public static let endMarker = "<!-- meldungen:ende -->"

    /// The heading id of a message's section, in the guide on GitHub and in the preview.
    public static func anchor(of id: String) -> String { "meldung-\(id)" }

    public static func markdown() -> String {
        var text = """
            Jede Meldung nennt Datei, Zeile und Spalte (`content/blog/x.md:4:12:`), dann
            „Fehler“ (nichts wurde geschrieben) oder „Warnung“ (die Website wurde gebaut), dann was
            nicht stimmt und was zu tun ist. Die Vorschau (`vernetzt serve`) verlinkt jede Meldung
            mit ihrem Abschnitt hier. Mit `--lang en` oder `VERNETZT_LANG=en` spricht vernetzt Englisch.

            """
        for section in MessageCatalogue.Section.allCases {
            let entries = MessageCatalogue.entries.filter { $0.section == section }
            text += "\n### \(section.rawValue)\n"
            for entry in entries {
                text += "\n#### Meldung \(entry.example.id)\n\n"
                let lead = entry.severity.map { "\($0.word(in: .german)): " } ?? ""
                text += "```text\n\(lead)\(entry.example.german.trimmingSuffixNewlines)\n```\n"
                if let fix = entry.fix { text += "\n\(fix)\n" }
            }
        }
        return text
    }
}

private extension String {
    var trimmingSuffixNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
