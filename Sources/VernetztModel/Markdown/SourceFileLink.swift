import Foundation
import VernetztEngine

/// A link to another content file by its path, as editors' tools write it and GitHub follows
/// it: `[Konvoi](../angebote/konvoi-begleitung.md#ablauf)` in `content/blog/x.md`. It means
/// that item, so it is read as the item's `@` link — checked, and rewritten to the page's
/// address, like one (and like MkDocs and Docusaurus read such links).
enum SourceFileLink: Equatable {
    /// `@folder/id`, with the `#fragment` if one was written.
    case item(String)
    /// A `.md` file that is no item's (outside `content/`, in deeper folders), by its path
    /// from the site's folder; nil when the path leaves that folder.
    case noItem(String?)

    /// What `target` means from the content file at `path` when it is a relative link to a
    /// `.md` file; nil for every other link, which stays a path in the built site.
    /// `homeFolder`: the home page's kind's folder, whose item `index` is `content/index.md`.
    init?(_ target: String, from path: String, homeFolder: String?) {
        // Every link of every page passes here: the `.md` ending is looked for on the bytes first.
        let bytes = target.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? bytes.endIndex
        let ending = ".md".utf8
        let written = bytes[..<end]
        guard written.count > ending.count, written.suffix(ending.count).elementsEqual(ending), bytes.first != UInt8(ascii: "/"),
              end == bytes.endIndex || bytes[end] == UInt8(ascii: "#"), MarkdownParser.isLocal(target) else { return nil }
        let file = String(target[..<end]).removingPercentEncoding ?? String(target[..<end])
        guard let segments = PathSegments.resolved(path.split(separator: "/").dropLast() + file.split(separator: "/", omittingEmptySubsequences: false)) else {
            self = .noItem(nil)
            return
        }
        let hash = end == bytes.endIndex ? "" : String(target[end...])
        let fragment = hash == "#" ? "" : hash
        let resolved = segments.joined(separator: "/")
        if let homeFolder, resolved == DocumentParser.homePath {
            self = .item("@" + homeFolder + "/index" + fragment)
            return
        }
        guard let (folder, id) = DocumentParser.folderAndID(of: segments), !id.isEmpty else {
            self = .noItem(resolved)
            return
        }
        self = .item("@" + folder + "/" + id + fragment)
    }
}
