import VernetztEngine
import VernetztModel

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

    /// How many page links stand on each side of the current page.
    static let window = 2

    /// The page numbers a page links to: the first, the last and the window around the
    /// current one, nil where a gap is. A thousand-page list must not link every page from
    /// every page (nor cost a thousand entries each).
    func shownPages(around number: Int) -> [Int?] {
        var numbers: [Int] = [1]
        numbers += (max(2, number - Self.window)...max(2, min(pageCount - 1, number + Self.window))).filter { $0 < pageCount }
        if pageCount > 1 { numbers.append(pageCount) }
        var shown: [Int?] = []
        for n in numbers {
            if let last = shown.last ?? nil, n - last == 2 { shown.append(last + 1) }  // one missing page: link it
            else if let last = shown.last ?? nil, n - last > 2 { shown.append(nil) }
            shown.append(n)
        }
        return shown
    }

    /// What a layout needs to draw the page links (nil when there is only one page).
    func context(page number: Int, basePath: String) -> TemplateObject? {
        guard pageCount > 1 else { return nil }
        var values: TemplateObject = [
            .current: .number(number), .total: .number(pageCount),
            .pages: .objects(shownPages(around: number).map { n -> TemplateObject in
                guard let n else { return [.gap: true, .number: false, .url: false, .current: false] }
                return [.gap: false, .number: .number(n), .url: .text(basePath + folder(ofPage: n)), .current: .flag(n == number)]
            }),
        ]
        if number > 1 { values[.prevURL] = .text(basePath + folder(ofPage: number - 1)) }
        if number < pageCount { values[.nextURL] = .text(basePath + folder(ofPage: number + 1)) }
        return values
    }
}
