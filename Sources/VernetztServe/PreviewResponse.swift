/// What the preview answers a request with: bytes with a status and headers, or the stream
/// of reload events an open page listens to.
enum PreviewResponse: Sendable {
    case bytes(status: Int, headers: [(String, String)], body: [UInt8])
    case events
}
