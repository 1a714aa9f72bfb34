import Foundation

/// Text in Unicode's composed form (NFC): „ü“ as one character, not „u“ followed by a combining
/// diaeresis, as macOS file names and text copied from PDFs or some word processors have it.
/// Both look the same, but slugs, heading ids, tags, sorting and comparisons would tell them
/// apart (`Über` would give two tag pages, `ueber` and `uber`), and HTML should be composed.
package enum UnicodeComposition {
    /// `bytes` composed, or as they are when composing changes nothing. Called only for text
    /// that `UTF8Check` found could need it.
    static func composed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let text = String(decoding: bytes, as: UTF8.self)
        let composed = text.precomposedStringWithCanonicalMapping
        guard !composed.utf8.elementsEqual(bytes) else { return bytes }
        return Array(composed.utf8)[...]
    }

    /// `text` composed (NFC); ASCII, nearly every path, is passed without asking Foundation.
    package static func composed(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Names that are the same text composed differently: Swift takes them as equal, a file
    /// system as two files — the one from a Mac's disk, the other typed or copied elsewhere.
    package static func differOnlyInComposition(_ a: String, _ b: String) -> Bool {
        a == b && !a.utf8.elementsEqual(b.utf8)
    }
}
