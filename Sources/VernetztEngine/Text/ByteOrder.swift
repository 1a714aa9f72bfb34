import Glibc

/// Orders strings by their UTF-8 bytes: the same on every machine and in every locale, and a
/// `memcmp` rather than `String`'s Unicode-aware comparison — sites sort tens of thousands of
/// paths and file names.
package enum ByteOrder {
    package static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
