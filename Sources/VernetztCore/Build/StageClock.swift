import Dispatch
import Foundation
import VernetztEngine
import VernetztModel

/// Times the pipeline's stages for `--verbose` and the benchmark: wall time, and CPU time of
/// all threads (user and system), which shows how well a stage uses the cores.
public struct StageClock: Sendable {
    public init() {}

    public private(set) var timings: [(stage: String, seconds: Double, cpuSeconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds
    private var startedCPU = Self.processCPUSeconds()

    public mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        timings.append((stage, Double(now - started) / 1e9, cpu - startedCPU))
        started = now
        startedCPU = cpu
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
