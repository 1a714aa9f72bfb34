import VernetztEngine

/// Lays a site's `schema.yml` over the built-in schema, as YAML: under `kinds`, a kind named
/// in both keeps what the site does not change, and under a kind's `fields` a field named in
/// both is the site's; every other key the site sets replaces the built-in one.
enum SchemaMerge {
    static func merge(_ base: YAMLValue, _ overlay: YAMLValue) -> YAMLValue {
        merge(base, overlay, depth: 0)
    }

    /// Depth 0: the file; 1: `kinds`; 2: one kind; 3: its `fields` (replaced field by field).
    private static func merge(_ base: YAMLValue, _ overlay: YAMLValue, depth: Int) -> YAMLValue {
        guard case .keys(var entries, let at) = base, case .keys(let changes, _) = overlay else { return overlay }
        for change in changes {
            guard let name = change.key.text, let i = entries.firstIndex(where: { $0.key.text == name }) else {
                entries.append(change)
                continue
            }
            let descends = (depth == 0 && name == "kinds") || depth == 1 || (depth == 2 && name == "fields")
            entries[i].value = descends ? merge(entries[i].value, change.value, depth: depth + 1) : change.value
            // Problems are reported in the site's file: at its key, not the built-in one.
            entries[i].key = change.key
        }
        return .keys(entries, at: at)
    }
}
