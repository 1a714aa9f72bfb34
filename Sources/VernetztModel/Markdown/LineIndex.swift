import VernetztEngine

/// Where each line of a text starts, to turn cmark's byte columns into the character columns
/// editors see. Line ends are found only as far as a position is asked for (positions come in
/// document order, and most bodies need only a few), on the text's own bytes, not a copy.
final class LineIndex {
    private let text: ArraySlice<UInt8>
    private var starts: [Int] = [0]
    /// Bytes before this offset have had their line ends recorded.
    private var scanned = 0

    init(_ text: ArraySlice<UInt8>) {
        self.text = text
    }

    func characterColumn(byteColumn: Int, line: Int) -> Int {
        guard line >= 1 else { return byteColumn }
        return text.withUnsafeBufferPointer { bytes -> Int in
            findStarts(through: line, in: bytes)
            guard line <= starts.count else { return byteColumn }
            let start = starts[line - 1]
            let prefix = UnsafeBufferPointer(rebasing: bytes[start..<max(start, min(start + byteColumn - 1, bytes.count))])
            return (Self.scalarCountIfCharacters(prefix) ?? String(decoding: prefix, as: UTF8.self).count) + 1
        }
    }

    /// The number of scalars in `bytes` when every scalar is a character of its own, so that
    /// counting scalars counts characters: text below U+0300 (Latin letters with their accents
    /// precomposed, as German is written) and the dashes, quotes and currency signs of
    /// U+2010…U+20BF. Nil wherever combining marks, joiners or emoji could make one character
    /// of several scalars. One pass, eight ASCII bytes at a time: links sit late in long lines.
    static func scalarCountIfCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return 0 }
        var index = 0
        var scalars = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                scalars += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xCC {
                index += 2  // U+0080…U+02FF; the text is checked UTF-8, so the next byte continues it
            } else if lead == 0xE2, index + 2 < bytes.count,
                      (bytes[index + 1] == 0x80 && bytes[index + 2] >= 0x90) || bytes[index + 1] == 0x82 {
                index += 3
            } else {
                return nil
            }
            scalars += 1
        }
        // A column inside a sequence (cmark never gives one) counts the sequence as begun.
        return scalars
    }

    private func findStarts(through line: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, starts.count < line else { return }
        // Eight bytes at a time: a line is some dozens of bytes, too short for memchr to pay
        // for its call. A zero byte of `word ^ newlines` is a line end. Locals, not the stored
        // properties, in the loop: each access to those is checked for exclusivity.
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var found = starts
        starts = []
        var at = scanned
        while found.count < line, at < bytes.count {
            if at + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self) ^ newlines
                let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if zeros == 0 {
                    at += 8
                    continue
                }
                // The lowest flagged byte is exact (flags above it may be false): the first line end.
                at += zeros.trailingZeroBitCount / 8 + 1
            } else {
                let isEnd = base[at] == UInt8(ascii: "\n")
                at += 1
                guard isEnd else { continue }
            }
            found.append(at)
        }
        starts = found
        scanned = at
    }
}
