import Foundation

/// A name a layout looks up, interned: layouts resolve their names to keys once, when they
/// are compiled, and view models are built with the same keys, so that a lookup while a page
/// renders compares two integers instead of hashing a string.
package struct TemplateKey: Hashable, Sendable {
    package let raw: Int32

    /// The key of `name`; the same name always gives the same key within a process.
    package init(_ name: String) {
        raw = Self.registry.id(of: name)
    }

    package var name: String { Self.registry.name(of: raw) }

    private static let registry = Registry()

    /// Names and their ids, shared by all threads.
    private final class Registry: Sendable {
        private let table = Locked<(ids: [String: Int32], names: [String])>(([:], []))

        package func id(of name: String) -> Int32 {
            table.withLock { table in
                if let id = table.ids[name] { return id }
                let id = Int32(table.names.count)
                table.names.append(name)
                table.ids[name] = id
                return id
            }
        }

        package func name(of id: Int32) -> String {
            table.withLock { $0.names[Int(id)] }
        }
    }
}
