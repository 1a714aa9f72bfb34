import Foundation

/// The readable text of an HTML page, for "does the reader see this sentence" checks:
/// tags dropped, entities decoded, quotation marks and editorial brackets removed, spaces folded.
enum PageText {
    static func of(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        return normalize(HTMLPage.unescape(text))
    }

    static func normalize(_ text: String) -> String {
        let dropped = CharacterSet(charactersIn: "„“”\"«»[]\\…")
        let kept = text.unicodeScalars.filter { !dropped.contains($0) }
        var folded = String(String.UnicodeScalarView(kept))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        // A tag boundary before punctuation (`<a>Voigt</a>.`) leaves a space a reader never sees.
        for mark in [".", ",", ";", ":", "!", "?", ")"] {
            folded = folded.replacingOccurrences(of: " " + mark, with: mark)
        }
        return folded
    }
}
