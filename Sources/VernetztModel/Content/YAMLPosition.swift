import VernetztEngine

/// Where a YAML value starts: line and column in the YAML, both from 1, the column counted in
/// Unicode scalars (as libyaml counts it).
package struct YAMLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
