import VernetztEngine
import VernetztModel
import VernetztCore

/// The first part of an HTTP/1.1 request: method, target and headers.
struct HTTPRequestHead {
    var method: String
    var target: String
    var headers: [String: String]

    /// Parses `GET /path HTTP/1.1\r\nHost: …\r\n\r\n`; nil when it is not a request line.
    static func parse(_ bytes: [UInt8]) -> HTTPRequestHead? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        guard let requestLine = lines.next() else { return nil }
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        var headers: [String: String] = [:]
        while let line = lines.next(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPRequestHead(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }
}
