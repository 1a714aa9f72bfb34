import Foundation

/// Server-sent events to every open page: after each rebuild, `reload`.
final class LiveReload: @unchecked Sendable {
    static let path = "/__vernetzt/events"

    /// Injected into HTML pages in serve mode only, never into built files.
    static let script = """
        <script>(function () {
          var source = new EventSource("\(path)");
          source.addEventListener("reload", function () { location.reload(); });
        })();</script>
        """

    private let lock = NSLock()
    private var clients: [HTTPConnection] = []

    func subscribe(_ connection: HTTPConnection) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n"
        // The head and joining the list happen under one lock: a page that has its head is
        // sure to hear the next reload, and no reload can come before the head.
        lock.lock()
        defer { lock.unlock() }
        guard connection.write(Array(head.utf8)) else { return connection.close() }
        clients.append(connection)
    }

    /// Tells every page to reload; pages that have gone are forgotten.
    func broadcast(generation: Int) {
        lock.lock()
        let current = clients
        lock.unlock()
        let message = Array("event: reload\ndata: \(generation)\n\n".utf8)
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
        lock.unlock()
        for connection in current { connection.close() }
    }
}
