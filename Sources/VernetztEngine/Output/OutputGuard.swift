import Foundation

/// Refuses output folders whose replacement would destroy what is not a built site: `/`, the
/// site root or a folder above it, `content/`, `layouts/`, `static/` (or anything inside them),
/// and — unless forced — a folder with files in it that vernetzt did not make (every build
/// leaves a marker file, so an earlier output is recognised).
public enum OutputGuard {
    public static let marker = ".vernetzt-output"

    /// Why `output` may not be written, or nil when it may.
    public static func problem(output: URL, root: URL, layouts: URL?, force: Bool) -> Message? {
        let target = resolved(output)
        let site = resolved(root)
        if target == "/" { return .outputRefused(.systemRoot) }
        if target == site { return .outputRefused(.siteRoot) }
        if site.hasPrefix(target + "/") { return .outputRefused(.holdsSite(target)) }
        let protected = [root.appendingPathComponent("content"), layouts ?? root.appendingPathComponent("layouts"),
                         root.appendingPathComponent("static")].map(resolved)
        for folder in protected where target == folder || target.hasPrefix(folder + "/") {
            return .outputRefused(.source(folder))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .outputRefused(.notFolder(target)) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        let visible = entries.filter { !$0.hasPrefix(".") }
        if !visible.isEmpty && !entries.contains(marker) && !force {
            return .outputRefused(.foreignFiles(target))
        }
        return nil
    }

    /// The absolute path with `..` and symbolic links of the existing part resolved.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path = (path == "/" ? "" : path) + "/" + part }
        return path
    }
}
