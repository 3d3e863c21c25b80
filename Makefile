# Quickstart: `make demo` (sets up .venv, builds the default deck and its outputs) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DECK   := decks/iran-russia-2023
OUT    := build

.PHONY: demo test lint bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	@# Rebuild a copy of the curated bank: proves a rebuild keeps the review, never edits decks/.
	cp $(DECK)/bank.yaml $(OUT)/iran-russia-2023.yaml
	$(BIN)/studykit build $(DECK)/article.ar.txt -o $(OUT)/iran-russia-2023.yaml
	$(BIN)/studykit export anki $(OUT)/iran-russia-2023.yaml -o $(OUT)/iran-russia-2023.apkg
	$(BIN)/studykit export json $(OUT)/iran-russia-2023.yaml -o $(OUT)/iran-russia-2023.json
	@if $(BIN)/studykit export moodle --help >/dev/null 2>&1; then \
	  $(BIN)/studykit export moodle $(OUT)/iran-russia-2023.yaml -o $(OUT)/iran-russia-2023-moodle.xml; fi
	@if $(BIN)/studykit handout --help >/dev/null 2>&1; then \
	  $(BIN)/studykit handout $(OUT)/iran-russia-2023.yaml -o $(OUT)/iran-russia-2023-handout.pdf --versions 2 --count 30 --seed 1 --key appended; fi
	@echo "Files written:"; ls -l $(OUT) | tail -n +2
	@echo "Next: $(BIN)/studykit quiz   (or $(BIN)/studykit --help)"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check studykit
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	@for b in tests/benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Retrain the person tagger from ../shared/ner (ANERcorp + Wojood sample) and print its scores.
model: $(VENV)/.installed-test
	$(BIN)/python scripts/train_ner.py

clean:
	rm -rf $(OUT) dist .pytest_cache .mypy_cache .ruff_cache
