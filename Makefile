# Two commands on a fresh machine with Python 3 and make: `make site`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ZENSICAL := .venv-zensical
EVAL   ?= ../shared/eval
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check render golden eval bench bench-scale bench-speed bench-weight axe browser zensical site-zensical clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

site: $(STAMP)            ## build the site into site/
	$(BIN)/briefing build --strict

test: $(STAMP) browser axe zensical ## run the whole test suite (browser tests included)
	$(BIN)/python -m pytest

serve: $(STAMP)           ## preview at http://127.0.0.1:8000 with live reload
	$(BIN)/briefing serve

check: $(STAMP)           ## validate every seed
	$(BIN)/briefing check --seeds seeds

render: $(STAMP)          ## write the generated Markdown to rendered/
	$(BIN)/briefing render --out rendered

site-zensical: render zensical ## build rendered/ with Zensical into site/ (no MkDocs plugin; see README)
	@$(ZENSICAL)/bin/python -c 'import zensical_ui' 2>/dev/null || \
	  { echo "site-zensical: Zensical's theme (zensical-ui) is not installed: the package index lacks it; see README"; exit 1; }
	$(ZENSICAL)/bin/zensical build -f zensical.yml
	$(BIN)/python -c 'from pathlib import Path; from generator.safety import write_marker; write_marker(Path("site"))'

golden: $(STAMP)          ## regenerate tests/golden/ after an intended change
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

axe:                      ## axe-core from npm for the accessibility tests (else the copy bundled on PyPI)
	@command -v npm >/dev/null 2>&1 && test ! -f .cache/axe/node_modules/axe-core/axe.min.js && \
	  npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4 >/dev/null 2>&1 || true

bench-weight: site        ## bytes a reader downloads for the seed briefing page
	$(BIN)/python -m benchmarks.page_weight

zensical: $(ZENSICAL)/.installed

$(ZENSICAL)/.installed: pyproject.toml scripts/zensical_env.py ## Zensical in its own venv (Python 3.11+; needs no MkDocs)
	@if $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
	  $(PYTHON) scripts/zensical_env.py $(ZENSICAL) && touch $@; \
	else echo "zensical: needs Python 3.11 or later; its test skips"; fi

browser:                  ## Debian's chromium for the browser tests
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf site rendered .pytest_cache

eval: $(STAMP)            ## quality on ../shared/eval (EVAL=folder to change it)
	$(BIN)/briefing evaluate all $(EVAL)

bench: $(STAMP) bench-speed bench-weight ## all benchmarks; the scale run at N=10,000 takes long (see README)
	$(BIN)/python -m benchmarks.rebuild --articles 1000
	$(BIN)/python -m benchmarks.scale --sizes 100 1000 10000 --runs 3

bench-scale: $(STAMP)     ## scale benchmark at N=100 and 1,000 only (and the one-edit rebuild at 1,000)
	$(BIN)/python -m benchmarks.rebuild --articles 1000
	$(BIN)/python -m benchmarks.scale --sizes 100 1000 --runs 3

bench-speed: $(STAMP)     ## analysis speed on one core (ms per 1,000 words)
	taskset -c 0 $(BIN)/python -m benchmarks.speed --eval $(EVAL) || $(BIN)/python -m benchmarks.speed --eval $(EVAL)
