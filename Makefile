# vigie: two commands on a fresh machine.
#   make run    install into .venv, run the pipeline on the bundled sample into ./out
#   make test   install into .venv, run the test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out
SHARED ?= ../shared

# The bundled sample (our own texts), plus the seed article when ../shared is beside us.
SAMPLE := samples/articles.jsonl samples/feed.xml samples/depeche.txt samples/page.html \
          $(wildcard $(SHARED)/seed/*.jsonl)

.PHONY: install run test lint bench clean

$(STAMP): setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m pipeline $(foreach f,$(SAMPLE),--input '$(f)') --output $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/langid.py

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache *.egg-info
