import Glibc
import VernetztEngine

/// Where each line of a text starts, to turn cmark's byte columns into the character columns
/// editors see. Line ends are found only as far as a position is asked for (positions come in
/// document order, and most bodies need only a few), on the text's own bytes, not a copy.
final class LineIndex {
    private let text: Substring
    private var starts: [Int] = [0]
    /// Bytes before this offset have had their line ends recorded.
    private var scanned = 0

    init(_ text: Substring) {
        self.text = text
    }

    func characterColumn(byteColumn: Int, line: Int) -> Int {
        guard line >= 1 else { return byteColumn }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            findStarts(through: line, in: bytes)
            guard line <= starts.count else { return byteColumn }
            let start = starts[line - 1]
            let prefix = UnsafeBufferPointer(rebasing: bytes[start..<max(start, min(start + byteColumn - 1, bytes.count))])
            guard prefix.contains(where: { $0 >= 0x80 }) else { return byteColumn }
            return (Self.scalarsAreCharacters(prefix) ? prefix.count { $0 & 0xC0 != 0x80 }
                                                       : String(decoding: prefix, as: UTF8.self).count) + 1
        } ?? byteColumn
    }

    /// Whether every scalar in `bytes` is a character of its own, so that counting scalars counts
    /// characters: true for text below U+0300 (Latin letters with their accents precomposed, as
    /// German is written) and for the dashes, quotes and currency signs of U+2010…U+20BF; false
    /// wherever combining marks, joiners or emoji could make one character of several scalars.
    static func scalarsAreCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0xCC {
                index += 1
            } else if lead == 0xE2, index + 2 < bytes.count,
                      (bytes[index + 1] == 0x80 && bytes[index + 2] >= 0x90) || bytes[index + 1] == 0x82 {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    private func findStarts(through line: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        // memchr finds line ends many bytes at a time.
        while starts.count < line, scanned < bytes.count,
              let found = memchr(base + scanned, Int32(UInt8(ascii: "\n")), bytes.count - scanned) {
            scanned = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(scanned)
        }
        if starts.count < line { scanned = bytes.count }
    }
}
