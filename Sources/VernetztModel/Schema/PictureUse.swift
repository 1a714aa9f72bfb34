/// What an image field shows, which decides the sizes made of it and how it is cut.
public enum PictureUse: String, Sendable, CaseIterable {
    /// A photo or illustration at the width of the text, and small in lists.
    case photo
    /// A logo: never cut, shown small, on any background.
    case logo
    /// A person's picture: cut square around what draws the eye.
    case portrait
}
