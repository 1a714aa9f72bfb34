/// Writes values as compact bytes for what a build keeps on disk for the next one: numbers as
/// variable-length integers, texts and byte strings with their length first. `ArchiveReader`
/// reads them back in the same order.
package struct ArchiveWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Signed numbers zig-zagged, so that small negative ones stay short.
    package mutating func write(_ value: Int) {
        let number = Int64(value)
        write(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
    }

    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func write(_ value: Double) { write(value.bitPattern) }

    package mutating func write(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    package mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }

    package mutating func write(bytes value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Hands what was written to `sink` once it is at least `threshold` bytes, and starts
    /// again in the same memory: a long archive goes to its file in pieces, never whole.
    package mutating func spill(atLeast threshold: Int, to sink: (UnsafeRawBufferPointer) -> Void) {
        guard bytes.count >= threshold else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }
}
