import VernetztEngine
import VernetztModel

/// Writes iCalendar content lines (RFC 5545): TEXT values escaped, lines folded at 75 octets
/// without splitting a UTF-8 character, every line ended with CRLF.
struct ICSWriter {
    private(set) var output = ""

    /// A property whose value is already in its iCalendar form (dates, URIs, numbers).
    mutating func raw(_ name: String, _ value: String) {
        output += Self.fold("\(name):\(value)")
    }

    /// A TEXT property: backslash, semicolon, comma and line breaks escaped.
    mutating func text(_ name: String, _ value: String) {
        raw(name, Self.escape(value))
    }

    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT; they become spaces.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// Undoes folding: every CRLF followed by one space or tab goes (RFC 5545, 3.1).
    static func unfold(_ octets: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(octets.count)
        var index = 0
        while index < octets.count {
            if index + 2 < octets.count, octets[index] == 13, octets[index + 1] == 10,
               octets[index + 2] == 32 || octets[index + 2] == 9 {
                index += 3
                continue
            }
            out.append(octets[index])
            index += 1
        }
        return out
    }

    /// One content line, folded: no physical line longer than 75 octets, continuation lines
    /// start with a space, and a multi-byte character is never cut.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out + "\r\n"
    }
}
