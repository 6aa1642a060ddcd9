# A thin shim: each target installs what it needs (scripts/setup), then runs one tool.
SITE_URL ?= http://127.0.0.1:8000/
export SITE_URL
export NO_MKDOCS_2_WARNING = 1

.PHONY: setup build serve test bench clean
setup:
	@scripts/setup
build: setup
	.venv/bin/mkdocs build --strict --site-dir site
serve: build
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --no-livereload
test: build
	@scripts/setup --test
	.venv/bin/python -m pytest
bench: build
	@scripts/setup --test
	.venv/bin/python -m benchmarks
clean:
	rm -rf site .venv node_modules .pytest_cache
