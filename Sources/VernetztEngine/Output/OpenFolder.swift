import Foundation

/// A folder held open, for system calls by paths relative to it: for each of thousands of
/// files the kernel then walks only the names below the folder, not the whole absolute path.
/// A folder that cannot be opened is named by its path instead (`name(_:)`), so that callers
/// ask the same way either way.
package final class OpenFolder: Sendable {
    /// The open folder, or `AT_FDCWD` when it could not be opened (errno says why).
    package let descriptor: Int32
    /// What goes before a relative path: nothing when open, else the folder's path and `/`.
    private let prefix: String

    package init(_ path: String) {
        let opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        descriptor = opened >= 0 ? opened : AT_FDCWD
        prefix = opened >= 0 ? "" : path + "/"
    }

    package var isOpen: Bool { descriptor != AT_FDCWD }

    /// How a system call on `descriptor` names `relative`, a path below the folder ("" for the
    /// folder itself).
    package func name(_ relative: String) -> String {
        isOpen && relative.isEmpty ? "." : prefix + relative
    }

    deinit {
        if isOpen { close(descriptor) }
    }
}
