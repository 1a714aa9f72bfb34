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
        // The built-in schema is read from its YAML once per process: on a core of its own while
        // this thread takes the lock, reads the last state and walks the site's folders.
        let schemaReady = Background { _ = Schema.builtIn }
        // The last build's state is read under the output's lock, held to the end of this build:
        // what it says of the output stays true until this build has written it.
        var last = LastBuild(options)
        if options.keepsState {
            if options.writesOutput {
                do throws(OutputError) {
                    last.lock = try OutputLock(for: last.output, waiting: { options.progress?(.progress(.waiting)) })
                } catch {
                    throw Self.outputFailure(error, warnings: [], options)
                }
            }
            if !options.ignoresLastState {
                last.state = BuildState.load(folder: options.stateFolderURL, output: last.output)
            }
            // The spare tree is checked while the build reads, parses and links: those stages
            // leave a core idle for part of their time.
            if let state = last.state, let spare = last.spare {
                last.survey = Background { OutputSurvey(output: spare, files: Array(state.spareOutputs.keys), folders: state.spareFolders) }
            }
        }
        options.progress?(.progress(.reading))
        var loader = SiteLoader(root: options.root, layouts: options.layouts, cache: cache?.sources, output: options.outputFolder)
        if let state = last.state { loader.known = state.known }
        loader.defersMarkdown = cache == nil
        let sources = try loader.load()
        schemaReady.value()
        clock.lap("load")
        var report = try build(consume sources, options: options, clock: &clock, last: last)
        report.timings = clock.timings
        return report
    }

    /// What a build knows of the last one into the same output.
    struct LastBuild {
        /// The output folder (where a link to it leads).
        let output: URL
        /// Where the spare tree lies (`OutputUpdate`): for builds that keep their state, not
        /// into an output that is a mount point (those are staged whole).
        let spare: String?
        var lock: OutputLock?
        var state: BuildState?
        /// The spare tree as found (`OutputSurvey`), worked out on a thread of its own.
        var survey: Background<OutputSurvey>?

        init(_ options: BuildOptions) {
            output = StagingFolder.throughLink(options.outputFolder)
            spare = options.keepsState && options.writesOutput && !StagingFolder.isMountPoint(output)
                ? OutputUpdate.spareLocation(for: output, stateFolder: options.stateFolderURL) : nil
        }
    }

    /// The pipeline after loading, on sources already in memory (tests and `serve` start here).
    /// Consumes `sources`: the Markdown files' bytes go as soon as they are parsed.
    public func build(_ sources: consuming SiteSources, options: BuildOptions, clock: inout StageClock) throws(BuildFailure) -> BuildReport {
        try build(sources, options: options, clock: &clock, last: LastBuild(options))
    }

    func build(_ sources: consuming SiteSources, options: BuildOptions, clock: inout StageClock, last: LastBuild) throws(BuildFailure) -> BuildReport {
        let config = try SiteConfig.parse(sources.config)
        let schema = try Schema.load(sources.schema)
        let layouts = if let cache { try cache.layouts(sources.layouts, folder: sources.layoutsPrefix) }
                      else { try LayoutLibrary.compile(sources.layouts, folder: sources.layoutsPrefix) }

        options.progress?(.progress(.parsing(files: sources.content.count)))
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: config.rawHTML,
                                    language: config.language, schema: schema)
        // What parsing and linking depend on besides the files: the program, site.yml, the
        // schema, and the `vernetzt new` templates (whose sample text in an item is a warning
        // of the parse stage).
        var settingsHasher = StableHasher()
        settingsHasher.combine(options.program)
        settingsHasher.combine(Self.hash(sources.config))
        settingsHasher.combine(schema.fingerprint)
        for template in sources.newTemplates {
            settingsHasher.combine(template.path)
            settingsHasher.combine(template.contentHash)
        }
        let settings = settingsHasher.finalize()
        let content = sources.content
        let bundles = ContentFileCheck.bundleFolders(of: content)
        sources.content = []
        let templateText = TemplateTextCheck(templates: sources.newTemplates, layoutsPrefix: sources.layoutsPrefix)
        // The documents go into the state for the next build as they are parsed.
        let log = options.keepsState && options.writesOutput && cache == nil
            ? DocumentLogWriter.open(folder: options.stateFolderURL, output: last.output, last: last.state, settings: settings,
                                     paths: content.map(\.path), archive: DocumentArchive(schema: schema))
            : nil
        // A document with the sample text of its `vernetzt new` template says so.
        let checked = { @Sendable (outcome: DocumentParser.Outcome) -> DocumentParser.Outcome in
            var checked = outcome
            if let document = outcome.document, let warning = templateText.diagnostic(for: document) { checked.diagnostics.append(warning) }
            return checked
        }
        let outcomes: [DocumentParser.Outcome]
        var documentsKept = 0
        if let cache {
            outcomes = cache.parse(content, with: parser, settings: settings).map(checked)
        } else {
            // Each file is read just before it is parsed and its text goes right after: a site
            // of 100,000 posts never holds all its text, nor (with a log) all its bodies.
            let state = last.state
            let archive = DocumentArchive(schema: schema)
            // The document the last build parsed from the same bytes, kept in the new log too.
            let kept = { @Sendable (file: SourceFile) -> Document? in
                guard let state, let document = state.document(for: file, settings: settings, archive: archive) else { return nil }
                log?.keep(document, from: state, stamp: file.stamp)
                return document
            }
            let parsed = Parallel.map(consuming: content) { file -> (DocumentParser.Outcome, Bool) in
                // A file left unread is read now, unless its stamp says it is what the last build read.
                if !file.isUnread, let document = kept(file) { return (DocumentParser.Outcome(document: document, diagnostics: []), true) }
                guard let read = file.read() else {
                    return (DocumentParser.Outcome(document: nil, diagnostics: [.error(SourceLocation(path: file.path), .unreadable)]), false)
                }
                if file.isUnread, let document = kept(read) { return (DocumentParser.Outcome(document: document, diagnostics: []), true) }
                var outcome = checked(parser.parse(read))
                // Only a document without warnings is kept: the next build, which reads it back, reports none.
                if let log, outcome.diagnostics.isEmpty, let document = outcome.document {
                    outcome.document = log.store(document, stamp: file.stamp)
                }
                return (outcome, false)
            }
            outcomes = parsed.map(\.0)
            documentsKept = parsed.count { $0.1 }
        }
        var diagnostics = outcomes.flatMap(\.diagnostics) + PublishedFileCheck.diagnostics(sources) + ContentFileCheck.diagnostics(sources, bundles: bundles)
        // A file with errors does not stop the others: linking, pictures and paths are checked
        // too, so that one run lists every error of every file.
        let parseFailed = diagnostics.contains(where: \.isError)
        var failed: [DocumentKey: String] = [:]
        var failedReferences: [Reference] = [], failedLinks: [MarkdownLink] = []
        for outcome in outcomes {
            guard let key = outcome.failedKey else { continue }
            if let path = outcome.diagnostics.first?.location.path { failed[key] = path }
            failedReferences += outcome.failedReferences
            failedLinks += outcome.failedLinks
        }
        let parsed = outcomes.compactMap(\.document)
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
            site = Linker().linkCollecting(config, published, hidden: hidden, failed: failed, failedReferences: failedReferences,
                                           failedLinks: failedLinks, now: options.now, sources: sources, schema: schema,
                                           lastRelated: last.state?.related)
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
        var global = StableHasher()
        global.combine(settings)
        for file in sources.layouts {
            global.combine(file.path)
            global.combine(file.contentHash)
        }
        global.combine([options.includeDrafts, options.includeFuture, options.includeExpired].map { $0 ? "1" : "0" })
        // A picture made anew gets a new name, which every page showing it must carry.
        for (path, _) in pictures.written { global.combine(path) }
        let output = last.output
        // With the last builds' state, the spare tree is brought up to date and exchanged with
        // the output (`OutputUpdate`) — not when Pagefind must index the whole site, nor in a
        // mount point, where the whole site is staged — and pages whose key and file are
        // unchanged are not made again.
        var updating: OutputUpdate?
        var survey: OutputSurvey?
        var renderCache = cache?.render
        if options.keepsState && options.writesOutput && search == nil {
            var inPlace: [String: Int] = [:]
            if let state = last.state, let lock = last.lock, let spare = last.spare, let surveyed = last.survey,
               FileManager.default.fileExists(atPath: output.path) {
                let found = surveyed.value()
                survey = found
                updating = OutputUpdate(output: output, spare: spare, lock: lock, found: found.found)
                for (path, kept) in state.spareOutputs {
                    if let key = kept.key, case .some(.some(let stamp)) = found.found[path], stamp == kept.stamp { inPlace[path] = key }
                }
            }
            let liveFiles = last.state?.outputs ?? [:]
            let livePath = output.path
            renderCache = RenderCache(inPlace: inPlace, live: liveFiles.compactMapValues(\.key)) { path in
                liveFiles[path].map { FileStamp.of(livePath + "/" + path) == $0.stamp } ?? false
            }
        }
        var renderer = PageRenderer(layouts: layouts, searchReady: search != nil, cache: renderCache,
                                    globalKey: global.finalize())
        renderer.leavesMemoryToExit = options.endsProcess
        let repair = log == nil && last.state == nil ? nil : Self.bodyRepair(root: options.root, parser: parser)
        renderer.bodyRepair = repair
        try layouts.requireLayouts(renderer.neededLayouts(for: site))
        let update = updating
        let staging: StagingFolder?
        do throws(OutputError) {
            if !options.writesOutput || update != nil {
                staging = nil
            } else if let lock = last.lock {
                staging = try OutputWriter(output: options.outputFolder).begin(holding: lock)
                // The old output is kept as the next build's spare tree, with what the state says of it.
                staging?.spare = last.spare
            } else {
                staging = try OutputWriter(output: options.outputFolder).begin(waiting: {
                    options.progress?(.progress(.waiting))
                })
            }
        } catch {
            throw Self.outputFailure(error, warnings: diagnostics, options)
        }
        staging?.digestsHTML = search != nil
        // Pages go to disk as they are rendered; the staging folder goes live only at the end.
        let store: @Sendable (OutputFile) -> OutputFile = if let update { update.store } else if let staging { staging.store } else { { $0 } }
        var files = renderer.render(site, sources: sources, store: store)
        if !pictures.written.isEmpty {
            let placed = Parallel.map(pictures.written) { path, file in
                update?.place(path, from: file) ?? staging?.place(path, from: file) ?? OutputFile(path: path, bytes: FileBytes.read(file) ?? [])
            }
            files = (files + placed).sorted { ByteOrder.precedes($0.path, $1.path) }
        }
        do throws(BuildFailure) {
            try Self.checkUniquePaths(files)
            if let failures = repair?.failures, !failures.isEmpty {
                BuildState.forget(folder: options.stateFolderURL, output: output)
                throw BuildFailure(failures.map { .error(SourceLocation(path: $0), .unreadable) })
            }
        } catch {
            staging?.abandon()  // (a spare being brought up to date is nobody's site: it stays as it is)
            throw error
        }
        clock.lap("render")

        var summary = OutputWriter.Summary()
        if let update {
            options.progress?(.progress(.finishing(files: files.count)))
            do throws(OutputError) {
                summary = try update.commit(paths: files.map(\.path), marker: StagingFolder.marker(note: nil))
            } catch {
                throw Self.outputFailure(error, warnings: diagnostics, options)
            }
            clock.lap("write")
        } else if let staging {
            options.progress?(.progress(.finishing(files: files.count)))
            do throws(OutputError) {
                summary = try staging.commit(paths: files.map { $0.path }) { folder throws(OutputError) -> String? in
                    guard let search else { return nil }
                    return try search.index(folder, reusingFrom: staging)
                }
            } catch {
                throw Self.outputFailure(error, warnings: diagnostics, options)
            }
            clock.lap("write")
        }
        if repair?.wasNeeded == true {
            // A body in the state was not as stored: the next build starts from nothing.
            BuildState.forget(folder: options.stateFolderURL, output: output)
        } else if let log = log?.finish() {
            let keys = search == nil ? renderCache?.keys ?? [:] : [:]
            let paths = files.map(\.path)
            // (Files the staging folder wrote carry their stamps; the others are read.)
            let stamps = update?.stamps(of: paths) ?? Parallel.map(files) { $0.stamp ?? FileStamp.of(output.path + "/" + $0.path) }
            // The tree that was live is the spare now (when it was kept), as the last state said it was.
            let keptSpare = last.spare != nil && (update != nil || staging?.keptSpare == true)
            BuildState.writeIndex(folder: options.stateFolderURL, output: output, settings: settings, log: log,
                                  paths: paths, stamps: stamps, key: { keys[$0] },
                                  folders: Self.folderStamps(of: paths, in: output.path, survey: update == nil ? nil : survey,
                                                             touched: update?.touchedFolders ?? []),
                                  spareOutputs: keptSpare ? last.state?.outputs ?? [:] : [:],
                                  spareFolders: keptSpare ? last.state?.folders ?? [:] : [:],
                                  related: (site.relatedKey, site.related))
            clock.lap("state")
        }
        if options.endsProcess { LeftToExit.keep((site, files, outcomes, last.state, renderCache)) }
        var report = BuildReport(documents: site.documents.count, files: files.count, written: summary.written,
                                 unchanged: summary.unchanged, warnings: diagnostics.sorted(), timings: [],
                                 output: options.writesOutput ? [] : files, picturesMade: pictures.made)
        report.documentsKept = documentsKept
        report.pagesKept = cache == nil ? renderCache?.reused ?? 0 : 0
        return report
    }

    /// The output could not be written: the build's warnings, and the error at the output folder.
    private static func outputFailure(_ error: OutputError, warnings diagnostics: [Diagnostic], _ options: BuildOptions) -> BuildFailure {
        BuildFailure(diagnostics.filter { !$0.isError } + [.error(SourceLocation(path: options.outputFolder.lastPathComponent), error.message)])
    }

    /// The stamps of the folders that hold `paths`: as the survey found them, unless this
    /// build changed them (or wrote the whole output anew).
    private static func folderStamps(of paths: [String], in output: String, survey: OutputSurvey?,
                                     touched: Set<String>) -> [(path: String, stamp: FileStamp)] {
        let folders = Array(OutputSurvey.folders(of: paths))
        let opened = OpenFolder(output)
        let stamps = Parallel.map(folders) { folder -> FileStamp? in
            if let kept = survey?.folders[folder], !touched.contains(folder) { return kept }
            return FileStamp.ofFolder(folder, in: opened)
        }
        return zip(folders, stamps).compactMap { folder, stamp in stamp.map { (folder, $0) } }
    }

    /// Parses a document's file anew for its body, when the body left in the state's log
    /// cannot be read back: the HTML, if the file still holds what the document was parsed from.
    private static func bodyRepair(root: URL, parser: DocumentParser) -> BodyRepair {
        BodyRepair { document in
            guard let bytes = FileBytes.read(root.appendingPathComponent(document.path).path),
                  let parsed = parser.parse(SourceFile(path: document.path, bytes: bytes)).document,
                  parsed.fingerprint == document.fingerprint else { return nil }
            return parsed.body.html()
        }
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
