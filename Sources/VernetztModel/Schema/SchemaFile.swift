import VernetztEngine

/// Where a site's schema lives: beside its layouts, since the theme owns its kinds.
public enum SchemaFile {
    public static let name = "schema.yml"
}
