/// A path's segments as they resolve: empty ones and `.` dropped, each `..` taking back the
/// segment before it.
public enum PathSegments {
    /// nil when a `..` would go above the first segment.
    public static func resolved(_ segments: some Sequence<Substring>) -> [Substring]? {
        var resolved: [Substring] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                guard !resolved.isEmpty else { return nil }
                resolved.removeLast()
            default: resolved.append(segment)
            }
        }
        return resolved
    }
}
