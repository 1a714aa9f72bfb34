import Foundation
import VernetztEngine
import VernetztModel

/// `serve`'s last link result, and when it may stand for the next: the same settings, the same
/// files to copy, the same documents published and left out, each linking alike
/// (`Document.linkSignature`) — the usual
/// case while an editor writes text. Then the changed documents are put in and linking, which
/// reads every document of the site, is skipped.
struct LinkReuse {
    let site: Site
    let settings: Int
    let hidden: Int
    /// The paths of the files copied as they are, which the plan names.
    let copied: Int
    /// Document index by source path.
    let indexByPath: [String: Int]

    init(site: Site, settings: Int, hidden: [Document], sources: borrowing SiteSources) {
        self.site = site
        self.settings = settings
        self.hidden = Self.signature(of: hidden)
        copied = Self.signature(of: sources)
        indexByPath = Dictionary(uniqueKeysWithValues: site.documents.enumerated().map { ($1.path, $0) })
    }

    /// The last site with `published` in place of its documents, or nil when linking could
    /// come out differently.
    func site(for published: [Document], hidden: [Document], sources: borrowing SiteSources, settings: Int, now: Date) -> Site? {
        guard settings == self.settings, published.count == site.documents.count,
              Self.signature(of: hidden) == self.hidden, Self.signature(of: sources) == copied else { return nil }
        var next = site
        for document in published {
            guard let i = indexByPath[document.path], site.documents[i].linkSignature == document.linkSignature else { return nil }
            if site.documents[i].fingerprint != document.fingerprint {
                // Warnings point at lines, which moving text shifts: link anew to place them right.
                if site.warnings.contains(where: { $0.location.path == document.path }) { return nil }
                next.documents[i] = document
            }
        }
        next.now = now
        return next
    }

    private static func signature(of sources: borrowing SiteSources) -> Int {
        var hasher = Hasher()
        for file in sources.copiedFiles { hasher.combine(file.path) }
        return hasher.finalize()
    }

    private static func signature(of documents: [Document]) -> Int {
        var hasher = Hasher()
        for document in documents.sorted(by: { $0.path < $1.path }) {
            hasher.combine(document.path)
            hasher.combine(document.linkSignature)
        }
        return hasher.finalize()
    }
}
