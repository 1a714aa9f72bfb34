import Foundation

/// A 64-bit hash that comes out the same in every process, for what one build keeps on disk for
/// the next (Swift's `Hasher` is seeded anew per process, so its values mean nothing to another
/// run). MurmurHash3's mixing (xxHash64's lanes for long inputs); not cryptographic — it tells apart files
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
    /// `a` + `bc` differ). Long inputs (a file, a page, a body) go 32 bytes a step in four
    /// independent lanes (xxHash64's round): one chain of multiplications keeps the CPU waiting
    /// on each, four keep it busy.
    package mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        if bytes.count >= 64 {
            let prime1: UInt64 = 0x9E37_79B1_85EB_CA87, prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
            func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
                let mixed = lane &+ input &* prime2
                return ((mixed << 31) | (mixed >> 33)) &* prime1
            }
            var lanes = (state &+ prime1 &+ prime2, state &+ prime2, state, state &- prime1)
            while offset + 32 <= bytes.count {
                lanes.0 = round(lanes.0, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                lanes.1 = round(lanes.1, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                lanes.2 = round(lanes.2, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
                lanes.3 = round(lanes.3, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
                offset += 32
            }
            combine(lanes.0)
            combine(lanes.1)
            combine(lanes.2)
            combine(lanes.3)
        }
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
