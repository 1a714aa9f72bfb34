import Dispatch

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
        let results = UnsafeMutableBufferPointer<R>.allocate(capacity: count)
        defer { results.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox((inputs, transform, results))
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let (inputs, transform, results) = box.value
                (results.baseAddress! + i).initialize(to: transform((inputs.baseAddress! + i).move()))
            }
        }
        let array = Array(results)
        _ = results.baseAddress!.deinitialize(count: count)
        return array
    }
}

/// Hands values that are only read (or written at disjoint indices) to parallel workers.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
