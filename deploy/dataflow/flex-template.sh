#!/usr/bin/env bash
# vigie on Dataflow: build the flex template, then run jobs from it (needs gcloud, logged in).
#
#   deploy/dataflow/flex-template.sh build
#   deploy/dataflow/flex-template.sh run --input 'gs://BUCKET/feeds/*.xml' [--input URL …] \
#       [--output gs://BUCKET/vigie/out] [--streaming] [--job-name NAME] [--max-workers N] \
#       [--machine-type TYPE] [--param NAME=VALUE …]
#
# Settings (environment): PROJECT (default: gcloud's project), REGION (europe-west1),
# BUCKET (gs://PROJECT-vigie), REPOSITORY (Artifact Registry Docker repository, vigie),
# TAG (the git commit, else latest), IMAGE (REGION-docker.pkg.dev/PROJECT/REPOSITORY/vigie:TAG),
# TEMPLATE (BUCKET/templates/vigie-TAG.json). DRY_RUN=1 prints the gcloud commands instead.
#
# build: the image (deploy/dataflow/Dockerfile: Beam's Python SDK image + vigie + the spaCy
#        model + the template launcher) with Cloud Build, then the template spec with
#        deploy/dataflow/metadata.json.
# run:   a job; its workers use the same image (sdk_container_image), so they install nothing.
#        --streaming runs a streaming job on Streaming Engine (--enable-streaming-engine).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

gcloud_() {
    if [ "${DRY_RUN:-0}" = 1 ]; then
        printf 'gcloud'; printf ' %q' "$@"; printf '\n'
    else
        gcloud "$@"
    fi
}

settings() {
    PROJECT=${PROJECT:-$(gcloud config get-value project 2>/dev/null || true)}
    [ -n "$PROJECT" ] || { echo "flex-template: set PROJECT (or gcloud config set project …)" >&2; exit 2; }
    REGION=${REGION:-europe-west1}
    BUCKET=${BUCKET:-gs://$PROJECT-vigie}
    REPOSITORY=${REPOSITORY:-vigie}
    TAG=${TAG:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo latest)}
    IMAGE=${IMAGE:-$REGION-docker.pkg.dev/$PROJECT/$REPOSITORY/vigie:$TAG}
    TEMPLATE=${TEMPLATE:-$BUCKET/templates/vigie-$TAG.json}
}

build() {
    settings
    gcloud_ builds submit "$root" --project "$PROJECT" --region "$REGION" \
        --config "$here/cloudbuild.yaml" --substitutions "_IMAGE=$IMAGE"
    gcloud_ dataflow flex-template build "$TEMPLATE" --project "$PROJECT" \
        --image "$IMAGE" --sdk-language PYTHON --metadata-file "$here/metadata.json"
    echo "flex-template: template $TEMPLATE (image $IMAGE)"
}

run() {
    settings
    local inputs=() output="" streaming=0 job="" extra=() flags=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --input) inputs+=("$2"); shift 2 ;;
            --output) output=$2; shift 2 ;;
            --streaming) streaming=1; shift ;;
            --job-name) job=$2; shift 2 ;;
            --max-workers) flags+=(--max-workers "$2"); shift 2 ;;
            --machine-type) flags+=(--worker-machine-type "$2"); shift 2 ;;
            --param) extra+=("$2"); shift 2 ;;
            *) echo "flex-template run: unknown argument $1" >&2; exit 2 ;;
        esac
    done
    [ ${#inputs[@]} -gt 0 ] || { echo "flex-template run: give at least one --input" >&2; exit 2; }
    output=${output:-$BUCKET/vigie/out}
    job=${job:-vigie-$(date -u +%Y%m%d-%H%M%S)}
    local joined
    joined=$(IFS=';'; echo "${inputs[*]}")
    # '^~^' makes '~' the separator between parameters: inputs may hold commas (gcloud topic escaping).
    local params="^~^input=$joined~output=$output~sdk_container_image=$IMAGE~sdk_location=container"
    if [ "$streaming" = 1 ]; then
        params+="~streaming=true"
        flags+=(--enable-streaming-engine)
    fi
    local p
    for p in "${extra[@]}"; do params+="~$p"; done
    gcloud_ dataflow flex-template run "$job" --project "$PROJECT" --region "$REGION" \
        --template-file-gcs-location "$TEMPLATE" \
        --staging-location "$BUCKET/staging" --temp-location "$BUCKET/tmp" \
        "${flags[@]}" --parameters "$params"
}

case "${1:-}" in
    build) shift; build "$@" ;;
    run) shift; run "$@" ;;
    *) echo "usage: $0 build | run --input … [--output gs://…] [--streaming] …" >&2; exit 2 ;;
esac
