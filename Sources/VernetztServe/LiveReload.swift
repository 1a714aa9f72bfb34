import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// Server-sent events to every open page: after each rebuild, `reload`. Streams are capped
/// (past `maxClients`, 503) and a heartbeat every `heartbeatSeconds` finds the ones whose page
/// has gone, so that they do not hold a file descriptor for ever.
public final class LiveReload: @unchecked Sendable {
    static let path = "/__vernetzt/events"
    static let maxClients = 256
    public static let heartbeatSeconds: Double = 15

    /// Injected into HTML pages in serve mode only, never into built files.
    static let script = """
        <script>(function () {
          var source = new EventSource("\(path)");
          source.addEventListener("reload", function () { location.reload(); });
        })();</script>
        """

    private let lock = NSLock()
    private var clients: [HTTPConnection] = []
    private var heartbeat: Thread?
    private var stopped = false

    init(heartbeatSeconds: Double = LiveReload.heartbeatSeconds) {
        let thread = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: heartbeatSeconds)
                guard let self, !self.isStopped else { return }
                self.send(Array(": ping\n\n".utf8))
            }
        }
        thread.name = "vernetzt.serve.heartbeat"
        heartbeat = thread
        thread.start()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    func subscribe(_ connection: HTTPConnection) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n"
        // The head and joining the list happen under one lock: a page that has its head is
        // sure to hear the next reload, and no reload can come before the head.
        lock.lock()
        defer { lock.unlock() }
        guard clients.count < Self.maxClients else {
            return connection.respond(status: 503, reason: "Service Unavailable", headers: [("Retry-After", "5")], body: [])
        }
        guard connection.write(Array(head.utf8)) else { return connection.close() }
        clients.append(connection)
    }

    /// Tells every page to reload; pages that have gone are forgotten.
    func broadcast(generation: Int) {
        send(Array("event: reload\ndata: \(generation)\n\n".utf8))
    }

    /// Writes to every stream; the ones that fail are closed and forgotten.
    private func send(_ message: [UInt8]) {
        lock.lock()
        let current = clients
        lock.unlock()
        let gone = current.filter { !$0.write(message) }
        guard !gone.isEmpty else { return }
        for connection in gone { connection.close() }
        lock.lock()
        clients.removeAll { client in gone.contains { $0 === client } }
        lock.unlock()
    }

    var clientCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return clients.count
    }

    func closeAll() {
        lock.lock()
        let current = clients
        clients = []
        stopped = true
        lock.unlock()
        for connection in current { connection.close() }
    }
}
