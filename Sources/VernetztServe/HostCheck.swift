import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// The preview serves drafts. A web page elsewhere could reach it through DNS rebinding (its
/// own name made to point at 127.0.0.1), but its requests then carry that name in `Host`: only
/// loopback names, the `--host` given and — when listening on every address — IP addresses
/// are answered.
struct HostCheck: Sendable {
    /// The address `serve` listens on, as given (`127.0.0.1`, `::1`, `0.0.0.0`, a name).
    let boundHost: String

    func allows(_ header: String?) -> Bool {
        guard let header, let name = Self.hostName(header) else { return false }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name.hasPrefix("127.") && Self.isIPAddress(name) {
            return true
        }
        let bound = boundHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == bound { return true }
        return (bound == "0.0.0.0" || bound == "::") && Self.isIPAddress(name)
    }

    /// The name in a `Host` header without its port, lowercased (`[::1]:8080` → `::1`).
    static func hostName(_ header: String) -> String? {
        let value = header.trimmingCharacters(in: .whitespaces).lowercased()
        guard !value.isEmpty else { return nil }
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            return String(value[value.index(after: value.startIndex)..<close])
        }
        if let colon = value.lastIndex(of: ":"), value.filter({ $0 == ":" }).count == 1 { return String(value[..<colon]) }
        return value
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
