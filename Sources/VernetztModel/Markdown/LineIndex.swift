import Glibc
import VernetztEngine

/// Where each line of a text starts, found once, to turn cmark's byte columns into the
/// character columns editors see.
struct LineIndex {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ text: Substring) {
        var text = text
        bytes = text.withUTF8 { Array($0) }  // one copy of contiguous bytes, not element by element
        starts.reserveCapacity(bytes.count / 40)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                // memchr finds line ends many bytes at a time.
                guard let found = memchr(buffer.baseAddress! + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) else { break }
                offset = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
    }

    func characterColumn(byteColumn: Int, line: Int) -> Int {
        guard line >= 1, line <= starts.count else { return byteColumn }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        let prefix = bytes[start..<max(start, end)]
        guard prefix.contains(where: { $0 >= 0x80 }) else { return byteColumn }
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
