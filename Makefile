# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
EXTRAS ?= all,test

.PHONY: install system-deps test demo bench clean

$(VENV)/.installed-$(EXTRAS): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[$(EXTRAS)]'
	touch $@

install: $(VENV)/.installed-$(EXTRAS)

# Optional Debian packages (test speech, translation pairs...). Best effort: tests that
# need a missing one skip and say why.
system-deps:
	-bash scripts/install-system-deps.sh

test: install system-deps
	$(PY) -m pytest -q

demo: install system-deps
	$(PY) examples/run_all.py

bench: install system-deps
	$(PY) benchmarks/cloud_overhead.py
	$(PY) benchmarks/local_vision.py
	$(PY) benchmarks/local_speech_video.py
	$(PY) benchmarks/local_language.py
	$(PY) benchmarks/custom_models.py
	$(PY) benchmarks/batch.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache out
