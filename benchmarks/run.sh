#!/usr/bin/env bash
# Reruns every Portcullis benchmark and prints a summary at the end:
#   1. JMH: the cost of accepting one token, Portcullis beside bare JCA, Nimbus and Spring,
#      plus a JFR profile of Portcullis' cold path;
#   2. JMH: one API call through a generated client stub beside the same hand-written JAX-RS
#      client call, over HTTP on 127.0.0.1 with the token already cached;
#   3. wrk: an open and a protected endpoint over HTTP on 127.0.0.1;
#   4. javac: compiling 1,000 annotated resource methods with and without the processor, each
#      in a fresh JVM (the javac command line), then the same compilations repeated in one warm
#      JVM through javax.tools (JMH), as Maven's compiler plugin runs javac in-process.
# The raw output is saved to benchmarks/results/<UTC date and time>.txt.
#
# Usage: benchmarks/run.sh [--quick] [--no-build] [--only PARTS]
#   --quick       short runs to check that everything works (figures are not meaningful)
#   --no-build    use benchmarks/target as it is
#   --only PARTS  run only these of jmh, client, wrk, javac (comma-separated), e.g. --only wrk,javac
# Needs Java 17+, Maven, python3; installs wrk and hyperfine with apt-get when missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
QUICK=0
BUILD=1
ONLY=jmh,client,wrk,javac
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --only) ONLY=${2:?--only needs a list of parts}; shift ;;
    *) echo "Unknown option $1; use --quick, --no-build or --only PARTS." >&2; exit 2 ;;
  esac
  shift
done
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
WORK="$ROOT/benchmarks/target/run-$STAMP"
RESULT="$ROOT/benchmarks/results/$STAMP.txt"
[ "$QUICK" = 1 ] && RESULT="$WORK/quick.txt"
mkdir -p "$WORK" "$(dirname "$RESULT")"
exec > >(tee "$RESULT") 2>&1

JAR="$ROOT/benchmarks/target/benchmarks.jar"
PORT=${PORT:-18080}
if [ "$QUICK" = 1 ]; then
  JMH_OPTS=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
  CLIENT_JMH_OPTS=("${JMH_OPTS[@]}")
  WRK_SECONDS=3
  JAVAC_RUNS=2
  JAVAC_JMH_OPTS=("${JMH_OPTS[@]}")
else
  JMH_OPTS=(-f 1 -wi 5 -i 5 -w 2s -r 2s)
  # The JAX-RS client and server take about 25 s to reach steady state on two cores, and a
  # loopback round trip varies more than a signature check while the target is a 5 % margin:
  # a longer warm-up, and ten measured iterations for a narrower confidence interval.
  CLIENT_JMH_OPTS=(-f 1 -wi 10 -i 10 -w 3s -r 2s)
  WRK_SECONDS=10
  JAVAC_RUNS=10
  # A warm compilation takes 50 to 250 ms, but the processor's figure moves by a third from one
  # fork to the next (its classes are loaded anew for each compilation): two forks, so that the
  # error shows it.
  JAVAC_JMH_OPTS=(-f 2 -wi 8 -i 5 -w 2s -r 2s)
fi

section() { printf '\n=== %s ===\n' "$*"; }

section "Machine"
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "cpus: $(nproc); model: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "kernel: $(uname -sr)"
java -version 2>&1 | sed 's/^/java: /'
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

if [ "$BUILD" = 1 ]; then
  section "Build"
  # Only the jars are needed: the tests are neither compiled nor run.
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true)
  echo "built $JAR"
fi

install_missing() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_missing wrk hyperfine

# ---------------------------------------------------------------- 1. JMH
if wanted jmh; then
section "JMH: token verification (us/op, lower is better)"
java -jar "$JAR" "VerificationBenchmark|CacheKeyBenchmark" "${JMH_OPTS[@]}" -rf json -rff "$WORK/jmh.json" | tee "$WORK/jmh.txt" \
  | sed -n '/^Benchmark /,$p'
echo "load after JMH: $(cut -d' ' -f1-3 /proc/loadavg)"

section "JFR: where Portcullis' cold RS256 check spends its time"
java -jar "$JAR" 'VerificationBenchmark.portcullisCold' -p alg=RS256 -p issuers=1 "${JMH_OPTS[@]}" \
  -prof "jfr:dir=$WORK/jfr;configName=profile" > "$WORK/jfr.txt"
python3 "$ROOT/benchmarks/run-support/jfr_top.py" "$(find "$WORK/jfr" -name '*.jfr' | head -1)" jmh
fi

# ---------------------------------------------------------------- 2. JMH, client path
if wanted client; then
section "JMH: generated client stub vs hand-written JAX-RS call, loopback, token cached (us/op)"
# The fork's server log lines go to the saved output only; a failed check shows below.
java -jar "$JAR" ClientCallBenchmark "${CLIENT_JMH_OPTS[@]}" -rf json -rff "$WORK/jmh-client.json" 2>&1 \
  | tee "$WORK/jmh-client.txt" | sed -n '/^Benchmark /,$p'
if grep -q '<failure>' "$WORK/jmh-client.txt"; then
  echo "The client benchmark failed a check; from $WORK/jmh-client.txt:"
  grep -A2 '<failure>' "$WORK/jmh-client.txt" | grep -v '^--$'
fi
echo "token endpoint requests per benchmark trial (1 expected): $(grep -o 'token endpoint requests in this trial: [0-9]*' \
  "$WORK/jmh-client.txt" | awk '{print $NF}' | paste -sd ' ')"
echo "load after the client benchmark: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# ---------------------------------------------------------------- 3. wrk
if wanted wrk; then
start_server() { # container, port, token dir
  java -Xmx1g -cp "$JAR" dev.portcullis.benchmarks.http.HttpBenchmarkServer "$2" "$3" "$1" > "$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 120); do grep -q READY "$WORK/server-$1.log" && return; sleep 1; done
  echo "The $1 server did not start; see $WORK/server-$1.log" >&2; exit 1
}
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
run_wrk() { # label, port, path, token file, seconds
  echo "--- $1"
  wrk -t1 -c16 -d"$5"s --latency -s "$ROOT/benchmarks/wrk/tokens.lua" "http://127.0.0.1:$2" -- "$3" "$4" \
    | tee "$WORK/wrk-$1.txt" | grep -E 'Requests/sec|  (50|99)%|Non-2xx|Socket errors'
}
memory() { # label
  jcmd "$SERVER" GC.run >/dev/null
  local heap rss
  heap=$(jcmd "$SERVER" GC.heap_info | sed -n 's/.*total \([0-9]*K\), used \([0-9]*K\).*/\2/p' | head -1)
  rss=$(awk '/VmRSS/ {print $2 "K"}' "/proc/$SERVER/status")
  echo "memory $1: heap used after full GC $heap, RSS $rss" | tee -a "$WORK/memory.txt"
}

section "wrk: which Jersey container (open endpoint, repeated token)"
start_server jdk $((PORT + 1)) "$WORK/tokens-jdk"
run_wrk jdk-warmup $((PORT + 1)) /open "$WORK/tokens-jdk/repeat.txt" "$WRK_SECONDS" >/dev/null
run_wrk container-jdk $((PORT + 1)) /open "$WORK/tokens-jdk/repeat.txt" "$WRK_SECONDS"
stop_server

section "wrk: open vs protected, Grizzly, 1 thread, 16 connections, ${WRK_SECONDS}s each"
TOKENS="$WORK/tokens"
start_server grizzly "$PORT" "$TOKENS"
echo "token size: $(head -1 "$TOKENS/repeat.txt" | tr -d '\n' | wc -c) characters"
for warm in /open /protected; do
  run_wrk "warmup$(tr / - <<< "$warm")" "$PORT" "$warm" "$TOKENS/repeat.txt" "$WRK_SECONDS" >/dev/null
done
run_wrk container-grizzly "$PORT" /open "$TOKENS/repeat.txt" "$WRK_SECONDS" >/dev/null
# Open and protected alternate, three rounds each, so that drifting load hits both alike.
for round in 1 2 3; do
  run_wrk "open-$round" "$PORT" /open "$TOKENS/repeat.txt" "$WRK_SECONDS"
  run_wrk "protected-repeat-$round" "$PORT" /protected "$TOKENS/repeat.txt" "$WRK_SECONDS"
done
# A profile of the protected endpoint with a repeated token, taken in a separate run.
jcmd "$SERVER" JFR.start name=protected settings=profile >/dev/null
run_wrk protected-repeat-profiled "$PORT" /protected "$TOKENS/repeat.txt" "$WRK_SECONDS" >/dev/null
jcmd "$SERVER" JFR.dump name=protected filename="$WORK/server-protected.jfr" >/dev/null
jcmd "$SERVER" JFR.stop name=protected >/dev/null
echo "where the protected endpoint's time goes (JFR, repeated token):"
python3 "$ROOT/benchmarks/run-support/jfr_top.py" "$WORK/server-protected.jfr" server
memory "before 10,000 distinct tokens"
run_wrk protected-distinct "$PORT" /protected "$TOKENS/distinct.txt" "$WRK_SECONDS"
memory "after one run of 10,000 distinct tokens"
run_wrk protected-distinct-again "$PORT" /protected "$TOKENS/distinct.txt" "$WRK_SECONDS"
memory "after a second run"
run_wrk protected-invalid "$PORT" /protected "$TOKENS/invalid.txt" "$WRK_SECONDS"
stop_server
fi

# ---------------------------------------------------------------- 4. javac
if wanted javac; then
section "javac: 1,000 annotated resource methods, with and without the processor"
LIB="$ROOT/benchmarks/target/javac-benchmark-jars"
GEN="$WORK/javac-project"
python3 "$ROOT/benchmarks/run-support/generate_resources.py" "$GEN/src" 50 20
CP="$LIB/portcullis-runtime.jar:$LIB/jakarta.ws.rs-api.jar"
PP="$LIB/portcullis-processor.jar:$LIB/javapoet.jar"
find "$GEN/src" -name '*.java' > "$GEN/sources.txt"
echo "$(wc -l < "$GEN/sources.txt") source files, $(grep -c '@GET\|@POST\|@PUT\|@DELETE' -r "$GEN/src" | awk -F: '{s+=$2} END {print s}') resource methods"
mkdir -p "$GEN/noop"
javac -d "$GEN/noop" "$ROOT/benchmarks/run-support/NoOpProcessor.java"
# The filters the processor generates, kept as sources of their own: compiled with -proc:none
# beside the resource classes, they show what compiling them costs javac, apart from the
# processor's own work.
javac -d "$GEN/generated" -s "$GEN/filter-sources" -cp "$CP" -processorpath "$PP" @"$GEN/sources.txt"
find "$GEN/filter-sources" -name '*_PortcullisFilter.java' | sort > "$GEN/filters.txt"
size_of() { # file list: "N files, L lines, B bytes"
  echo "$(wc -l < "$1") files, $(xargs cat < "$1" | wc -l) lines, $(xargs cat < "$1" | wc -c) bytes"
}
echo "resource classes: $(size_of "$GEN/sources.txt"); generated filters: $(size_of "$GEN/filters.txt")"
INTERLEAVE="python3 $ROOT/benchmarks/run-support/interleave.py"
four_ways() { # javac command, output directory prefix, JSON file
  # -proc:none; -proc:none with the generated filters as sources; the no-op processor; Portcullis
  $INTERLEAVE --runs "$JAVAC_RUNS" --json "$3" \
    --prepare "rm -rf $GEN/$2-none $GEN/$2-filters $GEN/$2-noop $GEN/$2-proc" \
    -n "without processor" "$1 -proc:none -d $GEN/$2-none -cp $CP @$GEN/sources.txt" \
    -n "without processor, generated filters as sources" \
    "$1 -proc:none -d $GEN/$2-filters -cp $CP @$GEN/sources.txt @$GEN/filters.txt" \
    -n "with a processor that does nothing" \
    "$1 -d $GEN/$2-noop -cp $CP -processorpath $GEN/noop -processor NoOpProcessor @$GEN/sources.txt" \
    -n "with processor" "$1 -d $GEN/$2-proc -cp $CP -processorpath $PP @$GEN/sources.txt"
}
javac -proc:none -d "$GEN/plain" -cp "$CP" @"$GEN/sources.txt"
classes() { find "$1" -name '*.class' | wc -l; }
echo "classes written: -proc:none $(classes "$GEN/plain"), Portcullis $(classes "$GEN/generated"), of which" \
  "generated filters $(find "$GEN/generated" -name '*_PortcullisFilter.class' | wc -l)"
four_ways javac out "$WORK/javac.json"
lint() { # javac command, label
  echo "-Xlint:all, $2, the generated filters alone (-proc:none -Werror):"
  rm -rf "$GEN/lint"
  $1 -Xlint:all -Werror -proc:none -d "$GEN/lint" -cp "$GEN/generated:$CP" @"$GEN/filters.txt" 2>&1 \
    && echo "  no warnings" || echo "  FAILED (above)"
  echo "-Xlint:all, $2, the whole project with the processor (every warning):"
  rm -rf "$GEN/lint"
  $1 -Xlint:all -d "$GEN/lint" -cp "$CP" -processorpath "$PP" @"$GEN/sources.txt" 2>&1 | sed 's/^/  /'
}
lint javac "JDK 17"
echo "how the processor's cost grows with the project (1 method; 4,000 methods):"
for size in "1 1" "200 20"; do
  set -- $size
  python3 "$ROOT/benchmarks/run-support/generate_resources.py" "$GEN/scale-$1/src" "$1" "$2" >/dev/null
  find "$GEN/scale-$1/src" -name '*.java' > "$GEN/scale-$1/sources.txt"
  $INTERLEAVE --runs 3 --json "$WORK/javac-scale-$1x$2.json" \
    --prepare "rm -rf $GEN/scale-$1/out-none $GEN/scale-$1/out-proc" \
    -n "$(($1 * $2)) methods without processor" \
    "javac -proc:none -d $GEN/scale-$1/out-none -cp $CP @$GEN/scale-$1/sources.txt" \
    -n "$(($1 * $2)) methods with processor" \
    "javac -d $GEN/scale-$1/out-proc -cp $CP -processorpath $PP @$GEN/scale-$1/sources.txt" \
    | grep -v Range
done
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ -x "$JAVA25_HOME/bin/javac" ]; then
  echo "the same 1,000 methods with the javac of $("$JAVA25_HOME/bin/javac" -version 2>&1), --release 17:"
  four_ways "$JAVA25_HOME/bin/javac --release 17" out25 "$WORK/javac25.json"
  lint "$JAVA25_HOME/bin/javac --release 17" "JDK 25"
fi
echo "where javac's time goes with the processor (JFR, one sample a millisecond):"
rm -rf "$GEN/out-jfr"
JDK_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
sed '/jdk.ExecutionSample/,/<\/event>/ s|<setting name="period" control="method-sampling-java-interval">[^<]*</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
  "$JDK_HOME/lib/jfr/profile.jfc" > "$GEN/fine.jfc"
javac -J-XX:StartFlightRecording=filename="$GEN/javac.jfr",settings="$GEN/fine.jfc" -d "$GEN/out-jfr" -cp "$CP" \
  -processorpath "$PP" @"$GEN/sources.txt" 2>/dev/null
python3 "$ROOT/benchmarks/run-support/jfr_top.py" "$GEN/javac.jfr" javac

section "javac in one warm JVM (javax.tools, as Maven's compiler plugin in-process), 1,000 methods (ms/op)"
# The same project and jars, compiled again and again in one JMH fork: -proc:none, the no-op
# processor and Portcullis; the processors are loaded from -processorpath for each compilation.
java -jar "$JAR" InProcessJavacBenchmark -p project="$GEN" -p jars="$LIB" "${JAVAC_JMH_OPTS[@]}" \
  -rf json -rff "$WORK/jmh-javac.json" | tee "$WORK/jmh-javac.txt" | sed -n '/^Benchmark /,$p'
fi

# ---------------------------------------------------------------- summary
section "Summary"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$ROOT/benchmarks/run-support/summarize.py" "$WORK"
echo
echo "raw output: $RESULT"
