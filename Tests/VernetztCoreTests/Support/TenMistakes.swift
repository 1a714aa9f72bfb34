/// A site with ten mistakes in ten files, each of another kind, and a reference to the file
/// that cannot be read: one run must list all ten (the editors' issue).
enum TenMistakes {
    static let files: [String: String] = [
        "content/angebote/konvoi.md": markdown("title: Konvoi"),
        "content/team/petra.md": markdown("title: Petra"),
        // 1 YAML: a tab before a key
        "content/blog/a.md": "---\ntitle: A\n\tdate: 2022-01-01\n---\nText.\n",
        // 2 an unknown format
        "content/blog/b.md": markdown("title: B\ndate: 2022-01-01\nformats: [konvio]"),
        // 3 a broken @ link
        "content/blog/c.md": markdown("title: C\ndate: 2022-01-01", "Siehe [Angebot](@angebote/konvo).\n"),
        // 4 a broken path
        "content/blog/d.md": markdown("title: D\ndate: 2022-01-01", "Siehe [Kontakt](/kontakt/).\n"),
        // 5 a missing picture
        "content/blog/e.md": markdown("title: E\ndate: 2022-01-01\nimage: fehlt.jpg\nimage_alt: Fehlt"),
        // 6 a date that is none
        "content/blog/f.md": markdown("title: F\ndate: 2022-13-45"),
        // 7 a picture without its description
        "content/blog/g/index.md": markdown("title: G\ndate: 2022-01-01\nimage: foto.jpg"),
        "content/blog/g/foto.jpg": TestPictures.jpegMarker,
        // 8 a key in German
        "content/blog/h.md": markdown("title: H\ndate: 2022-01-01\nautoren: [petra]"),
        // 9 an event that ends before it begins
        "content/veranstaltungen/i.md": markdown("title: I\nstart: 2022-07-05\nend: 2022-07-04\nonline: true"),
        // 10 an unknown author, referring to a person nobody wrote
        "content/blog/j.md": markdown("title: J\ndate: 2022-01-01\nauthors: [paul]"),
        // and a reference to the file with the YAML error: no error of its own
        "content/blog/k.md": markdown("title: K\ndate: 2022-01-01", "Siehe [A](@blog/a).\n"),
    ]
}
