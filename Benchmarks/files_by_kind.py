#!/usr/bin/env python3
"""Counts a built site's files by the kind of page or file they are, with their bytes: what
the build writes, and why.

    files_by_kind.py OUTPUT_DIR

Kinds: item pages (`blog/<slug>/`), list pages and their further pages (`blog/`,
`blog/seite/2/`), backlink lists of one item (`partner/<slug>/blog/…`), tag pages
(`schlagwoerter/…`), feeds, calendars, pictures, the search index, the rest.
"""

import collections
import os
import sys


def kind_of(path):
    parts = path.split("/")
    name = parts[-1]
    if parts[0] == "pagefind":
        return "search index (Pagefind)"
    if parts[0] == "bilder":
        return "pictures and social cards"
    if parts[0] == "assets":
        return "theme assets"
    if name.endswith(".xml") and name != "sitemap.xml":
        return "feeds (Atom)"
    if name.endswith(".ics"):
        return "calendars"
    if name != "index.html":
        return "other (home, 404, sitemap, robots)"
    folders = parts[:-1]
    if not folders:
        return "other (home, 404, sitemap, robots)"
    if folders[0] == "schlagwoerter":
        return "tag pages (with their further pages)"
    if "seite" in folders:
        at = folders.index("seite")
        return "list pages, further pages" if at == 1 else "backlink lists of an item, further pages"
    if len(folders) == 1:
        return "list pages, first page"
    if len(folders) == 2:
        return "item pages"
    return "backlink lists of an item, first page"


def main():
    root = sys.argv[1]
    counts, sizes = collections.Counter(), collections.Counter()
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.relpath(os.path.join(folder, name), root)
            if name.startswith("."):
                continue
            kind = kind_of(path)
            counts[kind] += 1
            sizes[kind] += os.path.getsize(os.path.join(folder, name))
    print("| kind | files | MB |")
    print("|---|---|---|")
    for kind, count in counts.most_common():
        print("| %s | %d | %.1f |" % (kind, count, sizes[kind] / 1e6))
    print("| all | %d | %.1f |" % (sum(counts.values()), sum(sizes.values()) / 1e6))


if __name__ == "__main__":
    main()
