import Foundation
import VernetztEngine
import VernetztModel

/// Runs the pipeline: load → parse → link → pictures → render → write. Every stage reports all the
/// problems it finds; the build stops after the first stage that found errors.
public struct SiteBuilder: Sendable {
    /// Kept between builds by `serve`; nil for one-off builds.
    public var cache: BuildCache?

    public init(cache: BuildCache? = nil) {
        self.cache = cache
    }

    public func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        if options.writesOutput, let problem = OutputGuard.problem(output: options.outputFolder, root: options.root,
                                                                   layouts: options.layouts, force: options.force) {
            throw BuildFailure([.error(SourceLocation(path: options.output?.path ?? "output"), problem)])
        }
        var clock = StageClock()
        options.progress?(.progress(.reading))
        let sources = try SiteLoader(root: options.root, layouts: options.layouts, cache: cache?.sources,
                                 output: options.outputFolder).load()
        clock.lap("load")
        var report = try build(consume sources, options: options, clock: &clock)
        report.timings = clock.timings
        return report
    }

    /// The pipeline after loading, on sources already in memory (tests and `serve` start here).
    /// Consumes `sources`: the Markdown files' bytes go as soon as they are parsed.
    public func build(_ sources: consuming SiteSources, options: BuildOptions, clock: inout StageClock) throws(BuildFailure) -> BuildReport {
        let config = try SiteConfig.parse(sources.config)
        let schema = try Schema.load(sources.schema)
        let layouts = if let cache { try cache.layouts(sources.layouts, folder: sources.layoutsPrefix) }
                      else { try LayoutLibrary.compile(sources.layouts, folder: sources.layoutsPrefix) }

        options.progress?(.progress(.parsing(files: sources.content.count)))
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: config.rawHTML, schema: schema)
        // What parsing and linking depend on besides the files: site.yml and the schema.
        var settingsHasher = Hasher()
        settingsHasher.combine(Self.hash(sources.config))
        settingsHasher.combine(schema.fingerprint)
        let settings = settingsHasher.finalize()
        let content = sources.content
        let bundles = ContentFileCheck.bundleFolders(of: content)
        sources.content = []
        let outcomes: [DocumentParser.Outcome]
        if let cache {
            outcomes = cache.parse(content, with: parser, settings: settings)
        } else {
            // Each file's text goes as soon as it is parsed: a site of 100,000 posts never
            // holds all its text and all its parsed documents at once.
            outcomes = Parallel.map(consuming: content, parser.parse)
        }
        var diagnostics = outcomes.flatMap(\.diagnostics) + PublishedFileCheck.diagnostics(sources) + ContentFileCheck.diagnostics(sources, bundles: bundles)
        // A file with errors does not stop the others: linking, pictures and paths are checked
        // too, so that one run lists every error of every file.
        let parseFailed = diagnostics.contains(where: \.isError)
        var failed: [DocumentKey: String] = [:]
        for outcome in outcomes {
            if let key = outcome.failedKey, let path = outcome.diagnostics.first?.location.path { failed[key] = path }
        }
        let parsed = outcomes.compactMap(\.document)
        let templateText = TemplateTextCheck(templates: sources.newTemplates, layoutsPrefix: sources.layoutsPrefix)
        diagnostics += parsed.compactMap(templateText.diagnostic)
        let visibility = options.visibility
        let published = parsed.filter(visibility.shows)
        let hidden = parsed.filter { !visibility.shows($0) }
        clock.lap("parse")

        options.progress?(.progress(.linking(items: published.count)))
        var site: Site
        if !parseFailed, let kept = cache?.linked?.site(for: published, hidden: hidden, sources: sources, settings: settings,
                                                        now: options.now) {
            site = kept
            cache?.reusedLinks = true
        } else {
            site = Linker().linkCollecting(config, published, hidden: hidden, failed: failed, now: options.now, sources: sources,
                                           schema: schema)
            let linked = !parseFailed && !site.warnings.contains(where: \.isError)
            cache?.linked = linked ? LinkReuse(site: site, settings: settings, hidden: hidden, sources: sources) : nil
            cache?.reusedLinks = false
        }
        diagnostics += site.warnings
        clock.lap("link")

        let pictures = PictureStage(site: site, sources: copy sources, cache: PictureCache(folder: options.pictureCacheFolder.path),
                                    progress: options.progress).run()
        diagnostics += pictures.diagnostics
        site.pictures = pictures.catalog
        clock.lap("pictures")

        // Paths in bodies and menus lead to files the plan already names: checked before any
        // page is rendered, with the other errors.
        diagnostics += LocalLinkCheck(site: site, made: pictures.written.map(\.path)).diagnostics()
        if diagnostics.contains(where: \.isError) { throw BuildFailure(diagnostics) }

        var search: SearchIndexer?
        if config.search && options.writesOutput && options.buildsSearchIndex {
            search = options.locateSearch()
            if search == nil {
                diagnostics.append(.warning(SourceLocation(path: SiteConfig.path), .pagefindMissing))
            }
        }
        options.progress?(.progress(.rendering))
        var global = Hasher()
        global.combine(settings)
        for file in sources.layouts { global.combine(file.contentHash) }
        // A picture made anew gets a new name, which every page showing it must carry.
        for (path, _) in pictures.written { global.combine(path) }
        var renderer = PageRenderer(layouts: layouts, searchReady: search != nil, cache: cache?.render,
                                    globalKey: global.finalize())
        renderer.leavesMemoryToExit = options.endsProcess
        try layouts.requireLayouts(renderer.neededLayouts(for: site))
        let staging: StagingFolder?
        do throws(OutputError) {
            staging = options.writesOutput ? try OutputWriter(output: options.outputFolder).begin(waiting: {
                options.progress?(.progress(.waiting))
            }) : nil
        } catch {
            throw BuildFailure(diagnostics.filter { !$0.isError }
                               + [.error(SourceLocation(path: options.outputFolder.lastPathComponent), error.message)])
        }
        staging?.digestsHTML = search != nil
        // Pages go to disk as they are rendered; the staging folder goes live only at the end.
        let store: @Sendable (OutputFile) -> OutputFile = if let staging { staging.store } else { { $0 } }
        var files = renderer.render(site, sources: sources, store: store)
        if !pictures.written.isEmpty {
            let placed = Parallel.map(pictures.written) { path, file in
                staging?.place(path, from: file) ?? OutputFile(path: path, bytes: FileBytes.read(file) ?? [])
            }
            files = (files + placed).sorted { ByteOrder.precedes($0.path, $1.path) }
        }
        do throws(BuildFailure) {
            try Self.checkUniquePaths(files)
        } catch {
            staging?.abandon()
            throw error
        }
        clock.lap("render")

        var summary = OutputWriter.Summary()
        if let staging {
            options.progress?(.progress(.finishing(files: files.count)))
            do throws(OutputError) {
                summary = try staging.commit(paths: files.map { $0.path }) { folder throws(OutputError) -> String? in
                    guard let search else { return nil }
                    return try search.index(folder, reusingFrom: staging)
                }
            } catch {
                throw BuildFailure(diagnostics.filter { !$0.isError }
                                   + [.error(SourceLocation(path: options.outputFolder.lastPathComponent), error.message)])
            }
            clock.lap("write")
        }
        if options.endsProcess { LeftToExit.keep((site, files, outcomes)) }
        return BuildReport(documents: site.documents.count, files: files.count, written: summary.written,
                           unchanged: summary.unchanged, warnings: diagnostics.sorted(), timings: [],
                           output: options.writesOutput ? [] : files, picturesMade: pictures.made)
    }

    private static func hash(_ file: SourceFile?) -> Int {
        file?.contentHash ?? 0
    }

    /// Assets and pages may not write the same file (a `static/blog/index.html`, say).
    static func checkUniquePaths(_ files: [OutputFile]) throws(BuildFailure) {
        var duplicates: [Diagnostic] = []
        for (a, b) in zip(files, files.dropFirst()) where a.path == b.path {
            duplicates.append(.error(SourceLocation(path: a.path), .duplicateOutput(a.path)))
        }
        if !duplicates.isEmpty { throw BuildFailure(duplicates) }
    }
}
