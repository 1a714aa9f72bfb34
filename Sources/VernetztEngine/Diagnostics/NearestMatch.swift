/// Finds the candidate nearest to what an editor wrote, for "did you mean …" hints.
public enum NearestMatch {
    /// The best candidate, or nil when none is close enough to be a plausible typo.
    public static func best(for written: String, among candidates: some Sequence<String>) -> String? {
        let target = written.lowercased()
        var best: (score: Int, candidate: String)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            var score: Int
            if lowered.hasPrefix(target) || target.hasPrefix(lowered) {
                // A shortened or lengthened id ('konvoi' for 'konvoi-begleitung') is the commonest slip.
                score = 1
            } else {
                let distance = editDistance(Array(target.unicodeScalars), Array(lowered.unicodeScalars))
                guard distance <= max(2, min(target.count, lowered.count) / 3) else { continue }
                score = distance + 1
            }
            if best == nil || score < best!.score || (score == best!.score && candidate < best!.candidate) {
                best = (score, candidate)
            }
        }
        return best?.candidate
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
