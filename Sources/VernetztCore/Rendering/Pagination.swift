/// Splits a list into pages: page 1 at the list's own URL, page N at `…/seite/N/`.
struct Pagination {
    /// The list's folder relative to the output root (`blog/`, `schlagwoerter/wirkung/`).
    let folder: String
    let pageSize: Int
    let count: Int

    var pageCount: Int { max(1, (count + pageSize - 1) / pageSize) }

    func folder(ofPage number: Int) -> String {
        number == 1 ? folder : folder + SitePaths.pageSegment + "\(number)/"
    }

    func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * pageSize
        return start..<min(start + pageSize, count)
    }

    /// What a layout needs to draw the page links (nil when there is only one page).
    func context(page number: Int, basePath: String) -> [String: Any]? {
        guard pageCount > 1 else { return nil }
        var values: [String: Any] = [
            "current": number, "total": pageCount,
            "pages": (1...pageCount).map { n -> [String: Any] in
                ["number": n, "url": basePath + folder(ofPage: n), "current": n == number]
            },
        ]
        if number > 1 { values["prev_url"] = basePath + folder(ofPage: number - 1) }
        if number < pageCount { values["next_url"] = basePath + folder(ofPage: number + 1) }
        return values
    }
}
