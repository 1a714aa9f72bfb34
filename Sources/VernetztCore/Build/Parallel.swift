import Dispatch
import Foundation

/// Data parallelism for the stages whose items are independent (parse, render).
/// `concurrentPerform` runs one worker per core over a fixed index range: no task per item,
/// no actor hops, results written straight into their slot.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        items.count > 1 ? map(consuming: items, transform) : items.map(transform)
    }

    /// `map` that owns its input: each item is released as soon as it is transformed (when
    /// nothing else holds it), rather than all of them at the end.
    static func map<T, R>(consuming items: consuming [T], _ transform: (T) -> R) -> [R] {
        let count = items.count
        let inputs = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { inputs.deallocate() }
        _ = inputs.initialize(from: items)
        items = []  // the buffer now holds the only references
        return results(count) { results in
            withoutActuallyEscaping(transform) { transform in
                let box = UncheckedBox((inputs, transform, results))
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    let (inputs, transform, results) = box.value
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
    static func slices<T>(_ items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}

extension Parallel {
    /// Runs `first` and `second` at once, one thread each, and gives both results: for two
    /// steps that are each done on one thread and need nothing from each other. (A `map`
    /// inside either would run on that one thread.)
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let a = UnsafeMutablePointer<A>.allocate(capacity: 1)
        let b = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer {
            a.deallocate()
            b.deallocate()
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let box = UncheckedBox((first, second, a, b))
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    let (first, second, a, b) = box.value
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
    static func mapFromBothEnds<R>(count: Int, _ transform: (Int) -> R) -> [R] {
        // NSLock (a pthread mutex) rather than `Mutex`: the thread sanitizer sees the former and
        // not the latter, and would report every access under it as a race.
        let ends = LockedEnds(count)
        let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        return results(count) { results in
            withoutActuallyEscaping(transform) { transform in
                let box = UncheckedBox((transform, results))
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let (transform, results) = box.value
                    while let i = ends.next(fromFront: worker % 2 == 0) {
                        (results.baseAddress! + i).initialize(to: transform(i))
                    }
                }
            }
        }
    }
}

/// Hands values that are only read (or written at disjoint indices) to parallel workers.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
