/// Reads what `ArchiveWriter` wrote, from memory that may be damaged or cut short: every read
/// checks its bounds and throws `ArchiveReader.Damaged` rather than trap, so that a broken cache
/// file costs a clean build, never a crash.
/// The memory must outlive the reader (the caller holds the mapped file or the array).
package struct ArchiveReader {
    private let bytes: UnsafeRawBufferPointer
    package private(set) var offset: Int

    /// Nothing left to read, or a value that cannot be what was written.
    package struct Damaged: Error {
        package init() {}
    }

    package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var isAtEnd: Bool { offset >= bytes.count }

    package mutating func readUInt() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    package mutating func readInt() throws(Damaged) -> Int {
        let raw = try readUInt()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things that follow, each at least one byte long: more than the bytes left is damage.
    package mutating func readCount() throws(Damaged) -> Int {
        let count = try readUInt()
        guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(count)
    }

    package mutating func readBool() throws(Damaged) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func readDouble() throws(Damaged) -> Double { Double(bitPattern: try readUInt()) }

    package mutating func readString() throws(Damaged) -> String {
        let count = try readCount()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        offset += count
        return text
    }

    package mutating func readOptionalString() throws(Damaged) -> String? {
        try readBool() ? try readString() : nil
    }

    package mutating func readStrings() throws(Damaged) -> [String] {
        let count = try readCount()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try readString()) }
        return values
    }

    package mutating func readBytes() throws(Damaged) -> [UInt8] {
        let count = try readCount()
        let value = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        offset += count
        return value
    }
}
