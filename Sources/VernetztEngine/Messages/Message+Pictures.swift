/// Pictures: photos, logos, portraits, the favicon and the social cards.
extension Message {
    public static func notAPicture(_ raw: String) -> Message {
        Message("kein-bild",
                de: "„\(raw)“ ist kein Bild: nehmen Sie eine JPEG-, PNG-, WebP-, GIF-, TIFF-, HEIC- oder SVG-Datei",
                en: "'\(raw)' is not a picture: use a JPEG, PNG, WebP, GIF, TIFF, HEIC or SVG file")
    }

    public static func sitePictureMissing(_ path: String) -> Message {
        Message("bild-fehlt-static",
                de: "Das Bild „\(path)“ fehlt: in static/ gibt es keine solche Datei",
                en: "missing picture '\(path)': there is no such file in static/")
    }

    public static func pictureUnusable(_ name: String, reason: Message) -> Message {
        Message("bild-unbrauchbar",
                de: "Das Bild „\(name)“ lässt sich nicht verwenden: \(reason.german)",
                en: "picture '\(name)' cannot be used: \(reason.english)")
    }

    public static func noSocialCard(reason: Message) -> Message {
        Message("keine-vorschaukarte",
                de: "Keine Vorschaukarte für soziale Netze: \(reason.german)",
                en: "no social card: \(reason.english)")
    }

    // Reasons, shown after one of the two above.

    public static var libvipsMissing: Message {
        Message("libvips-fehlt",
                de: "libvips ist nicht installiert (unter Debian: apt-get install libvips42)",
                en: "libvips is not installed (on Debian: apt-get install libvips42)")
    }

    public static var pictureUnreadable: Message {
        Message("bild-unlesbar",
                de: "es ist kein Bild, das vernetzt lesen kann (JPEG, PNG, WebP, GIF, TIFF oder HEIC), oder es ist beschädigt",
                en: "it is not a picture vernetzt can read (JPEG, PNG, WebP, GIF, TIFF or HEIC), or it is damaged")
    }

    public static func pictureTooLarge(width: Int, height: Int, megapixels: Int) -> Message {
        Message("bild-zu-gross",
                de: "\(width)×\(height) Pixel sind mehr als \(megapixels) Megapixel: verkleinern Sie das Bild",
                en: "\(width)×\(height) pixels is more than \(megapixels) megapixels")
    }

    public static var pictureDamaged: Message {
        Message("bild-beschaedigt",
                de: "das Bild ist beschädigt: es lässt sich nicht dekodieren",
                en: "the picture is damaged: it cannot be decoded")
    }

    public static func pictureNotEncodable(_ format: String) -> Message {
        Message("bild-nicht-kodierbar",
                de: "das Bild lässt sich nicht als \(format) speichern",
                en: "the picture cannot be encoded as \(format)")
    }

    public static var cardNotDrawn: Message {
        Message("karte-nicht-gezeichnet",
                de: "die Karte lässt sich nicht zeichnen (sind Debians fonts-dejavu-core installiert?)",
                en: "the card cannot be drawn (are Debian's fonts-dejavu-core installed?)")
    }

    public static var pictureFileUnreadable: Message {
        Message("bilddatei-unlesbar", de: "die Datei lässt sich nicht lesen", en: "the file cannot be read")
    }

    public static func staticPictureKept(_ type: String) -> Message {
        Message("bild-static-format",
                de: "eine \(type)-Datei lässt sich nicht unverändert veröffentlichen (ihre Metadaten lassen sich nicht entfernen): wandeln Sie sie in JPEG um oder legen Sie sie neben eine Seite, um sie zu zeigen",
                en: "a \(type) file cannot be published as it is (its metadata cannot be taken out): convert it to JPEG, or put it beside a page to show it")
    }
}
