import VernetztEngine

/// The German letters outside ASCII as UTF-8 writes them: ä ö ü ß and the capital umlauts, each
/// `0xC3` and one more byte. The byte paths of slugs and sort keys read them here, so both take
/// the same letters (anything else goes to their scalar paths).
enum GermanLetter {
    /// ä, ö, ü in either case, with its base letter (`a`, `o`, `u`).
    case umlaut(base: UInt8)
    case sharpS

    /// The letter whose second UTF-8 byte (after `0xC3`) is `second`; nil for any other.
    init?(afterC3 second: UInt8?) {
        switch second {
        case 0xA4, 0x84: self = .umlaut(base: UInt8(ascii: "a"))
        case 0xB6, 0x96: self = .umlaut(base: UInt8(ascii: "o"))
        case 0xBC, 0x9C: self = .umlaut(base: UInt8(ascii: "u"))
        case 0x9F: self = .sharpS
        default: return nil
        }
    }
}
