# Two commands from a fresh clone: `make demo` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench bench-summaries bench-sbd bench-actors bench-scale bench-positions \
        bench-attributions bench-furniture bench-model bench-hostile model golden clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "briefing needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $@

## demo: set up, then build the memo for this sample workspace and print it
demo: $(STAMP)
	$(BIN)/briefing build

## test: set up, lint, type-check and run the test suite
test: $(STAMP) lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check briefing tests bench
	$(BIN)/mypy

## bench: every benchmark (needs ../shared)
bench: bench-sbd bench-summaries bench-actors bench-scale bench-positions bench-attributions \
       bench-furniture

bench-sbd: $(STAMP)
	$(BIN)/python bench/bench_sbd.py

bench-summaries: $(STAMP)
	$(BIN)/python bench/bench_summaries.py

bench-actors: $(STAMP)
	$(BIN)/python bench/bench_actors.py

bench-scale: $(STAMP)
	$(BIN)/python bench/bench_scale.py

## bench-furniture: page furniture in the memo and the cleaner's precision/recall (issue 12;
## add ARGS=--final for the untouched slice)
bench-furniture: $(STAMP)
	$(BIN)/python bench/bench_furniture.py $(ARGS)

## bench-hostile: every repro of issue 14 and size-doubling series (ARGS=--only 10,13 ...)
bench-hostile: $(STAMP)
	$(BIN)/python bench/bench_hostile.py $(ARGS)

bench-model: $(STAMP)
	$(BIN)/python bench/bench_model.py

## model: train the tagger/parser/NER from ../shared/treebank into briefing/data/model
## (tools/model.cfg from scratch, fixed seed: the shipped weights; ARGS=--stage2 continues
## with tools/model_stage2.cfg, evaluated but not shipped, see bench/README.md)
model: $(STAMP)
	$(BIN)/python tools/train_model.py $(ARGS)

## bench-positions / bench-attributions: the attribution measures of issue 11 (tuning part;
## add ARGS=--heldout for the final check)
bench-positions: $(STAMP)
	$(BIN)/python bench/bench_positions.py $(ARGS)

bench-attributions: $(STAMP)
	$(BIN)/python bench/bench_attributions.py $(ARGS)

## golden: rewrite the golden memo files after an intended output change
golden: $(STAMP)
	BRIEFING_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
