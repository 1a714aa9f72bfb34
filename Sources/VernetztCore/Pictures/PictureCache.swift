import Foundation
import VernetztEngine
import VernetztModel

/// The sizes made of pictures, kept on disk between builds (`<root>/.cache/bilder/`): a build
/// whose pictures did not change decodes none. An entry is named by its key — the source's
/// bytes, the recipe, the quality, the libvips version — and complete once its list
/// (`<key>.txt`) is written, which happens last. Which source bytes a file holds is remembered
/// by its size, time and inode (`quellen.txt`), so an unchanged photo is not even read.
final class PictureCache: Sendable {
    let folder: String
    /// Source path → (its stat signature, the digest of its bytes), from the last build.
    private let known: [String: (signature: String, digest: UInt64)]
    private let seen = Locked<[String: (signature: String, digest: UInt64)]>([:])
    private let used = Locked<Set<String>>([])

    private static let indexName = "quellen.txt"

    /// `folder`, or — when it cannot be written (a site on a read-only disk) — a folder of the
    /// system's temporary space named after it.
    init(folder: String) {
        let folder = Self.makeFolder(folder) && access(folder, W_OK) == 0 ? folder
            : NSTemporaryDirectory() + "vernetzt-bilder-" + String(StableDigest.of(Array(folder.utf8)), radix: 16)
        self.folder = folder
        var known: [String: (String, UInt64)] = [:]
        if let bytes = FileBytes.read(folder + "/" + Self.indexName) {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 2)
                guard parts.count == 3, let digest = UInt64(parts[1], radix: 16) else { continue }
                known[String(parts[2])] = (String(parts[0]), digest)
            }
        }
        self.known = known
    }

    /// One variant as the cache lists it.
    struct Entry: Sendable, Equatable {
        var name: String
        /// `webp`, `jpg`, `png` — or the extension of a published original (`gif`).
        var fileExtension: String
        var width: Int
        var height: Int

        var fileName: String { name + "." + fileExtension }
    }

    /// The digest of a source file's bytes, from the last build when its signature is the same;
    /// `read` gives the bytes otherwise (and they are returned, to spare a second read).
    func digest(of path: String, diskPath: String, read: () -> [UInt8]?) -> (digest: UInt64, bytes: [UInt8]?)? {
        let signature = Self.signature(of: diskPath)
        if let signature, let known = known[path], known.signature == signature {
            seen.withLock { $0[path] = known }
            return (known.digest, nil)
        }
        guard let bytes = read() else { return nil }
        let digest = StableDigest.of(bytes)
        if let signature { seen.withLock { $0[path] = (signature, digest) } }
        return (digest, bytes)
    }

    /// An entry's key: 16 hex digits of the source's digest (0 for a drawn card) and what is
    /// made of it — the same name for the same picture made the same way, in every build.
    static func key(digest: UInt64, _ recipe: String) -> String {
        var key = StableDigest()
        key.add(digest)
        key.add(Array(recipe.utf8))
        let hex = String(key.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The entry's variants when it is complete.
    func entries(_ key: String) -> [Entry]? {
        used.withLock { _ = $0.insert(key) }
        guard let bytes = FileBytes.read(folder + "/" + key + ".txt") else { return nil }
        var entries: [Entry] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 4, let width = Int(parts[2]), let height = Int(parts[3]) else { return nil }
            let entry = Entry(name: String(parts[0]), fileExtension: String(parts[1]), width: width, height: height)
            guard access(file(key, entry), R_OK) == 0 else { return nil }
            entries.append(entry)
        }
        return entries.isEmpty ? nil : entries
    }

    /// Keeps the variants under `key`; the list goes last, so a build stopped midway leaves no
    /// entry that looks complete.
    func store(_ key: String, _ variants: [(Entry, [UInt8])]) {
        used.withLock { _ = $0.insert(key) }
        guard Self.makeFolder(folder) else { return }
        for (entry, bytes) in variants {
            guard Self.write(bytes, to: file(key, entry)) else { return }
        }
        let list = variants.map { "\($0.0.name) \($0.0.fileExtension) \($0.0.width) \($0.0.height)\n" }.joined()
        _ = Self.write(Array(list.utf8), to: folder + "/" + key + ".txt")
    }

    func file(_ key: String, _ entry: Entry) -> String {
        folder + "/" + key + "-" + entry.fileName
    }

    /// Writes what this build learnt about its sources, and removes the entries no picture of
    /// this build used.
    func finish() {
        let seen = seen.withLock { $0 }
        guard !seen.isEmpty || !known.isEmpty, Self.makeFolder(folder) else { return }
        let index = seen.keys.sorted().map { "\(seen[$0]!.signature)\t\(String(seen[$0]!.digest, radix: 16))\t\($0)\n" }.joined()
        _ = Self.write(Array(index.utf8), to: folder + "/" + Self.indexName)
        let used = used.withLock { $0 }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name != Self.indexName {
            let key = name.split(separator: "-").first.map { String($0.split(separator: ".")[0]) } ?? name
            if !used.contains(key) { unlink(folder + "/" + name) }
        }
    }

    private static func signature(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
    }

    private static func makeFolder(_ path: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
    }

    /// Written beside and renamed: a reader never sees half a file.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = path + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
