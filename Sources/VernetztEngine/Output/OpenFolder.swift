import Foundation

/// A folder held open, for system calls by paths relative to it: for each of thousands of
/// files the kernel then walks only the names below the folder, not the whole absolute path.
package final class OpenFolder: Sendable {
    package let descriptor: Int32

    /// Nil when the folder cannot be opened (errno says why).
    package init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
