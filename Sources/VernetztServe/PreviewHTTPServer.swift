import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VernetztEngine

/// The preview's HTTP server, on Hummingbird (SwiftNIO): it parses requests, keeps slow
/// clients from blocking others, backs off when the process runs out of file descriptors and
/// closes idle connections; vernetzt only decides what each request is answered with.
final class PreviewHTTPServer: Sendable {
    /// Connections that send nothing for this long are closed.
    static let idleSeconds: Int64 = 5

    private let running = Locked<(task: Task<Void, any Error>?, port: UInt16)>((nil, 0))

    var port: UInt16 { running.withLock { $0.port } }

    /// Binds to `host:port` (port 0 picks a free one) and serves until `stop`; returns once
    /// the server listens, or throws why it cannot.
    func start(host: String, port: UInt16, responder: PreviewResponder, reload: LiveReload) throws(BuildFailure) {
        Self.raiseOpenFileLimit()
        let started = DispatchSemaphore(value: 0)
        let bound = Locked<UInt16?>(nil)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                Self.response(to: request, responder: responder, reload: reload)
            },
            server: .http1(configuration: .init(idleTimeout: .seconds(Self.idleSeconds),
                                                httpDecoderConfiguration: .init(maxHeaderFieldSize: 128 * 1024,
                                                                                maxHeaderListSize: 256 * 1024))),
            configuration: .init(address: .hostname(host, port: Int(port)), serverName: nil, backlog: Int(SOMAXCONN)),
            onServerRunning: { channel in
                bound.withLock { $0 = UInt16(channel.localAddress?.port ?? 0) }
                started.signal()
            },
            logger: Self.quietLogger()
        )
        let task = Task(executorPreference: ServeExecutor.shared) {
            defer { started.signal() }  // a failure to bind ends the wait too
            try await app.run()
        }
        started.wait()
        guard let port = bound.withLock({ $0 }) else {
            task.cancel()
            throw BuildFailure([.error(SourceLocation(path: "\(host):\(port)"), .previewPortTaken)])
        }
        running.withLock { $0 = (task, port) }
    }

    func stop() {
        running.withLock { $0.task?.cancel() }
    }

    /// A request's answer as Hummingbird sends it; every answer but the event stream closes
    /// its connection (a page asks for what it links to anew).
    private static func response(to request: Request, responder: PreviewResponder, reload: LiveReload) -> Response {
        switch responder.respond(method: request.method.rawValue, target: request.uri.string, host: request.head.authority) {
        case .bytes(let status, let headers, let body):
            var fields = HTTPFields()
            for (name, value) in headers + [("Connection", "close")] {
                if let name = HTTPField.Name(name) { fields[name] = value }
            }
            fields[.contentLength] = String(body.count)
            let sent = request.method == .head ? [] : body
            return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: sent)))
        case .events:
            guard let stream = reload.subscribe() else {
                return Response(status: .serviceUnavailable, headers: [.retryAfter: "5", .connection: "close", .contentLength: "0"])
            }
            let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await message in stream { try await writer.write(ByteBuffer(bytes: message)) }
                try await writer.finish(nil)
            })
        }
    }

    /// As many open files as the system allows this process (often 1,024 soft, far more hard).
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Hummingbird's own log would mix English lines into the editor's terminal: errors only.
    private static func quietLogger() -> Logger {
        var logger = Logger(label: "vernetzt.serve")
        logger.logLevel = .critical
        return logger
    }
}
