import Foundation

/// German-aware URL slugs: ä→ae, ö→oe, ü→ue, ß→ss, lowercase ASCII letters and digits, hyphens between words.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
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

    /// The common case without a single non-ASCII byte, done on bytes.
    private static func makeASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
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
