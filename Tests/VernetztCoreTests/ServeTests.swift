import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The preview server on a free port: pages, reload events after a change, the error overlay,
/// and nothing outside the site.
@Suite(.serialized) struct ServeTests {
    static let files: [String: String] = [
        "content/blog/x.md": markdown("title: Erster Stand\ndate: 2022-07-05"),
        "content/blog/entwurf.md": markdown("title: Noch ein Entwurf\ndate: 2022-07-05\ndraft: true"),
        "content/blog/bald.md": markdown("title: Später\ndate: 2099-01-01"),
    ]

    func start(_ site: TemporarySite) throws -> PreviewServer {
        let server = PreviewServer(options: site.options()) { _ in }
        _ = try server.start(host: "127.0.0.1", port: 0)
        return server
    }

    @Test func servesPagesWithTheReloadScriptAndDraftsMarked() throws {
        let site = try TemporarySite(Self.files)
        let server = try start(site)
        defer { server.stop() }
        let page = try RawHTTP.get("/blog/x/", port: server.port)
        #expect(page.status == 200)
        #expect(page.body.contains("Erster Stand"))
        #expect(page.body.contains("new EventSource(\"/__vernetzt/events\")"))
        let list = try RawHTTP.get("/blog/", port: server.port).body
        #expect(list.contains("Noch ein Entwurf") && list.contains("Entwurf</span>"))
        #expect(list.contains("Später") && list.contains("Geplant</span>"))
        // Never in built files.
        try site.build()
        #expect(!(try site.read("blog/x/index.html")).contains("EventSource"))
        #expect(try RawHTTP.get("/assets/style.css", port: server.port).status == 200)
        #expect(try RawHTTP.get("/blog", port: server.port).status == 301)
    }

    @Test(arguments: ["/../../etc/passwd", "/blog/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                      "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%5c..%5cetc%5cpasswd", "/blog/%00", "/.git/config",
                      "//etc/passwd", "/nichts/"])
    func pathsOutsideTheSiteAreNotFound(path: String) throws {
        let site = try TemporarySite(Self.files)
        let server = try start(site)
        defer { server.stop() }
        let response = try RawHTTP.get(path, port: server.port)
        #expect(response.status == 404)
        #expect(!response.body.contains("root:"))
    }

    @Test func aChangeReloadsOpenPagesWithinASecond() throws {
        let site = try TemporarySite(Self.files)
        let server = try start(site)
        defer { server.stop() }
        let events = try RawHTTP(port: server.port)
        events.send(LiveReload.path)
        #expect(events.read(until: "retry:", seconds: 10).contains("text/event-stream"))
        let started = Date()
        try site.write("content/blog/x.md", markdown("title: Zweiter Stand\ndate: 2022-07-05"))
        let message = events.read(until: "event: reload", seconds: 10)
        let elapsed = Date().timeIntervalSince(started)
        #expect(message.contains("event: reload"))
        // About 0.1 s on an idle machine; the bound only guards against a missed change
        // (other suites run at the same time and share the cores).
        #expect(elapsed < 3)
        #expect(try RawHTTP.get("/blog/x/", port: server.port).body.contains("Zweiter Stand"))
    }

    /// A page listening for reload events, once the server has sent it the stream's head.
    func listen(_ server: PreviewServer) throws -> RawHTTP {
        let events = try RawHTTP(port: server.port)
        events.send(LiveReload.path)
        _ = events.read(until: "retry:", seconds: 10)
        return events
    }

    @Test func aBrokenFileShowsTheErrorsUntilItIsFixed() throws {
        let site = try TemporarySite(Self.files)
        let server = try start(site)
        defer { server.stop() }
        let events = try listen(server)
        try site.write("content/blog/x.md", markdown("title: Kaputt\ndate: 2022-13-45"))
        #expect(events.read(until: "event: reload", seconds: 10).contains("event: reload"))
        let broken = try RawHTTP.get("/blog/x/", port: server.port).body
        #expect(broken.contains("<h1>Die Website hat Fehler</h1>"))
        #expect(broken.contains("content/blog/x.md:3:7: Fehler: „2022-13-45“ ist kein gültiges Datum für „date“"))
        // Each error links to its section of the guide, which the preview serves itself.
        #expect(broken.contains("<a href=\"/__vernetzt/hilfe#meldung-datum-ungueltig\">Was tun?</a>"), "\(broken)")
        let help = try RawHTTP.get("/__vernetzt/hilfe", port: server.port).body
        #expect(help.contains("id=\"meldung-datum-ungueltig\"") && help.contains("Schreiben Sie Daten als Jahr-Monat-Tag"), "\(help.prefix(300))")
        // As in the terminal: the source line, and a caret under the column.
        #expect(broken.contains("<pre>    date: 2022-13-45\n          ^</pre>"), "\(broken)")
        try site.write("content/blog/x.md", markdown("title: Repariert\ndate: 2022-07-05"))
        #expect(events.read(until: "event: reload", seconds: 10).contains("event: reload"))
        let fixed = try RawHTTP.get("/blog/x/", port: server.port).body
        #expect(fixed.contains("Repariert") && !fixed.contains("Die Website hat Fehler"))
    }

    /// A layout saved with a cycle (a partial that includes itself) shows the error; serve lives on.
    @Test func aLayoutCycleSavedIsAnErrorNotACrash() throws {
        let site = try TemporarySite(Self.files)
        let server = try start(site)
        defer { server.stop() }
        let events = try listen(server)
        try site.write("layouts/partials/footer.mustache", "<footer>{{> partials/footer}}</footer>\n")
        #expect(events.read(until: "event: reload", seconds: 10).contains("event: reload"))
        let broken = try RawHTTP.get("/blog/x/", port: server.port).body
        #expect(broken.contains("layouts/partials/footer.mustache:1:9"))
        #expect(broken.contains("das wieder zu ihm führt"))
    }

    @Test func manyRequestsDuringRebuildsSeeWholeSites() throws {
        var files = Self.files
        for n in 0..<40 { files["content/blog/p\(n).md"] = markdown("title: Stand A \(n)\ndate: 2022-01-01") }
        let site = try TemporarySite(files)
        let server = try start(site)
        defer { server.stop() }
        let port = server.port
        let failures = FailureCount()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<10 {
                if worker == 0 {
                    let stand = round % 2 == 0 ? "B" : "A"
                    for n in 0..<40 { try? site.write("content/blog/p\(n).md", markdown("title: Stand \(stand) \(n)\ndate: 2022-01-01")) }
                    continue
                }
                guard let list = try? RawHTTP.get("/blog/", port: port), list.status == 200 else {
                    failures.add("no answer or not 200")
                    continue
                }
                // A whole page of one build: complete, and a full first page of the list.
                let teasers = list.body.components(separatedBy: "<li class=\"teaser ").count - 1
                if teasers != 10 || !list.body.contains("</html>") { failures.add("\(teasers) teasers, \(list.body.count) bytes") }
            }
        }
        #expect(failures.value == 0, "\(failures.reasons)")
    }
}

/// Counts failures from parallel workers.
final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ reason: String) { lock.lock(); list.append(reason); lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return list.count }
    var reasons: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

@Suite(.serialized) struct ServeAbuseTests {
    func start() throws -> (PreviewServer, TemporarySite) {
        let site = try TemporarySite(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05")])
        let server = PreviewServer(options: site.options()) { _ in }
        _ = try server.start(host: "127.0.0.1", port: 0)
        return (server, site)
    }

    @Test func overlongRequestsAreDroppedAndTheServerGoesOn() throws {
        let (server, _) = try start()
        defer { server.stop() }
        let long = try RawHTTP(port: server.port)
        long.send("/" + String(repeating: "a", count: 100_000))
        let answer = long.read(until: "\r\n\r\n", seconds: 5)
        #expect(answer.hasPrefix("HTTP/1.1 431") || answer.hasPrefix("HTTP/1.1 404"), "\(answer.prefix(100))")
        let headers = try RawHTTP(port: server.port)
        let huge = "GET / HTTP/1.1\r\n" + (0..<2000).map { "X-\($0): \(String(repeating: "b", count: 50))\r\n" }.joined() + "\r\n"
        _ = Array(huge.utf8).withUnsafeBytes { send(headers.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        _ = headers.read(until: "\r\n\r\n", seconds: 5)
        #expect(try RawHTTP.get("/blog/x/", port: server.port).status == 200)
    }

    @Test func slowClientsDoNotBlockOthers() throws {
        let (server, _) = try start()
        defer { server.stop() }
        // Fifty clients that start a request and never finish it.
        let slow = try (0..<50).map { _ -> RawHTTP in
            let client = try RawHTTP(port: server.port)
            _ = Array("GET /blog/x/ HTTP/1.1\r\nHost:".utf8).withUnsafeBytes { send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            return client
        }
        let started = Date()
        #expect(try RawHTTP.get("/blog/x/", port: server.port).status == 200)
        #expect(Date().timeIntervalSince(started) < 5)
        _ = slow
    }

    @Test func methodsOtherThanGetAndHeadAreRefused() throws {
        let (server, _) = try start()
        defer { server.stop() }
        let client = try RawHTTP(port: server.port)
        _ = Array("DELETE /blog/x/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8).withUnsafeBytes { send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        #expect(client.read(until: "\r\n\r\n", seconds: 5).hasPrefix("HTTP/1.1 405"))
        let garbage = try RawHTTP(port: server.port)
        _ = Array("\u{0}\u{1}\u{2}\r\n\r\n".utf8).withUnsafeBytes { send(garbage.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        _ = garbage.read(until: "\r\n\r\n", seconds: 3)
        #expect(try RawHTTP.get("/blog/x/", port: server.port).status == 200)
    }
}
