import Foundation
import VernetztEngine
import VernetztModel

/// The picture stage, between linking and rendering: finds every picture the site shows (image
/// fields, pictures in bodies, the logos and favicon of `site.yml`), makes the sizes each use
/// needs — in parallel, from the cache where it can — and reports every picture that cannot be
/// used at the line that names it. Nothing is written to the output here: the stage lists the
/// files (`written`) for the build to put in its staging folder.
struct PictureStage {
    let site: Site
    let sources: SiteSources
    let cache: PictureCache
    var progress: (@Sendable (Message) -> Void)?

    struct Outcome: Sendable {
        var catalog: PictureCatalog
        /// Output path → the cache file that holds it.
        var written: [(path: String, file: String)]
        var diagnostics: [Diagnostic]
        /// Pictures decoded by this build; the rest came from the cache.
        var made: Int
    }

    /// Increase when what is made of a picture changes: part of every cache key.
    static let recipeVersion = 1

    /// Where processed pictures go in the output.
    static let folder = "bilder/"

    private struct Request {
        var source: SourceFile
        var role: PictureRole
        var card: Bool
        var locations: [SourceLocation]
        /// Where the file itself lies in the output (an original or an SVG is published there).
        var output: String
    }

    /// Whether the site shows or publishes any picture: most sites of many pages have few, and
    /// one without any passes this stage at once.
    private var hasPictures: Bool {
        let named = site.config.pictures
        if named.logo != nil || named.fundingLogo != nil || named.favicon != nil { return true }
        if sources.copiedFiles.contains(where: { $0.diskPath != nil || $0.path.hasSuffix(".svg") }) { return true }
        return site.documents.contains { document in
            !document.body.pictures.isEmpty || document.kind.imageFields.contains { document.fields.text($0) != nil }
        }
    }

    func run() -> Outcome {
        var outcome = hasPictures ? pictures() : Outcome(catalog: PictureCatalog(basePath: site.config.basePath), written: [],
                                                         diagnostics: [], made: 0)
        var pictured = site
        pictured.pictures = outcome.catalog
        let cards = SocialCards(site: site, cache: cache).run { i in
            pictured.picture(in: pictured.documents[i].kind.imageField, of: i).map { !$0.ladder.isEmpty } ?? false
        }
        outcome.catalog.cards = cards.cards
        outcome.catalog.siteCard = cards.siteCard
        outcome.diagnostics += cards.warnings
        outcome.made += cards.drawn
        cache.finish()
        // The same picture for two uses writes its files once.
        var seen = Set<String>()
        outcome.written = (outcome.written + cards.written).filter { seen.insert($0.0).inserted }.sorted { ByteOrder.precedes($0.0, $1.0) }
        return outcome
    }

    /// Every picture the site names, made or found in the cache.
    private func pictures() -> Outcome {
        var catalog = PictureCatalog(basePath: site.config.basePath)
        catalog.sourceOfOutput = site.sourceOfOutput
        let files = Dictionary(sources.copiedFiles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var diagnostics: [Diagnostic] = []
        var requests: [PictureCatalog.Key: Request] = [:]
        var order: [PictureCatalog.Key] = []
        func request(_ raw: String, from folder: String, role: PictureRole, card: Bool, at location: SourceLocation) {
            guard let output = LocalPath.pictureFile(raw, from: folder, basePath: catalog.basePath),
                  let sourcePath = catalog.sourceOfOutput[output], let source = files[sourcePath] else { return }
            guard let type = PictureType(path: source.path) else {
                diagnostics.append(.error(location, .notAPicture(raw)))
                return
            }
            let key = PictureCatalog.Key(source: source.path, role: role)
            if requests[key] == nil {
                order.append(key)
                requests[key] = Request(source: source, role: key.role, card: false, locations: [], output: output)
            }
            requests[key]!.card = requests[key]!.card || (card && type.isRaster)
            requests[key]!.locations.append(location)
        }
        for (i, document) in site.documents.enumerated() {
            let folder = site.outputPaths[i]
            func location(of raw: String) -> SourceLocation {
                document.localLinks.first { $0.isImage && $0.raw == raw }?.location ?? SourceLocation(path: document.path)
            }
            for field in document.kind.imageFields {
                guard let raw = document.fields.text(field) else { continue }
                let isPagePicture = field === document.kind.imageField && field.pictureUse == .photo
                request(raw, from: folder, role: .field(field.pictureUse), card: isPagePicture, at: location(of: raw))
            }
            for picture in document.body.pictures {
                request(picture.raw, from: folder, role: .field(.photo), card: false, at: location(of: picture.raw))
            }
        }
        // Pictures in static/ and the theme's assets are published under their names.
        for (output, path) in catalog.sourceOfOutput.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("content/") {
            guard let source = files[path], source.diskPath != nil else { continue }
            let key = PictureCatalog.Key(source: path, role: .original)
            order.append(key)
            requests[key] = Request(source: source, role: .original, card: false, locations: [SourceLocation(path: path)],
                                    output: output)
        }
        let named = site.config.pictures
        for picture in [named.logo, named.fundingLogo].compactMap({ $0 }) {
            request(picture.path, from: "", role: .field(.logo), card: false, at: picture.location)
        }
        if let icon = named.favicon ?? named.logo { request(icon.path, from: "", role: .favicon, card: false, at: icon.location) }
        for picture in [named.logo, named.fundingLogo, named.favicon].compactMap({ $0 })
        where catalog.source(of: picture.path, from: "").flatMap({ files[$0] }) == nil {
            diagnostics.append(.error(picture.location, .sitePictureMissing(picture.path)))
        }

        let done = Locked(0)
        let made = Locked(0)
        let total = order.count
        let settings = "\(site.config.pictures.quality)/\(PictureCodec.libraryVersion)/\(Self.recipeVersion)"
        let jobs = order.map { requests[$0]! }
        let results = Parallel.map(jobs) { job -> Result<(ProcessedPicture, [(String, String)]), PictureCodec.Failure> in
            defer {
                let count = done.withLock { $0 += 1; return $0 }
                if total >= 20, count % 10 == 0 || count == total { progress?(.progress(.pictures(done: count, of: total))) }
            }
            return make(job, settings: settings, made: made)
        }
        var written: [(String, String)] = []
        for (key, result) in zip(order, results) {
            switch result {
            case .success(let (picture, files)):
                catalog.pictures[key] = picture
                written += files
            case .failure(let failure):
                let name = key.source.split(separator: "/").last.map(String.init) ?? key.source
                for location in requests[key]!.locations {
                    diagnostics.append(.error(location, .pictureUnusable(name, reason: failure.reason)))
                }
            }
        }
        catalog.logo = named.logo.flatMap { catalog.picture($0.path, from: "", role: .field(.logo)) }
        catalog.fundingLogo = named.fundingLogo.flatMap { catalog.picture($0.path, from: "", role: .field(.logo)) }
        catalog.favicon = (named.favicon ?? named.logo).flatMap { catalog.picture($0.path, from: "", role: .favicon) }
        return Outcome(catalog: catalog, written: written, diagnostics: diagnostics, made: made.withLock { $0 })
    }

    /// The sizes of one picture, from the cache or made now.
    private func make(_ request: Request, settings: String, made: Locked<Int>) -> Result<(ProcessedPicture, [(String, String)]), PictureCodec.Failure> {
        let source = request.source
        let basePath = site.config.basePath
        if PictureType(path: source.path) == .svg && request.role != .favicon {
            // Published as it is (checked by the load stage); its size keeps the page from jumping.
            let size = SVGSize.of(source.bytes) ?? (try? PictureCodec.size(of: source.bytes)) ?? (0, 0)
            let url = basePath + request.output
            return .success((ProcessedPicture(ladder: [], fallback: .init(url: url, width: size.0, height: size.1)), []))
        }
        guard let (digest, read) = cache.digest(of: source.path, diskPath: source.diskPath ?? "", read: { source.readBytes() }) else {
            return .failure(PictureCodec.Failure(reason: .pictureFileUnreadable))
        }
        if request.role == .original { return original(request, digest: digest, read: read, made: made) }
        let key = PictureCache.key(digest: digest, "\(request.role.name)/\(request.card)/\(settings)")
        var entries = cache.entries(key)
        if entries == nil {
            guard let bytes = read ?? source.readBytes() else { return .failure(PictureCodec.Failure(reason: .pictureFileUnreadable)) }
            let recipe = PictureRecipe.recipe(for: request.role, card: request.card)
            let variants: [(PictureRecipe.Output, PictureCodec.Variant)]
            do { variants = try PictureCodec.variants(of: bytes, recipe: recipe, quality: site.config.pictures.quality) }
            catch { return .failure(error) }
            // Named by the width they have (`-480.webp`), the card and icons by what they are.
            let variantsMade = variants.map { output, variant in
                let name = output.name.allSatisfy(\.isNumber) ? "\(variant.width)" : output.name
                return (PictureCache.Entry(name: name, fileExtension: variant.format.fileExtension, width: variant.width,
                                           height: variant.height), variant.bytes)
            }
            cache.store(key, variantsMade)
            entries = variantsMade.map(\.0)
            made.withLock { $0 += 1 }
        }
        var picture = ProcessedPicture(ladder: [], fallback: .init(url: "", width: 0, height: 0))
        var files: [(String, String)] = []
        for entry in entries! {
            let path = Self.folder + key + "-" + entry.fileName
            files.append((path, cache.file(key, entry)))
            let size = ProcessedPicture.Size(url: basePath + path, width: entry.width, height: entry.height)
            switch entry.name {
            case "karte": picture.card = size
            case _ where entry.name.hasPrefix("icon-"): picture.icons.append(size)
            case _ where entry.fileExtension == "webp": picture.ladder.append(size)
            default: picture.fallback = size
            }
        }
        if request.role == .favicon, let largest = picture.icons.first { picture.fallback = largest }
        return .success((picture, files))
    }

    /// A file of `static/` or the theme published under its name, without its metadata.
    private func original(_ request: Request, digest: UInt64, read: [UInt8]?, made: Locked<Int>) -> Result<(ProcessedPicture, [(String, String)]), PictureCodec.Failure> {
        let source = request.source
        let key = PictureCache.key(digest: digest, "original/\(PictureCodec.libraryVersion)/\(Self.recipeVersion)")
        let type = PictureType(path: source.path)!
        let fileExtension = String(source.path.split(separator: ".").last ?? "")
        var entry = cache.entries(key)?.first
        if entry == nil {
            guard let bytes = read ?? source.readBytes() else { return .failure(PictureCodec.Failure(reason: .pictureFileUnreadable)) }
            guard [.jpeg, .png, .webp, .gif].contains(type) else {
                return .failure(PictureCodec.Failure(reason: .staticPictureKept(type.rawValue.uppercased())))
            }
            guard let clean = CleanCopy.withoutMetadata(bytes, type: type) ?? PictureCodec.upright(bytes, type: type),
                  let size = try? PictureCodec.size(of: clean) else {
                return .failure(PictureCodec.Failure(reason: .pictureDamaged))
            }
            let cleaned = PictureCache.Entry(name: "original", fileExtension: fileExtension, width: size.width, height: size.height)
            cache.store(key, [(cleaned, clean)])
            entry = cleaned
            made.withLock { $0 += 1 }
        }
        let url = site.config.basePath + request.output
        return .success((ProcessedPicture(ladder: [], fallback: .init(url: url, width: entry!.width, height: entry!.height)),
                         [(request.output, cache.file(key, entry!))]))
    }
}
