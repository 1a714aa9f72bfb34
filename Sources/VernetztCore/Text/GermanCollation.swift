import Foundation

/// Sorting as a German reader expects (DIN 5007-1): Ä sorts with A, ß as ss, case ignored at first.
public enum GermanCollation {
    /// A key whose plain `<` order is the German order; ties broken by the original text.
    public static func key(_ text: String) -> String {
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
