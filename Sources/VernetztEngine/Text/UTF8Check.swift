/// Checks UTF-8 the way `String(validating:)` does (Unicode's well-formed byte sequences: no
/// overlong forms, no surrogates, nothing above U+10FFFF), eight ASCII bytes at a time.
/// A Markdown body checked here stays bytes and is handed to cmark-gfm as they are; the
/// standard library checks byte by byte once a text holds a single umlaut, and a file's body
/// made into a String cost 4 % of the parse stage.
public enum UTF8Check {
    /// What one pass over a text found.
    public struct Outcome: Equatable {
        /// The offset of the first byte that is not part of a well-formed sequence, or nil.
        public var firstInvalid: Int?
        /// Whether the text holds a character from U+0300 on other than the common punctuation
        /// U+2002–U+20BF: only such a text can differ from its composed form (NFC), because
        /// everything below U+0300 is composed already and has no mark to combine with.
        public var mayNeedComposing = false
    }

    /// The offset of the first byte that is not part of a well-formed sequence, or nil.
    public static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        check(bytes).firstInvalid
    }

    /// Checks the UTF-8 and, in the same pass, notes whether composing it (NFC) could change it.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var outcome = Outcome()
        guard let base = bytes.baseAddress else { return outcome }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let high = word & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                // Little-endian: the lowest set bit belongs to the first byte that is not ASCII.
                index += high.trailingZeroBitCount / 8
            } else if base[index] < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(base, at: index, count: count) else {
                outcome.firstInvalid = index
                return outcome
            }
            if base[index] >= 0xCC, !isPunctuation(base, at: index) { outcome.mayNeedComposing = true }
            index += length
        }
        return outcome
    }

    /// U+2002–U+20BF (spaces, dashes, quotation marks, the euro sign), a well-formed sequence
    /// at `index`: common in German text, and composed as they stand. U+2000 and U+2001 are
    /// not: NFC replaces them.
    @inline(__always)
    private static func isPunctuation(_ base: UnsafePointer<UInt8>, at index: Int) -> Bool {
        guard base[index] == 0xE2 else { return false }
        switch base[index + 1] {
        case 0x80: return base[index + 2] >= 0x82
        case 0x81, 0x82: return true
        default: return false
        }
    }

    /// The length of the well-formed sequence starting with the byte at `index` (0x80 or more).
    @inline(__always)
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let lead = base[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && (low...high).contains(base[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }
}
