# Two commands on a fresh machine with Python 3 and make: `make site`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EVAL   ?= ../shared/eval
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check render golden eval bench-speed browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

site: $(STAMP)            ## build the site into site/
	$(BIN)/briefing build --strict

test: $(STAMP) browser    ## run the whole test suite (browser tests included)
	$(BIN)/python -m pytest

serve: $(STAMP)           ## preview at http://127.0.0.1:8000 with live reload
	$(BIN)/briefing serve

check: $(STAMP)           ## validate every seed
	$(BIN)/briefing check --seeds seeds

render: $(STAMP)          ## write the generated Markdown to rendered/
	$(BIN)/briefing render --out rendered

golden: $(STAMP)          ## regenerate tests/golden/ after an intended change
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

browser:                  ## Debian's chromium for the browser tests
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf site rendered .pytest_cache

eval: $(STAMP)            ## quality on ../shared/eval (EVAL=folder to change it)
	$(BIN)/briefing evaluate all $(EVAL)

bench-speed: $(STAMP)     ## analysis speed on one core (ms per 1,000 words)
	taskset -c 0 $(BIN)/python -m benchmarks.speed --eval $(EVAL) || $(BIN)/python -m benchmarks.speed --eval $(EVAL)
