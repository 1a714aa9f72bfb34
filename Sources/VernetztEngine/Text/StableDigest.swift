/// A 64-bit FNV-1a digest that is the same in every process (Swift's `Hasher` is seeded anew
/// per process): for what a build remembers in its output for the next one. Not cryptographic.
package struct StableDigest {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var hash = value
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            value = hash
        }
        add(UInt64(bytes.count))
    }

    package mutating func add(_ number: UInt64) {
        var hash = value
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = (hash ^ ((number >> UInt64(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    package static func of(_ bytes: [UInt8]) -> UInt64 {
        var digest = StableDigest()
        digest.add(bytes)
        return digest.value
    }
}
