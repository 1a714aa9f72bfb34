import Foundation
import VernetztEngine

/// Server-sent events to every open page: after each rebuild, `reload`. Each page is a stream
/// the HTTP server writes out; streams are capped (past `maxClients`, 503), and a heartbeat
/// every `heartbeatSeconds` finds the pages that have gone: writing to them fails, the server
/// ends their response, and the stream is forgotten.
public final class LiveReload: Sendable {
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

    /// The first bytes of every stream: how soon the page reconnects after a restart.
    static let opening = Array("retry: 500\n\n".utf8)

    private struct Clients {
        var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var next = 0
        var stopped = false
    }

    private let clients = Locked(Clients())
    private let heartbeat: Task<Void, Never>

    init(heartbeatSeconds: Double = LiveReload.heartbeatSeconds) {
        let clients = self.clients
        // On the server's threads: the shared pool may be busy with work that blocks.
        heartbeat = Task(executorPreference: ServeExecutor.shared) {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(heartbeatSeconds * 1_000_000_000))
                Self.send(Array(": ping\n\n".utf8), to: clients)
            }
        }
    }

    deinit {
        heartbeat.cancel()
    }

    /// A new page's stream of events, or nil when `maxClients` are listening already. The
    /// stream starts with `opening` and is forgotten once the server stops reading it.
    func subscribe() -> AsyncStream<[UInt8]>? {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int? = clients.withLock { clients in
            guard !clients.stopped, clients.streams.count < Self.maxClients else { return nil }
            clients.next += 1
            clients.streams[clients.next] = continuation
            return clients.next
        }
        guard let id else { return nil }
        continuation.yield(Self.opening)
        continuation.onTermination = { [clients] _ in
            _ = clients.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every page to reload.
    func broadcast(generation: Int) {
        Self.send(Array("event: reload\ndata: \(generation)\n\n".utf8), to: clients)
    }

    private static func send(_ message: [UInt8], to clients: Locked<Clients>) {
        for continuation in clients.withLock({ Array($0.streams.values) }) { continuation.yield(message) }
    }

    var clientCount: Int { clients.withLock { $0.streams.count } }

    func closeAll() {
        heartbeat.cancel()
        let streams = clients.withLock { clients in
            clients.stopped = true
            defer { clients.streams = [:] }
            return Array(clients.streams.values)
        }
        for continuation in streams { continuation.finish() }
    }
}
