import Foundation

/// German-aware URL slugs: ä→ae, ö→oe, ü→ue, ß→ss, lowercase ASCII letters and digits, hyphens between words.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            for piece in transliterate(scalar) {
                if piece.isASCII, let ascii = Character(piece).asciiValue,
                   (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) {
                    if pendingHyphen && !out.isEmpty { out.append("-") }
                    pendingHyphen = false
                    out.unicodeScalars.append(piece)
                } else {
                    pendingHyphen = true
                }
            }
        }
        return out
    }

    /// One scalar as lowercase ASCII; German letters spelled out, other accents dropped.
    private static func transliterate(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar {
        case "ä", "Ä": return ["a", "e"]
        case "ö", "Ö": return ["o", "e"]
        case "ü", "Ü": return ["u", "e"]
        case "ß", "ẞ": return ["s", "s"]
        default:
            if scalar.isASCII {
                return String(scalar).lowercased().unicodeScalars.map { $0 }
            }
            // é → e, ç → c, … ; letters without an ASCII base become separators.
            let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            return folded.unicodeScalars.filter(\.isASCII).map { $0 }
        }
    }
}
