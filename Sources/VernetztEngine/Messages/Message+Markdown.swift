/// The Markdown text of a page: links, pictures, raw HTML, tables.
extension Message {
    public static func tableTooWide(_ most: Int) -> Message {
        Message("tabelle-zu-breit",
                de: "Eine Tabellenzeile mit mehr als \(most) Zellen („|“): teilen Sie die Tabelle",
                en: "a table row with more than \(most) cells ('|'): split the table")
    }

    public static func linkScheme(_ scheme: String) -> Message {
        Message("link-schema",
                de: "Links mit \(scheme) sind nicht erlaubt: sie führen im Browser der Leser Programmcode aus",
                en: "\(scheme) links are not allowed: they run code in the reader's browser")
    }

    public static var iframe: Message {
        Message("iframe",
                de: "Ein <iframe> wird nicht veröffentlicht (es lüde bei jedem Leser die Seite des Anbieters): schreiben Sie die Adresse des Videos oder der Karte allein in eine Zeile, vernetzt zeigt sie nach einem Klick",
                en: "an <iframe> is not published (it would load the provider's page for every reader): put the video's or map's address alone on a line, vernetzt shows it after one click")
    }

    /// Raw HTML in a line with `raw_html` off: `tag` as written (`<b>`).
    public static func rawHTMLOff(_ tag: String) -> Message {
        Message("html-aus",
                de: "HTML im Text ist ausgeschaltet: „\(tag)“ fällt weg, der Text daneben bleibt — schreiben Sie Markdown (**fett**, *kursiv*), oder erlauben Sie HTML mit raw_html: true in site.yml",
                en: "raw HTML is off: '\(tag)' is dropped, the text beside it stays — write Markdown (**bold**, *italic*), or allow HTML with raw_html: true in site.yml")
    }

    /// A block of raw HTML with `raw_html` off: it goes with its text.
    public static func rawHTMLBlockOff(_ tag: String) -> Message {
        Message("html-block-aus",
                de: "HTML im Text ist ausgeschaltet: der Block „\(tag)“ fällt samt seinem Text weg — schreiben Sie Markdown, oder erlauben Sie HTML mit raw_html: true in site.yml",
                en: "raw HTML is off: the block '\(tag)' is dropped with its text — write Markdown, or allow HTML with raw_html: true in site.yml")
    }

    public static func footnoteNeverReferred(_ label: String) -> Message {
        Message("fussnote-ohne-verweis",
                de: "Die Fußnote [^\(label)] wird im Text nirgends genannt und erscheint deshalb nicht: setzen Sie [^\(label)] an die Stelle, zu der sie gehört",
                en: "footnote [^\(label)] is never referred to in the text, so it does not appear: put [^\(label)] where it belongs")
    }

    public static func footnoteMissing(_ label: String) -> Message {
        Message("fussnote-fehlt",
                de: "Zu [^\(label)] gibt es keine Fußnote, so steht es als Text da: schreiben Sie unter den Text eine Zeile „[^\(label)]: …“",
                en: "there is no footnote [^\(label)], so it shows as text: add a line '[^\(label)]: …' below the text")
    }

    public static func rawHTMLRemoved(_ parts: String) -> Message {
        Message("html-entfernt",
                de: "HTML: \(parts) entfernt (Skripte, Frames, Formulare, Styles und Event-Handler werden nie veröffentlicht)",
                en: "raw HTML: \(parts) removed (scripts, frames, forms, styles and event handlers are never published)")
    }

    public static func imageScheme(_ scheme: String) -> Message {
        Message("bild-schema",
                de: "Bilder mit \(scheme) sind nicht erlaubt: legen Sie das Bild neben den Text",
                en: "\(scheme) images are not allowed: put the image beside the text instead")
    }

    public static var embedNotAlone: Message {
        Message("einbettung-nicht-allein",
                de: "Eine Einbettung ![](@…) muss allein in ihrem Absatz stehen (Leerzeile davor und danach)",
                en: "an embed ![](@…) must stand alone in its paragraph")
    }

    public static func headingOfLevelOne(_ text: String) -> Message {
        Message("ueberschrift-ebene-eins",
                de: "„# \(text)“ ist eine zweite Überschrift erster Ebene: die Seite hat ihren Titel schon als solche, und das Inhaltsverzeichnis zeigt nur Zwischenüberschriften; schreiben Sie ## \(text)",
                en: "'# \(text)' is a second heading of the first level: the page has its title as one already, and the table of contents shows only subheadings; write ## \(text)")
    }

    public static var imageWithoutAlt: Message {
        Message("bild-text-ohne-alt",
                de: "Bild ohne Alternativtext: beschreiben Sie es als ![was es zeigt](…)",
                en: "image without alt text: describe it as ![what it shows](…)")
    }
}
