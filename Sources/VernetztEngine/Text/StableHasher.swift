import Foundation

/// A 64-bit hash that comes out the same in every process, for what one build keeps on disk for
/// the next (Swift's `Hasher` is seeded anew per process, so its values mean nothing to another
/// run). Eight bytes a step, MurmurHash3's mixing; not cryptographic — it tells apart files
/// and pages, it does not defend against someone making collisions on purpose.
package struct StableHasher {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var count: UInt64 = 0

    package init() {}

    package mutating func combine(_ value: UInt64) {
        var word = value &* 0x87C3_7B91_1142_53D5
        word = (word << 31) | (word >> 33)
        word &*= 0x4CF5_AD43_2745_937F
        state ^= word
        state = ((state << 27) | (state >> 37)) &* 5 &+ 0x52DC_E729
        count &+= 1
    }

    package mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    package mutating func combine(_ value: Bool) { combine(value ? 1 as UInt64 : 2) }

    package mutating func combine(_ value: Date) { combine(value.timeIntervalSinceReferenceDate.bitPattern) }

    package mutating func combine(_ value: String) {
        var text = value
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ value: Substring) {
        var text = value
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ value: String?) {
        if let value { combine(value) } else { combine(0x6E69_6C00 as UInt64) }
    }

    package mutating func combine(_ values: [String]) {
        combine(values.count)
        for value in values { combine(value) }
    }

    package mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    /// The bytes eight at a time, the rest padded, then their number (so that `ab` + `c` and
    /// `a` + `bc` differ).
    package mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(tail)
        combine(UInt64(bytes.count))
    }

    /// The hash, mixed once more so that every input bit reaches every output bit.
    package func finalize() -> Int {
        var hash = state ^ count
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int(Int64(bitPattern: hash))
    }
}
