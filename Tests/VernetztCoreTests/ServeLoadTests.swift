import Foundation
import Synchronization
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The preview server under load and attack: it answers only its own host names, answers
/// every request (200 or 503) however many come at once, caps event streams and forgets the
/// dead ones, and keeps serving when the process runs out of file descriptors.
@Suite(.serialized) struct ServeLoadTests {
    static func site() throws -> TemporarySite {
        try TemporarySite(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05")])
    }

    /// The status of one request with `host` as its Host header.
    static func status(_ port: UInt16, host: String, seconds: Double = 10) throws -> Int {
        let client = try RawHTTP(port: port)
        _ = Array("GET /blog/x/ HTTP/1.1\r\nHost: \(host)\r\n\r\n".utf8).withUnsafeBytes { send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let response = client.read(until: "\r\n\r\n", seconds: seconds)
        return Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    @Test func onlyItsOwnHostNamesAreAnswered() throws {
        let server = PreviewServer(options: try Self.site().options()) { _ in }
        _ = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        for host in ["127.0.0.1", "127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST", "[::1]:\(server.port)", "vorschau.localhost"] {
            #expect(try Self.status(server.port, host: host) == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "", "localhost.evil.example"] {
            #expect(try Self.status(server.port, host: host) == 403, "\(host)")
        }
    }

    @Test func twoThousandRequestsAtOnceAreAllAnswered() throws {
        let server = PreviewServer(options: try Self.site().options()) { _ in }
        _ = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let statuses = NSLockedCounts()
        let unanswered = LockedList<String>()
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            var clients: [RawHTTP] = []
            for _ in 0..<100 {
                guard let client = try? RawHTTP(port: server.port) else { continue }
                client.send("/blog/x/")
                clients.append(client)
            }
            for client in clients {
                let started = Date()
                let response = client.read(until: "\r\n\r\n", seconds: 30)
                let status = Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
                if status == 0 { unanswered.append("after \(Date().timeIntervalSince(started)) s, \(response.utf8.count) bytes, errno \(errno)") }
                statuses.add(status)
            }
        }
        let counted = statuses.counts
        #expect(counted.values.reduce(0, +) == 2000, "\(counted)")
        #expect(Set(counted.keys).isSubset(of: [200, 503]), "\(counted); unanswered: \(unanswered.items.prefix(5))")
        #expect(counted[200, default: 0] > 0)
        #expect(try Self.status(server.port, host: "127.0.0.1") == 200)
    }

    @Test func eventStreamsAreCappedAndDeadOnesAreForgotten() throws {
        let server = PreviewServer(options: try Self.site().options(), heartbeatSeconds: 0.2) { _ in }
        _ = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        var streams: [RawHTTP] = []
        var refused = 0
        for _ in 0..<(LiveReload.maxClients + 44) {
            let client = try RawHTTP(port: server.port)
            client.send(LiveReload.path)
            let head = client.read(until: "\r\n\r\n", seconds: 10)
            if head.hasPrefix("HTTP/1.1 503") { refused += 1 } else { streams.append(client) }
        }
        #expect(refused == 44)
        #expect(server.connectedPages == LiveReload.maxClients)
        streams = []  // the pages go away without a word
        var left = server.connectedPages
        for _ in 0..<100 where left > 0 {
            usleep(50_000)
            left = server.connectedPages
        }
        #expect(left == 0, "dead event streams were kept")
        let again = try RawHTTP(port: server.port)
        again.send(LiveReload.path)
        #expect(again.read(until: "\r\n\r\n", seconds: 10).hasPrefix("HTTP/1.1 200"))
    }

    /// `serve` in a process with only 64 file descriptors: 150 clients that hang exhaust them,
    /// and once they are gone it answers again (before, the accept loop ended for good).
    @Test func runningOutOfFileDescriptorsIsSurvived() throws {
        let site = try Self.site()
        let port = try Self.freePort()
        let child = try ChildProcess("/bin/sh", ["-c", "ulimit -n 64 && exec \"$0\" serve --port \(port)", CommandLineRun.executable.path],
                                     in: site.root.path)
        defer {
            kill(child.pid, SIGTERM)
            _ = child.wait(seconds: 10)
        }
        var up = false
        let starting = Date()
        while !up && Date().timeIntervalSince(starting) < 20 {
            usleep(50_000)
            up = (try? Self.status(port, host: "127.0.0.1", seconds: 2)) == 200
        }
        #expect(up, "serve did not start")
        var hanging: [RawHTTP] = []
        for _ in 0..<150 {
            guard let client = try? RawHTTP(port: port) else { continue }
            _ = Array("GET /blog/x/ HTTP/1.1\r\nHost:".utf8).withUnsafeBytes { send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            hanging.append(client)
        }
        usleep(300_000)
        hanging = []
        var answered = false
        let waiting = Date()
        while !answered && Date().timeIntervalSince(waiting) < 15 {
            answered = (try? Self.status(port, host: "127.0.0.1", seconds: 2)) == 200
            if !answered { usleep(100_000) }
        }
        #expect(answered, "serve stopped answering after running out of file descriptors")
    }

    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// Counts by key from many threads (NSLock: the thread sanitizer sees it, unlike `Mutex`).
final class NSLockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Int] = [:]

    func add(_ key: Int) {
        lock.withLock { values[key, default: 0] += 1 }
    }

    var counts: [Int: Int] { lock.withLock { values } }
}
