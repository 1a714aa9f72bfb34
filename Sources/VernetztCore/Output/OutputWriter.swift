import Foundation

/// The write stage: writes the whole site into a staging folder beside the output folder and
/// swaps it in only when complete, so a failed build leaves the published site untouched.
/// Files whose bytes did not change are hard-linked from the old output and keep their mtime.
public struct OutputWriter: Sendable {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public struct Summary: Sendable {
        public var written = 0
        public var unchanged = 0
    }

    public func write(_ files: [OutputFile]) throws(OutputError) -> Summary {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).vernetzt-staging")
        let retired = parent.appendingPathComponent(".\(name).vernetzt-old")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: retired)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create \(staging.path): \(error.localizedDescription)")
        }
        var summary = Summary()
        do {
            var createdFolders = Set<String>()
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                let folder = target.deletingLastPathComponent().path
                if createdFolders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                let previous = output.appendingPathComponent(file.path).path
                if Self.hasSameBytes(previous, file.bytes), link(previous, target.path) == 0 {
                    summary.unchanged += 1
                    continue
                }
                guard fm.createFile(atPath: target.path, contents: Data(file.bytes)) else {
                    throw OutputError("cannot write \(target.path)")
                }
                summary.written += 1
            }
            try keepHiddenFiles(into: staging, except: Set(files.map(\.path)))
        } catch let error as OutputError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw OutputError("cannot write the site into \(staging.path): \(error.localizedDescription)")
        }
        try swapIn(staging, retired: retired)
        return summary
    }

    /// Hidden files at the top of the old output that the build does not make (`.gitkeep`,
    /// `.nojekyll`, `.well-known`) belong to whoever put them there; they move into the new one.
    private func keepHiddenFiles(into staging: URL, except produced: Set<String>) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(".") && !produced.contains(name) {
            try fm.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    private func swapIn(_ staging: URL, retired: URL) throws(OutputError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            guard rename(output.path, retired.path) == 0 else {
                try? fm.removeItem(at: staging)
                throw OutputError("cannot move the old \(output.path) aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired.path, output.path)
            try? fm.removeItem(at: staging)
            throw OutputError("cannot move the new site into \(output.path): \(reason)")
        }
        try? fm.removeItem(at: retired)
    }

    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size == UInt64(bytes.count) else { return false }
        try? handle.seek(toOffset: 0)
        guard let data = try? handle.readToEnd() else { return bytes.isEmpty }
        return data.elementsEqual(bytes)
    }
}

/// The output folder could not be written; the previous site is left as it was.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
