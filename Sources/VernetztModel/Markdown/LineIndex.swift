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
            return String(decoding: prefix, as: UTF8.self).count + 1
        } ?? byteColumn
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
