import Dispatch
import Foundation

/// Data parallelism for the stages whose items are independent (parse, render).
/// `concurrentPerform` runs one worker per core over a fixed index range: no task per item,
/// no actor hops, results written straight into their slot. The work is `@Sendable` and so
/// are items and results: the compiler checks what the workers share; only the slots the
/// results are written into (each by one worker) are handed over unchecked (`Slots`).
package enum Parallel {
    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        items.count > 1 ? map(consuming: items, transform) : items.map(transform)
    }

    /// `map` that owns its input: each item is released as soon as it is transformed (when
    /// nothing else holds it), rather than all of them at the end.
    package static func map<T: Sendable, R: Sendable>(consuming items: consuming [T], _ transform: @Sendable (T) -> R) -> [R] {
        let count = items.count
        let inputs = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { inputs.deallocate() }
        _ = inputs.initialize(from: items)
        items = []  // the buffer now holds the only references
        return results(count) { results in
            withoutActuallyEscaping(transform) { transform in
                let slots = Slots((inputs, results))
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    let (inputs, results) = slots.value
                    (results.baseAddress! + i).initialize(to: transform((inputs.baseAddress! + i).move()))
                }
            }
        }
    }

    /// An array of `count` results that `fill` writes in place, each slot exactly once (from
    /// any thread): no buffer to copy them out of afterwards.
    private static func results<R>(_ count: Int, _ fill: (UnsafeMutableBufferPointer<R>) -> Void) -> [R] {
        [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(buffer)
            initialized = count
        }
    }

    /// `items` in consecutive slices of at most `size`: work for `map` where one item alone is
    /// too little to hand to a thread.
    package static func slices<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}

extension Parallel {
    /// Runs `first` and `second` at once, one thread each, and gives both results: for two
    /// steps that are each done on one thread and need nothing from each other. (A `map`
    /// inside either would run on that one thread.)
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = UnsafeMutablePointer<A>.allocate(capacity: 1)
        let b = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer {
            a.deallocate()
            b.deallocate()
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let slots = Slots((a, b))
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    let (a, b) = slots.value
                    if i == 0 { a.initialize(to: first()) } else { b.initialize(to: second()) }
                }
            }
        }
        return (a.move(), b.move())
    }

    /// `map` over `0..<count` in which half the workers take indices from the front and half
    /// from the back. Pages are written as they are made, and creating folders in one folder
    /// serialises on that folder's lock in the kernel: with the item pages (all in `blog/`) at
    /// the front and the lists (spread over many folders) at the back, the workers seldom wait
    /// for each other there.
    package static func mapFromBothEnds<R: Sendable>(count: Int, _ transform: @Sendable (Int) -> R) -> [R] {
        // NSLock (a pthread mutex) rather than `Mutex`: the thread sanitizer sees the former and
        // not the latter, and would report every access under it as a race.
        let ends = LockedEnds(count)
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        return results(count) { results in
            withoutActuallyEscaping(transform) { transform in
                let slots = Slots(results)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let results = slots.value
                    while let i = ends.next(fromFront: worker % 2 == 0) {
                        (results.baseAddress! + i).initialize(to: transform(i))
                    }
                }
            }
        }
    }
}

/// The memory the workers read their items from and write their results to: each slot by
/// exactly one worker, which no checker can see, hence unchecked; nothing else goes in here.
private struct Slots<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
}
