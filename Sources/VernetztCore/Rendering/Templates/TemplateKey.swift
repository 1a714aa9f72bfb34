import Foundation

/// A name a layout looks up, interned: layouts resolve their names to keys once, when they
/// are compiled, and view models are built with the same keys, so that a lookup while a page
/// renders compares two integers instead of hashing a string.
struct TemplateKey: Hashable, Sendable {
    let raw: Int32

    /// The key of `name`; the same name always gives the same key within a process.
    init(_ name: String) {
        raw = Self.registry.id(of: name)
    }

    var name: String { Self.registry.name(of: raw) }

    private static let registry = Registry()

    /// Names and their ids, shared by all threads.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String: Int32] = [:]
        private var names: [String] = []

        func id(of name: String) -> Int32 {
            lock.lock()
            defer { lock.unlock() }
            if let id = ids[name] { return id }
            let id = Int32(names.count)
            names.append(name)
            ids[name] = id
            return id
        }

        func name(of id: Int32) -> String {
            lock.lock()
            defer { lock.unlock() }
            return names[Int(id)]
        }
    }
}
