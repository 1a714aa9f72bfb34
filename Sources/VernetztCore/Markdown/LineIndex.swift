/// Where each line of a text starts, found once, to turn cmark's byte columns into the
/// character columns editors see.
struct LineIndex {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ text: Substring) {
        bytes = Array(text.utf8)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
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
