import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// `vernetzt serve`: builds the site in memory, serves it, and on every change to the content,
/// the layouts or site.yml rebuilds what the change affects and tells open pages to reload.
public final class PreviewServer: @unchecked Sendable {
    /// What a rebuild came to, for the terminal.
    public enum Outcome: Sendable {
        case built(BuildReport, milliseconds: Int)
        case failed([Diagnostic])
    }

    private var options: BuildOptions
    private let cache = BuildCache()
    private let state = PreviewState()
    private let reload: LiveReload
    private let queue = DispatchQueue(label: "vernetzt.serve.build")
    private let onBuild: @Sendable (Outcome) -> Void
    private let server = PreviewHTTPServer()
    private var watcher: FileWatcher?
    private let pendingLock = NSLock()
    private var rebuildPending = false
    /// Files changed since the last rebuild began; nil when it must load the whole site.
    private var pendingChanges: Set<String>? = []
    /// What the last rebuild loaded, for the next to update where only files changed.
    private var lastSources: SiteSources?

    /// Drafts, scheduled and expired items are shown (and marked) in the preview.
    /// `heartbeatSeconds`: how often open event streams are checked (tests shorten it).
    public init(options: BuildOptions, heartbeatSeconds: Double = LiveReload.heartbeatSeconds,
                onBuild: @escaping @Sendable (Outcome) -> Void) {
        reload = LiveReload(heartbeatSeconds: heartbeatSeconds)
        var options = options
        options.includeDrafts = true
        options.includeFuture = true
        options.includeExpired = true
        options.writesOutput = false
        self.options = options
        self.onBuild = onBuild
    }

    /// Builds once, then serves on `host:port` (0: any free port) and watches for changes.
    public func start(host: String, port: UInt16) throws(BuildFailure) -> URL {
        queue.sync { rebuild() }
        let basePath = Self.basePath(of: options.root)
        let responder = PreviewResponder(state: state, basePath: basePath, hosts: HostCheck(boundHost: host), root: options.root,
                                         language: options.language)
        try server.start(host: host, port: port, responder: responder, reload: reload)
        let layouts = options.layouts ?? options.root.appendingPathComponent("layouts")
        let watcher = try FileWatcher(folders: [options.root.appendingPathComponent("content"), layouts,
                                                options.root.appendingPathComponent("static")],
                                      files: [options.root.appendingPathComponent(SiteConfig.path)]) { [weak self] paths in
            self?.scheduleRebuild(changed: paths)
        }
        watcher.start()
        self.watcher = watcher
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shownHost):\(server.port)\(basePath)")!
    }

    public var port: UInt16 { server.port }

    /// Pages connected for reload events (tests wait for theirs).
    public var connectedPages: Int { reload.clientCount }

    /// Rebuilds soon; changes that arrive meanwhile join the same rebuild. `changed` are the
    /// absolute paths the watcher saw change; nil loads the whole site again.
    public func scheduleRebuild(changed: [String]? = nil) {
        pendingLock.lock()
        if let changed, pendingChanges != nil { pendingChanges!.formUnion(changed) } else { pendingChanges = nil }
        let already = rebuildPending
        rebuildPending = true
        pendingLock.unlock()
        guard !already else { return }
        queue.async { [self] in
            pendingLock.lock()
            rebuildPending = false
            let changes = pendingChanges
            pendingChanges = []
            pendingLock.unlock()
            rebuild(changed: changes)
        }
    }

    private func rebuild(changed: Set<String>? = nil) {
        let started = DispatchTime.now().uptimeNanoseconds
        options.now = BuildOptions.defaultNow()
        do throws(BuildFailure) {
            var clock = StageClock()
            let loader = SiteLoader(root: options.root, layouts: options.layouts, cache: cache.sources)
            // Saving a post changes one file: no need to walk ten thousand.
            let updated = changed.flatMap { changed in lastSources.flatMap { loader.update($0, changed: changed) } }
            let sources = if let updated { updated } else { try loader.load() }
            lastSources = sources
            clock.lap("load")
            var report = try SiteBuilder(cache: cache).build(sources, options: options, clock: &clock)
            report.timings = clock.timings
            let generation = state.publish(files: report.output)
            reload.broadcast(generation: generation)
            onBuild(.built(report, milliseconds: Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)))
        } catch {
            // A file caught half-saved fails to parse; when more changes are already queued,
            // their rebuild decides what to show, and the half-saved state never flashes up.
            pendingLock.lock()
            let newerChanges = rebuildPending
            pendingLock.unlock()
            if newerChanges { return }
            let generation = state.fail(error.errors)
            reload.broadcast(generation: generation)
            onBuild(.failed(error.diagnostics))
        }
    }

    public func stop() {
        watcher?.stop()
        // The event streams end first, so that the server stops with no response half sent.
        reload.closeAll()
        server.stop()
    }

    /// The base path of the site's URL, read from site.yml (`/` when it cannot be read).
    private static func basePath(of root: URL) -> String {
        let file = FileManager.default.contents(atPath: root.appendingPathComponent(SiteConfig.path).path)
            .map { SourceFile(path: SiteConfig.path, bytes: [UInt8]($0)) }
        if let config = try? SiteConfig.parse(file) { return config.basePath }
        return "/"
    }
}
