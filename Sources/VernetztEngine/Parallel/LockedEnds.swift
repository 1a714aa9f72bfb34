/// The indices `0..<count` handed out from the front or the back, each once, to any thread.
final class LockedEnds: Sendable {
    private let ends: Locked<(front: Int, back: Int)>

    package init(_ count: Int) {
        ends = Locked((0, count))
    }

    /// The next index from the chosen end, or nil when none is left.
    package func next(fromFront: Bool) -> Int? {
        ends.withLock { ends in
            guard ends.front < ends.back else { return nil }
            if fromFront {
                ends.front += 1
                return ends.front - 1
            }
            ends.back -= 1
            return ends.back
        }
    }
}
