/// The version `vernetzt --version` prints; `make dist` names the archive after it.
enum Version {
    static let number = "0.2.0"
}
