import VernetztEngine
import VernetztModel

/// Holds values until the process ends. A one-off build leaves its site to the exit rather than
/// freeing hundreds of thousands of objects one by one: that took a twentieth of a build, on
/// one thread, after all the work was done (compilers skip freeing at exit for the same reason).
enum LeftToExit {
    private final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
