/// A double-quoted string as JSON and YAML both read it: `\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\uXXXX` for other control characters and for whatever else the caller names.
enum QuotedString {
    static func quoted(_ text: String, alsoEscaping extra: (Unicode.Scalar) -> Bool) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || extra(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
