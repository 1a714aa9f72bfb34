import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// One accepted TCP connection: read the request head, write a response, close.
final class HTTPConnection: @unchecked Sendable {
    let socket: Int32
    private var closed = false
    private let lock = NSLock()

    init(socket: Int32) {
        self.socket = socket
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // A page that stops reading must not block a writer (a reload broadcast) for ever.
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// What reading a request head came to.
    enum HeadResult {
        case head(HTTPRequestHead)
        /// The client closed the connection before sending a whole head.
        case closed
        /// Nothing more arrived for five seconds.
        case timedOut
        /// More than 16 KiB, or not an HTTP request.
        case tooLong, malformed
    }

    /// Reads up to the blank line that ends the head (16 KiB at most).
    func readHead() -> HeadResult {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 16_384 {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return .timedOut }
            guard count > 0 else { return .closed }
            buffer += chunk[0..<count]
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                return HTTPRequestHead.parse(Array(buffer[..<end.lowerBound])).map { .head($0) } ?? .malformed
            }
        }
        return .tooLong
    }

    /// Writes all bytes; false when the other side has gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return false }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    func respond(status: Int, reason: String, headers: [(String, String)], body: [UInt8], includeBody: Bool = true) {
        write(Self.head(status: status, reason: reason, headers: headers, length: body.count) + (includeBody ? body : []))
        close()
    }

    /// The status line and headers, with `Content-Length` and `Connection: close`.
    private static func head(status: Int, reason: String, headers: [(String, String)], length: Int) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers + [("Content-Length", "\(length)"), ("Connection", "close")] {
            head += "\(name): \(value)\r\n"
        }
        return Array((head + "\r\n").utf8)
    }

    /// Answers without having read the request (a refusal), then leaves the socket to
    /// `LingeringClose`, so that the answer is not lost to a reset.
    func refuse(status: Int, reason: String, retryAfter: Int) {
        write(Self.head(status: status, reason: reason, headers: [("Retry-After", "\(retryAfter)")], length: 0))
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        LingeringClose.shared.add(socket)
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }
}
