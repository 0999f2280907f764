#!/usr/bin/env bash
# What apache-beam[gcp] adds to a vigie environment (DataflowRunner's client libraries), installed
# into a separate folder rather than into the environment itself:
#
#   deploy/dataflow/gcp-site.sh PYTHON TARGET_DIR BEAM_VERSION
#
# PYTHONPATH=TARGET_DIR then lets that environment build Dataflow jobs with --dry_run (offline):
# tests/test_runners.py checks the flex template's job that way. The Docker image does not use
# this; it starts from Beam's SDK image, which has the gcp extra.
set -euo pipefail

python=${1:?PYTHON}
target=${2:?TARGET_DIR}
beam=${3:?BEAM_VERSION}

mkdir -p "$target"
"$python" -m pip install --quiet --disable-pip-version-check --dry-run --report "$target/report.json" \
    "apache-beam[gcp]==$beam"
"$python" - "$target/report.json" >"$target/requirements.txt" <<'PY'
import json, sys
for item in json.load(open(sys.argv[1]))["install"]:
    print(f"{item['metadata']['name']}=={item['metadata']['version']}")
PY
"$python" -m pip install --quiet --disable-pip-version-check --no-deps --target "$target" \
    -r "$target/requirements.txt"
touch "$target/.installed-stamp"
echo "gcp-site: $(wc -l <"$target/requirements.txt") packages in $target"
