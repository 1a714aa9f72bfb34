import Foundation

/// Threads of the preview's own that run its server's tasks. Swift's shared pool has a thread
/// per core; code that blocks one of them (a test reading a socket, a synchronous caller
/// waiting for the server to start) would leave requests waiting. On threads of its own the
/// server answers whatever the rest of the process does.
final class ServeExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int = 2) {
        for n in 0..<threads {
            let thread = Thread { [self] in work() }
            thread.name = "vernetzt.serve.\(n)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// One set of threads for every preview server of the process.
    static let shared = ServeExecutor()
}
