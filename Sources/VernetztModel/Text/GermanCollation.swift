import Foundation
import VernetztEngine

/// Sorting as a German reader expects (DIN 5007-1): Ä sorts with A, ß as ss, case ignored at first.
public enum GermanCollation {
    /// A key whose plain `<` order is the German order; ties broken by the original text.
    public static func key(_ text: String) -> String {
        keyOnBytes(text) ?? generalKey(text)
    }

    /// The key of ASCII text with German letters, made on bytes (every list sorts thousands of
    /// titles); nil for any other non-ASCII text.
    static func keyOnBytes(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x41...0x5A: out.append(byte + 32)
            case 0x00..<0x80: out.append(byte)
            case 0xC3:
                switch GermanLetter(afterC3: utf8.next()) {
                case .umlaut(let base): out.append(base)
                case .sharpS: out += [UInt8(ascii: "s"), UInt8(ascii: "s")]
                case nil: return nil
                }
            default:
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Any text, scalar by scalar.
    static func generalKey(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ä", "Ä": out.append("a")
            case "ö", "Ö": out.append("o")
            case "ü", "Ü": out.append("u")
            case "ß", "ẞ": out.append("ss")
            default:
                if scalar.isASCII {
                    out.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
                } else {
                    out.append(String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
                }
            }
        }
        return out
    }

    public static func precedes(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka != kb ? ka < kb : a < b
    }
}
