import Foundation
import VernetztEngine

/// German-aware URL slugs: ä→ae, ö→oe, ü→ue, ß→ss, lowercase ASCII letters and digits, hyphens between words.
public enum Slug {
    public static func make(_ text: String) -> String {
        makeOnBytes(text) ?? makeGeneral(text)
    }

    /// Any text, scalar by scalar (the byte path below gives the same for the text it takes),
    /// composed first: a file name from macOS may spell „ü“ as „u“ and a combining mark.
    static func makeGeneral(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in UnicodeComposition.composed(text).unicodeScalars {
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

    /// The common case, done on bytes: ASCII and the German letters (ä ö ü ß and capitals),
    /// nil for any other non-ASCII text.
    static func makeOnBytes(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var pendingHyphen = false
        // One byte at a time: a variadic list would be an array made for every letter.
        func keep(_ byte: UInt8) {
            if pendingHyphen && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            out.append(byte)
        }
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: keep(byte)
            case 0x41...0x5A: keep(byte + 32)
            case 0x00..<0x80: pendingHyphen = true
            case 0xC3:
                switch GermanLetter(afterC3: utf8.next()) {
                case .umlaut(let base): keep(base); out.append(UInt8(ascii: "e"))
                case .sharpS: keep(UInt8(ascii: "s")); out.append(UInt8(ascii: "s"))
                case nil: return nil
                }
            default:
                return nil
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
