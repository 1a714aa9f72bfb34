/// Who writes which output file, so that two writers of one path are caught before writing.
struct OutputPathRegistry {
    private var owners: [String: String] = [:]

    mutating func reserve(_ file: String, by owner: String) {
        owners[file] = owner
    }

    /// Claims `file`; returns the earlier owner when it was taken.
    mutating func claim(_ file: String, by owner: String) -> String? {
        if let existing = owners[file] { return existing }
        owners[file] = owner
        return nil
    }
}
