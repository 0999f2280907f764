#!/usr/bin/env bash
# The Beam Flink job server jar, from Maven Central, into a project-local cache.
#
#   deploy/flink/fetch-job-server.sh FLINK_MINOR BEAM_VERSION OUT_JAR [FALLBACK_BEAM_JAVA]
#   e.g. deploy/flink/fetch-job-server.sh 1.19 2.77.0 .cache/flink/job-server-1.19.jar 2.62.0
#
# 1. Beam's own jar, org.apache.beam:beam-runners-flink-<FLINK_MINOR>-job-server:<BEAM_VERSION>,
#    with `mvn dependency:copy`.
# 2. If the repository does not serve it (a partial mirror), the same job server assembled by
#    deploy/flink/pom.xml from org.apache.beam:beam-runners-flink-<FLINK_MINOR>:<FALLBACK_BEAM_JAVA>
#    (a thin jar plus lib/). It speaks the same portable job API to the Python SDK.
# OUT_JAR ends up a symlink to whichever was obtained; `.cache/m2` is Maven's local repository.
set -euo pipefail

flink=${1:?FLINK_MINOR, e.g. 1.19}
beam=${2:?BEAM_VERSION, e.g. 2.77.0}
out=${3:?OUT_JAR}
fallback=${4:-2.62.0}

root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/.cache"
repo="$cache/m2"
mkdir -p "$(dirname "$out")"
dir=$(cd "$(dirname "$out")" && pwd)
mvn_opts=(-B -q -Dstyle.color=never "-Dmaven.repo.local=$repo")

for tool in java mvn; do
    command -v "$tool" >/dev/null || { echo "fetch-job-server: $tool not found (needs Java 11+ and Maven)" >&2; exit 3; }
done

official="beam-runners-flink-$flink-job-server-$beam.jar"
if [ ! -f "$dir/$official" ]; then
    echo "fetch-job-server: org.apache.beam:beam-runners-flink-$flink-job-server:$beam from Maven Central"
    mvn "${mvn_opts[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
        "-Dartifact=org.apache.beam:beam-runners-flink-$flink-job-server:$beam:jar" \
        "-DoutputDirectory=$dir" >"$dir/fetch-official.log" 2>&1 || true
fi
if [ -f "$dir/$official" ]; then
    ln -sfn "$official" "$out"
    echo "fetch-job-server: $out -> $official (Beam's job server jar)"
    exit 0
fi

echo "fetch-job-server: not served by this repository (see $dir/fetch-official.log);" \
     "assembling the job server from beam-runners-flink-$flink:$fallback (deploy/flink/pom.xml)"
build="$dir/build-$flink-$fallback"
mvn "${mvn_opts[@]}" -f "$root/deploy/flink/pom.xml" package \
    "-Dbeam.java.version=$fallback" "-Dflink.minor=$flink" "-Dout.dir=$build" >"$dir/build.log" 2>&1 \
    || { cat "$dir/build.log" >&2; exit 1; }
jar="build-$flink-$fallback/beam-flink-$flink-job-server-$fallback.jar"
test -f "$dir/$jar"
ln -sfn "$jar" "$out"
echo "fetch-job-server: $out -> $jar (assembled; Beam Java $fallback, Flink $flink)"
