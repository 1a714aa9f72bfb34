import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// Closes refused connections gently. A socket closed while the client's request is still
/// unread makes the kernel answer with a reset, and the client may lose the 503 it was sent.
/// So the answer is followed by a half-close, and one thread reads and discards what the
/// client still sends until it closes its side (or two seconds pass); only then is the socket
/// closed. One thread for all, however many are refused.
final class LingeringClose: @unchecked Sendable {
    static let shared = LingeringClose()
    private let lock = NSLock()
    private var sockets: [(fd: Int32, deadline: Date)] = []
    private var running = false

    func add(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        lock.lock()
        sockets.append((fd, Date().addingTimeInterval(2)))
        let start = !running
        running = true
        lock.unlock()
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "vernetzt.serve.linger"
            thread.start()
        }
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            lock.lock()
            let current = sockets
            lock.unlock()
            if current.isEmpty {
                lock.lock()
                if sockets.isEmpty { running = false; lock.unlock(); return }
                lock.unlock()
                continue
            }
            var polled = current.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            _ = poll(&polled, nfds_t(polled.count), 50)
            let now = Date()
            var finished = Set<Int32>()
            for (entry, result) in zip(current, polled) {
                var done = now > entry.deadline || result.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                if !done && result.revents & Int16(POLLIN) != 0 {
                    let count = recv(entry.fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                    done = count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR)
                }
                if done {
                    Glibc.close(entry.fd)
                    finished.insert(entry.fd)
                }
            }
            if !finished.isEmpty {
                lock.lock()
                sockets.removeAll { finished.contains($0.fd) }
                lock.unlock()
            }
        }
    }
}
