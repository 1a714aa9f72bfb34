/// Control characters have no place in a path or an address: a NUL cuts the file name the
/// system sees (`/index.html\0.html` overwrites the home page), others hide in logs and
/// browsers. Also white space, which no URL or path of a site holds unescaped.
package enum ControlCharacters {
    /// How to name the first such character of `text` in a message, or nil when there is none.
    /// `allowingSpaces`: for names that may hold a space (file names, old paths, images).
    package static func first(in text: some StringProtocol, allowingSpaces: Bool = false) -> Message.Forbidden? {
        for scalar in text.unicodeScalars where isForbidden(scalar) && !(allowingSpaces && scalar == " ") {
            switch scalar.value {
            case 0x00: return .nul
            case 0x09: return .tab
            case 0x0A, 0x0D: return .lineBreak
            case 0x20: return .space
            default: return .control(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))
            }
        }
        return nil
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
