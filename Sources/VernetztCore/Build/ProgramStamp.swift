import Foundation
import VernetztEngine

/// Which vernetzt is running: its executable's size, time of change and inode. The state a
/// build keeps holds what this program's parser made of each file and which pages its
/// renderer wrote; another vernetzt (an update, a new build of it) may make something else of
/// the same file, so it starts from nothing instead of trusting them.
enum ProgramStamp {
    static let current: Int = {
        // `/proc/self/exe` is the program itself even when started through a link or from PATH
        // (`stat` follows it).
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return 0 }
        let stamp = FileStamp(info)
        var hasher = StableHasher()
        hasher.combine(stamp.size)
        hasher.combine(stamp.seconds)
        hasher.combine(stamp.nanoseconds)
        hasher.combine(stamp.inode)
        return hasher.finalize()
    }()
}
