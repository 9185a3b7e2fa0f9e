# The two set-up commands are `make demo` and `make test`; see README.md.
VENV ?= .venv
PY := $(VENV)/bin/python
CLIO := $(VENV)/bin/cliograph
PYTHON ?= python3
SHARED ?= ../shared
SEED ?= $(SHARED)/seed/with-lenin.txt
GOLD ?= $(SHARED)/gold/with-lenin.json
DB ?= cliograph.db
STORE ?=

.PHONY: demo test score evaluate train bench lint install clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(CLIO) demo --db $(DB)
	$(CLIO) serve --db $(DB)

test: $(VENV)/.installed-test
	$(PY) -m pytest -q

score: $(VENV)/.installed
	@tmp=$$(mktemp -d) && \
	$(CLIO) ingest --quiet --db $$tmp/seed.db $(SEED) && \
	$(CLIO) export --db $$tmp/seed.db --out $$tmp/seed.json && \
	$(PY) $(SHARED)/tools/score.py $$tmp/seed.json $(GOLD); \
	status=$$?; rm -rf $$tmp; exit $$status

evaluate: $(VENV)/.installed
	$(PY) bench/evaluate.py

# the learned relation layer's model (cliograph/rules/learned.npz), from the gold chapters;
# with STORE=library.db, then that store's own model from its corrections (cliograph train --db)
train: $(VENV)/.installed
	$(PY) bench/train.py
	@if [ -n "$(STORE)" ]; then $(CLIO) train --db "$(STORE)"; fi

bench: $(VENV)/.installed-test
	$(PY) bench/run.py

lint: $(VENV)/.installed-test
	$(PY) -m ruff check cliograph tests bench

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB)-wal $(DB)-shm
