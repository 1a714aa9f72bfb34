# make site  — install what is missing, build content/ into output/
# make test  — the whole test suite
SWIFT ?= swift

.PHONY: site test deps release check clean

deps:
	@scripts/install-deps

release: deps
	$(SWIFT) build -c release --product vernetzt

site: release
	.build/release/vernetzt build

check: release
	.build/release/vernetzt check

test: deps
	$(SWIFT) test

clean:
	rm -rf .build output/*
