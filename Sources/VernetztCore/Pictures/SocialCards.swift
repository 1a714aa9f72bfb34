import Foundation
import VernetztEngine
import VernetztModel

/// The `og:image` of pages without a photo of their own: a card drawn with the site's name,
/// the page's title and its kind. Drawn for what is shared — every item without a date
/// (formats, partners, people, pages, …) and the newest items of each dated kind, as many as
/// its feed holds — and one card of the site for the home page, lists and older items: a site
/// of 10,000 posts draws a few dozen cards, not 10,000. Kept in the picture cache by their
/// text, so a card is drawn once.
struct SocialCards {
    let site: Site
    let cache: PictureCache

    struct Outcome {
        var cards: [Int: ProcessedPicture.Size] = [:]
        var siteCard: ProcessedPicture.Size?
        var written: [(String, String)] = []
        var warnings: [Diagnostic] = []
        var drawn = 0
    }

    /// Increase when the drawing changes: part of every card's key.
    static let version = 1

    /// The documents that get a card of their own.
    func drawnFor(hasOwnPicture: (Int) -> Bool) -> [Int] {
        var chosen: [Int] = []
        var dated: [ContentKind: [Int]] = [:]
        for (i, document) in site.documents.enumerated() where !document.isHome && !hasOwnPicture(i) {
            if document.date == nil { chosen.append(i) } else { dated[document.kind, default: []].append(i) }
        }
        for (_, members) in dated.sorted(by: { $0.key.index < $1.key.index }) {
            let newest = members.sorted { (site.documents[$0].date!, $1) > (site.documents[$1].date!, $0) }
            chosen += newest.prefix(site.config.feedSize)
        }
        return chosen.sorted()
    }

    func run(hasOwnPicture: (Int) -> Bool) -> Outcome {
        let siteName = URLComponents(string: site.config.baseURL)?.host ?? site.config.title
        var jobs: [(document: Int?, title: String, kind: String)] = [(nil, site.config.title, site.config.description ?? "")]
        jobs += drawnFor(hasOwnPicture: hasOwnPicture).map { ($0, site.documents[$0].displayTitle, site.documents[$0].kind.singularTitle) }
        let drawn = Locked(0)
        let results = Parallel.map(jobs) { job -> Result<(ProcessedPicture.Size, (String, String)), PictureCodec.Failure> in
            let key = PictureCache.key(digest: 0, "\(siteName)\u{0}\(job.title)\u{0}\(job.kind)\u{0}card/\(Self.version)/\(PictureCodec.libraryVersion)")
            let entry = PictureCache.Entry(name: "karte", fileExtension: "jpg", width: 1200, height: 630)
            if cache.entries(key) == nil {
                do throws(PictureCodec.Failure) {
                    cache.store(key, [(entry, try PictureCodec.card(site: siteName, title: job.title, kind: job.kind))])
                    drawn.withLock { $0 += 1 }
                } catch {
                    return .failure(error)
                }
            }
            let path = PictureStage.folder + key + "-" + entry.fileName
            return .success((ProcessedPicture.Size(url: site.config.basePath + path, width: 1200, height: 630), (path, cache.file(key, entry))))
        }
        var outcome = Outcome()
        for (job, result) in zip(jobs, results) {
            switch result {
            case .success(let (size, file)):
                if let i = job.document { outcome.cards[i] = size } else { outcome.siteCard = size }
                outcome.written.append(file)
            case .failure(let failure):
                let path = job.document.map { site.documents[$0].path } ?? SiteConfig.path
                outcome.warnings.append(.warning(SourceLocation(path: path), .noSocialCard(reason: failure.reason)))
            }
        }
        outcome.drawn = drawn.withLock { $0 }
        return outcome
    }
}
