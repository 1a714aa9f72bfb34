import VernetztEngine
import VernetztModel

/// Who writes which output file, so that two writers of one path are caught before writing —
/// and so is a file where another writer needs a folder (`sitemap.xml` and `sitemap.xml/index.html`).
package struct OutputPathRegistry: Sendable {
    private var owners: [String: Message.Phrase] = [:]
    /// Folders some claimed file lies in, with the owner of the first such file.
    private var folders: [String: Message.Phrase] = [:]
    /// Folders that belong wholly to one writer (`pagefind/`, a list's `seite/`): nothing else
    /// may go below them. Keyed by the folder's path without its last `/`.
    private var ownedFolders: [String: Message.Phrase] = [:]


    mutating func reserveFolder(_ folder: String, by owner: Message.Phrase) {
        let key = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if ownedFolders[key] == nil { ownedFolders[key] = owner }
    }

    mutating func reserve(_ file: String, by owner: Message.Phrase) {
        reserve(file, in: Self.folders(of: file), by: owner)
    }

    private mutating func reserve(_ file: String, in fileFolders: [String], by owner: Message.Phrase) {
        owners[file] = owner
        // Deepest first: a folder already known came with all the folders above it.
        for folder in fileFolders {
            guard folders[folder] == nil else { break }
            folders[folder] = owner
        }
    }

    /// Claims `file`; returns the earlier owner when it, or a file or folder in its way, was taken.
    mutating func claim(_ file: String, by owner: Message.Phrase) -> Message.Phrase? {
        if let existing = owners[file] ?? folders[file] ?? ownedFolders[file] { return existing }
        let fileFolders = Self.folders(of: file)
        for folder in fileFolders {
            if let existing = owners[folder] ?? ownedFolders[folder] { return existing }
        }
        reserve(file, in: fileFolders, by: owner)
        return nil
    }

    /// `a/b/index.html` → `a/b`, `a` (deepest first). Slashes are found on the bytes: searching
    /// a String goes character by character, for every file of the site.
    private static func folders(of file: String) -> [String] {
        var result: [String] = []
        var file = file
        file.withUTF8 { bytes in
            var end = bytes.count
            while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self))
                end = slash
            }
        }
        return result
    }
}
