import Foundation

/// The indices `0..<count` handed out from the front or the back, each once, to any thread.
final class LockedEnds: @unchecked Sendable {
    private let lock = NSLock()
    private var front = 0
    private var back: Int

    init(_ count: Int) {
        back = count
    }

    /// The next index from the chosen end, or nil when none is left.
    func next(fromFront: Bool) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard front < back else { return nil }
        if fromFront {
            front += 1
            return front - 1
        }
        back -= 1
        return back
    }
}
