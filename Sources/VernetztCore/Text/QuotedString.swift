/// A double-quoted string as JSON and YAML both read it: `\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\uXXXX` for other control characters and for whatever else the caller names.
enum QuotedString {
    static func quoted(_ text: String, alsoEscaping extra: (Unicode.Scalar) -> Bool) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        let scalars = text.unicodeScalars
        // Runs that need no escaping (nearly all text) are copied whole.
        var runStart = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let replacement: String?
            switch scalar {
            case "\"": replacement = "\\\""
            case "\\": replacement = "\\\\"
            case "\n": replacement = "\\n"
            case "\r": replacement = "\\r"
            case "\t": replacement = "\\t"
            default:
                if scalar.value < 0x20 || extra(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    replacement = nil
                }
            }
            let next = scalars.index(after: index)
            if let replacement {
                out.unicodeScalars.append(contentsOf: scalars[runStart..<index])
                out += replacement
                runStart = next
            }
            index = next
        }
        out.unicodeScalars.append(contentsOf: scalars[runStart...])
        return out + "\""
    }
}
