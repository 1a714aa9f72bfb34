import Dispatch

/// Times the pipeline's stages for `--verbose` and the benchmark.
public struct StageClock: Sendable {
    public init() {}

    public private(set) var timings: [(stage: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    public mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((stage, Double(now - started) / 1e9))
        started = now
    }
}
