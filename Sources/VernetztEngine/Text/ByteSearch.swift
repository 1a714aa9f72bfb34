import Foundation

/// Finding bytes in bytes: `memchr` to the needle's first byte, then a comparison.
package enum ByteSearch {
    /// Where `needle` next occurs in `haystack` at or after `start`.
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            var index = start
            while index + needle.count <= hay.count,
                  let hit = memchr(hay.baseAddress! + index, Int32(first), hay.count - index - needle.count + 1) {
                index = UnsafeRawPointer(hay.baseAddress!).distance(to: UnsafeRawPointer(hit))
                if hay[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}
