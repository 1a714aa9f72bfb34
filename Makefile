# make site  — install what is missing, build content/ into output/
# make test  — the whole test suite
SWIFT ?= swift

.PHONY: site test deps test-deps release check validate validate-pictures bench bench-pictures dist test-dist fuzz load-test clean

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-test-deps

# The Swift runtime and Foundation linked into the program: it starts in 7 ms instead of 12,
# and calls into the runtime skip the dynamic linker's indirection (10,000 posts: -15 %).
release: deps
	$(SWIFT) build -c release --product vernetzt --static-swift-stdlib

site: release
	.build/release/vernetzt build

check: release
	.build/release/vernetzt check

test: deps test-deps
	$(SWIFT) test
	$(MAKE) --no-print-directory validate
	Tests/deploy/rsync_deploy_test.sh
	$(MAKE) --no-print-directory test-dist

# The release archive: vernetzt with the Swift runtime linked in, and LIESMICH.md for editors.
dist: deps
	scripts/dist/make-dist

# The archive runs without the toolchain (a mount namespace hides /opt/swift).
test-dist: dist
	Tests/dist/dist_test.sh $$(ls -t .build/dist/*.tar.gz | head -1)

# The repo's content/ checked by external validators (W3C Nu, axe-core in Chromium, links).
validate:
	$(SWIFT) build --product vernetzt
	.build/debug/vernetzt build --quiet --output .build/validate-site
	python3 Tests/validate/validate_site.py .build/validate-site \
	  --search Defensionskaserne=/veranstaltungen/digitale-degustation-2022/
	python3 Tests/validate/theme_in_browser.py .build/validate-site
	$(MAKE) --no-print-directory validate-pictures

# The site with a post of a 12-megapixel photo and a video, in Chromium as a phone and a
# laptop: bytes of pictures, space reserved before they arrive, layout shift, and no request
# to YouTube before the click.
validate-pictures:
	rm -rf .build/picture-site && mkdir -p .build/picture-site
	cp -r site.yml content layouts static .build/picture-site/
	scripts/make-photos 1 .build/picture-site/content/blog/foto-probe
	printf -- '---\ntitle: Ein Beitrag mit Foto und Video\ndate: 2022-07-05\nimage: foto-0000.jpg\nimage_alt: Farbiges Rauschen\n---\nText vor dem Video.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nText nach dem Video.\n' \
	  > .build/picture-site/content/blog/foto-probe/index.md
	.build/debug/vernetzt build --quiet --root .build/picture-site --output .build/picture-site/output
	python3 Tests/validate/validate_site.py .build/picture-site/output
	python3 Tests/validate/pictures_in_browser.py .build/picture-site/output --photo blog/foto-probe/ --embeds blog/foto-probe/

# vernetzt against Hugo on the same posts (BENCH_SIZES="1000 10000 100000" for more).
BENCH_SIZES ?= 1000 10000
bench: release
	@command -v hugo >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo)
	python3 Benchmarks/bench.py --sizes $(BENCH_SIZES)
	$(MAKE) --no-print-directory bench-pictures

# vernetzt, Hugo and vipsthumbnail on the same 12-megapixel photos (PHOTOS=200, RUNS=2: about 20 minutes).
PHOTOS ?= 200
RUNS ?= 2
bench-pictures: release
	@command -v hugo >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo)
	@command -v vipsthumbnail >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-tools)
	python3 Benchmarks/pictures.py --photos $(PHOTOS) --runs $(RUNS)

# libFuzzer with AddressSanitizer on the front matter, Markdown, text and writer code.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

# serve under load: wrk, 100 connections, 20 s, while a file changes every 200 ms.
load-test: release
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	scripts/load-test

clean:
	rm -rf .build output/*
