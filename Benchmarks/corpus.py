#!/usr/bin/env python3
"""Writes the same synthetic German blog twice: as a vernetzt site and as a Hugo site.

    corpus.py N OUTDIR

OUTDIR/vernetzt/  site.yml and content/ (posts referring to team, formats, partners, themes
                  and tags, with @blog/… links between posts), built with the repo's layouts.
OUTDIR/hugo/      config.toml, content/posts/ with the same posts, minimal layouts with a
                  single page, the post list, the home page, and tag pages.

Every post comes from its own random generator seeded with its number, so the first K posts of
a corpus of N > K posts are the same as a corpus of K posts. Standard library only.
"""

import os
import random
import shutil
import sys

WORDS = ("Betrieb Unternehmen Digitalisierung Werkstatt Auftrag Kunde Lager Termin Rechnung Daten "
         "Maschine Fertigung Handwerk Mitarbeiterin Mitarbeiter Schulung Prozess Ablauf Lösung Software "
         "Netzwerk Sicherheit Zugang Planung Übersicht Änderung Prüfung Größe Qualität Förderung Beratung "
         "Gespräch Workshop Ergebnis Erfahrung Angebot Anfrage Bestellung Lieferung Wartung Messung "
         "Sensor Steuerung Anlage Halle Büro Straße Stadt Region Markt Preis Kosten Zeit Woche Monat").split()
VERBS = ("zeigt erklärt verbessert plant prüft nutzt braucht bietet führt ändert misst ordnet "
         "spart erreicht gewinnt verbindet sichert teilt lernt übernimmt").split()
GLUE = "und oder mit für über nach bei durch ohne seit vor im am zum zur der die das ein eine".split()
PEOPLE = ["Anna Bäcker", "Jörg Müller", "Käthe Groß", "Ülkü Şahin", "Peter Weiß"]
FORMATS = ["Sprechstunde", "Konvoi", "Umsetzungsprojekt", "Mini-Projekt", "Werkstattgespräch",
           "Lernlabor", "Schulung", "Praxistag"]
THEMES = ["Geschäftsmodelle", "Vernetzung", "Sicherheit", "Akzeptanz", "Fertigung", "Handel"]
TAGS = ["Daten", "Cloud", "Lager", "Termine", "Schulung", "Förderung", "Sensorik", "Rechnung",
        "Webshop", "Sicherheit", "Planung", "Kundschaft", "Wartung", "Qualität", "Energie",
        "Personal", "Logistik", "Einkauf", "Marketing", "Handwerk"]
PARTNERS = 40


def slug(text):
    table = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ş": "s"}
    out = "".join(table.get(c, c) for c in text.lower())
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in out)
    return "-".join(p for p in out.split("-") if p)


def sentence(rng):
    words = [rng.choice(WORDS if i % 3 == 0 else GLUE if i % 3 == 1 else VERBS + WORDS) for i in range(rng.randint(8, 18))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, n, link):
    sentences = [sentence(rng) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.5:
        target = rng.randint(1, n)
        sentences[1] += " Mehr dazu im [Beitrag %d](%s)." % (target, link(target))
    return " ".join(sentences)


def post(number, n, link):
    rng = random.Random("vernetzt-bench-%d" % number)
    parts = []
    for section in range(rng.randint(4, 6)):
        parts.append("## " + " ".join(rng.choice(WORDS) for _ in range(3)))
        for _ in range(rng.randint(2, 3)):
            parts.append(paragraph(rng, n, link))
        roll = rng.random()
        if roll < 0.3:
            parts.append("\n".join("- " + sentence(rng) for _ in range(rng.randint(3, 5))))
        elif roll < 0.45:
            parts.append("| Punkt | Wert | Anteil |\n|---|---|---|\n" + "\n".join(
                "| %s | %d | %d %% |" % (rng.choice(WORDS), rng.randint(1, 900), rng.randint(1, 99)) for _ in range(4)))
        elif roll < 0.55:
            parts.append("> " + sentence(rng))
        elif roll < 0.62:
            parts.append("```\n" + "\n".join("schritt_%d = %s" % (i, rng.choice(WORDS).lower()) for i in range(4)) + "\n```")
    meta = {
        "title": " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))),
        "date": "20%02d-%02d-%02d" % (15 + number % 10, 1 + number % 12, 1 + number % 28),
        "author": rng.choice(PEOPLE),
        "formats": sorted(set(rng.sample(FORMATS, rng.randint(1, 2)))),
        "themes": [rng.choice(THEMES)],
        "partners": ["p-%02d" % rng.randint(1, PARTNERS)],
        "tags": sorted(set(rng.sample(TAGS, rng.randint(2, 4)))),
        "summary": sentence(rng),
    }
    return meta, "\n\n".join(parts) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def vernetzt_site(root, n):
    write(os.path.join(root, "site.yml"), 'title: "Benchmark"\nurl: "https://example.org/"\n')
    c = os.path.join(root, "content")
    for person in PEOPLE:
        write(os.path.join(c, "team", slug(person) + ".md"), "---\ntitle: %s\n---\n\nSchreibt hier.\n" % quoted(person))
    for name in FORMATS:
        write(os.path.join(c, "angebote", slug(name) + ".md"), "---\ntitle: %s\n---\n\nDas Angebot.\n" % quoted(name))
    for name in THEMES:
        write(os.path.join(c, "themen", slug(name) + ".md"), "---\ntitle: %s\n---\n\nDas Thema.\n" % quoted(name))
    for p in range(1, PARTNERS + 1):
        write(os.path.join(c, "partner", "p-%02d.md" % p), "---\ntitle: \"Partner %d\"\n---\n\nEin Partner.\n" % p)
    for number in range(1, n + 1):
        meta, body = post(number, n, lambda t: "@blog/post-%06d" % t)
        front = ["title: " + quoted(meta["title"]), "date: " + meta["date"],
                 "authors: [%s]" % slug(meta["author"]),
                 "formats: [%s]" % ", ".join(slug(f) for f in meta["formats"]),
                 "themes: [%s]" % ", ".join(slug(t) for t in meta["themes"]),
                 "partners: [%s]" % ", ".join(meta["partners"]),
                 "tags: [%s]" % ", ".join(quoted(t) for t in meta["tags"]),
                 "summary: " + quoted(meta["summary"])]
        write(os.path.join(c, "blog", "post-%06d.md" % number), "---\n" + "\n".join(front) + "\n---\n\n" + body)


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "de"
title = "Benchmark"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
tag = "tags"
[markup.goldmark.renderer]
unsafe = false
[markup.highlight]
codeFences = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
                            '<body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2.1.2006" }} · {{ .Params.author }}</p>'
                            '{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 120 }}</li>{{ end }}</ul>{{ end }}\n',
    "_default/terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}\n',
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 20 (where .Site.RegularPages "Section" "posts") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


def hugo_site(root, n):
    write(os.path.join(root, "config.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(root, "layouts", name), text)
    for number in range(1, n + 1):
        meta, body = post(number, n, lambda t: "/posts/post-%06d/" % t)
        front = ["title: " + quoted(meta["title"]), "date: " + meta["date"], "author: " + quoted(meta["author"]),
                 "tags: [%s]" % ", ".join(quoted(t) for t in meta["tags"]), "summary: " + quoted(meta["summary"])]
        write(os.path.join(root, "content", "posts", "post-%06d.md" % number), "---\n" + "\n".join(front) + "\n---\n\n" + body)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    for sub in ("vernetzt", "hugo"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    vernetzt_site(os.path.join(out, "vernetzt"), n)
    hugo_site(os.path.join(out, "hugo"), n)
    print("corpus: %d posts in %s" % (n, out))


if __name__ == "__main__":
    main()
