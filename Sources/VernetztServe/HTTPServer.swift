import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// A small HTTP/1.1 server on a socket, enough for a local preview: one request per
/// connection, each on a thread of its own so that slow clients block no one (a shared pool
/// would wait for them); past `maxConnections` at once, new ones get a quick 503. It keeps
/// accepting whatever happens: when the process runs out of file descriptors it waits a
/// moment and tries again, and it raises its soft limit of open files to the hard one at start.
final class HTTPServer: @unchecked Sendable {
    static let maxConnections = 512
    private var listener: Int32 = -1
    private let countLock = NSLock()
    private var open = 0
    private let handler: @Sendable (HTTPRequestHead, HTTPConnection) -> Void
    private(set) var port: UInt16 = 0

    init(handler: @escaping @Sendable (HTTPRequestHead, HTTPConnection) -> Void) {
        self.handler = handler
    }

    /// Binds to `host:port` (port 0 picks a free one) and starts accepting.
    func start(host: String, port: UInt16) throws(ServeError) {
        Self.raiseOpenFileLimit()
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else {
            throw ServeError("cannot resolve host '\(host)'")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard fd >= 0 else { throw ServeError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw ServeError("cannot listen on \(host):\(port): \(reason)")
        }
        // A deep queue: a burst of connections waits for accept instead of losing its handshake.
        guard listen(fd, SOMAXCONN) == 0 else {
            Glibc.close(fd)
            throw ServeError("cannot listen on \(host):\(port): \(String(cString: strerror(errno)))")
        }
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        self.port = withUnsafePointer(to: &bound) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        listener = fd
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "vernetzt.serve.accept"
        thread.start()
    }

    /// As many open files as the system allows this process (often 1,024 soft, far more hard).
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                switch errno {
                case EBADF, EINVAL, ENOTSOCK:
                    Glibc.close(fd)  // the listener was shut down: stop (see `stop`)
                    return
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    usleep(50_000)  // out of descriptors or memory: let connections finish
                default:
                    break  // EINTR, ECONNABORTED, a network error of one client: next
                }
                continue
            }
            let connection = HTTPConnection(socket: client)
            countLock.lock()
            let admitted = open < Self.maxConnections
            if admitted { open += 1 }
            countLock.unlock()
            guard admitted else {
                connection.refuse(status: 503, reason: "Service Unavailable", retryAfter: 1)
                continue
            }
            let worker = Thread { [self, handler] in
                defer {
                    countLock.lock()
                    open -= 1
                    countLock.unlock()
                }
                // Every request gets an answer, even one that never came whole.
                switch connection.readHead() {
                case .head(let head): handler(head, connection)
                case .closed: connection.close()
                case .timedOut: connection.respond(status: 408, reason: "Request Timeout", headers: [], body: [])
                case .tooLong: connection.respond(status: 431, reason: "Request Header Fields Too Large", headers: [], body: [])
                case .malformed: connection.respond(status: 400, reason: "Bad Request", headers: [], body: [])
                }
            }
            worker.stackSize = 512 * 1024
            worker.start()
        }
    }

    /// Shuts the listener down; the accept thread, woken by that, closes it. Closed here, its
    /// number could go to another socket before the thread's next `accept`, which would then
    /// take that socket's connections.
    func stop() {
        guard listener >= 0 else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        listener = -1
    }
}

/// `serve` could not start.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
