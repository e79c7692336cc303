# planlint: `make demo` and `make test` set up .venv on first use (python3 -m venv + pip).
SHELL  := /bin/bash
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.planlint-installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
	@echo "installing planlint and its dependencies into $(VENV) ..."
	@set -o pipefail; $(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 \
	  | { grep -v '^WARNING: Location .* is ignored' || true; }
	@touch $(STAMP)

demo: $(STAMP)
	@echo "== planlint check examples/  (clean plans pass; the ones named *-loi-* carry planted errors)"
	@$(VENV)/bin/planlint check examples/ || echo "(exit code $$?: findings reported, as expected for the *-loi-* plan)"
	@echo
	@echo "== planlint facts examples/ke-hoach-xa-an-phu-2026.md"
	@$(VENV)/bin/planlint facts examples/ke-hoach-xa-an-phu-2026.md

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/bench.py

lint: $(STAMP)
	$(VENV)/bin/ruff check planlint tests benchmarks scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture planlint vulture_whitelist.py --min-confidence 60

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
