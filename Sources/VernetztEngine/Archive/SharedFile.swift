import Foundation

/// An open file that byte ranges in it (`StoredBytes`) keep open for as long as they are used:
/// the build state's log, whose documents' bodies are read when their pages are made.
package final class SharedFile: Sendable {
    package let descriptor: Int32

    /// Takes over `descriptor`: it is closed when the last range in it goes.
    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// `count` bytes from `offset`, read straight into the array (not zero-filled first); nil
    /// when the file is shorter.
    package func read(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0 else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let read = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                done += read
            }
            complete = done == count
            initialized = done
        }
        return complete ? bytes : nil
    }

    /// Writes all of `bytes` at `offset`; false when the disk refuses.
    package func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            done += written
        }
        return true
    }
}
