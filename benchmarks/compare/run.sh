#!/usr/bin/env bash
# Compares the Portcullis sample app with the same Orders API written the way users would
# otherwise write it: a Spring Boot resource server (benchmarks/compare/spring-boot) and a
# Quarkus OIDC service (benchmarks/compare/quarkus). All of them trust one issuer
# (ComparisonIssuer of the benchmarks module: OIDC discovery, a JWKS with an RS256 and an ES256
# key) and must answer a set of good and bad tokens alike before anything is measured. Then wrk
# measures, in interleaved rounds (every scenario on every server in each round, the servers'
# order rotating from round to round):
#   open            GET /health, no Authorization header
#   rs256-repeat    GET /api/orders (orders:read), one RS256 token again and again
#   rs256-distinct  GET /api/orders, 1,000 distinct RS256 tokens in turn
#   es256-distinct  GET /api/orders, 1,000 distinct ES256 tokens in turn
# A fourth server, the same sample jar with its token cache turned off
# (PORTCULLIS_TOKEN_CACHE_SIZE=0), shows what Portcullis costs when it checks every signature,
# as Spring and Quarkus do.
# The raw output is saved to benchmarks/results/<UTC date and time>-compare.txt.
#
# Usage: benchmarks/compare/run.sh [--quick] [--no-build] [--offline] [--seconds N] [--rounds N]
#   --quick       short runs to check that everything works (figures are not meaningful)
#   --no-build    use the jars as they are
#   --offline     build with mvn -o (every dependency already in ~/.m2)
#   --seconds N   seconds per measurement (10); warm-up is the same length
#   --rounds N    rounds (3)
# Ports: COMPARE_PORT (19180) for the issuer and the next four for the servers, on 127.0.0.1.
# Needs Java 17+, Maven, python3, wrk, curl. The Spring Boot and Quarkus projects are standalone:
# the first build downloads them from Maven Central; the Portcullis build never does.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/compare"
QUICK=0
BUILD=1
MVN=(mvn -B -q)
SECONDS_EACH=10
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --offline) MVN+=(-o) ;;
    --seconds) SECONDS_EACH=${2:?--seconds needs a number}; shift ;;
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift ;;
    *) echo "Unknown option $1; use --quick, --no-build, --offline, --seconds N or --rounds N." >&2; exit 2 ;;
  esac
  shift
done
[ "$QUICK" = 1 ] && SECONDS_EACH=3 && ROUNDS=1

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
WORK="$ROOT/benchmarks/target/compare-$STAMP"
RESULT="$ROOT/benchmarks/results/$STAMP-compare.txt"
[ "$QUICK" = 1 ] && RESULT="$WORK/quick.txt"
mkdir -p "$WORK" "$(dirname "$RESULT")"
exec > >(tee "$RESULT") 2>&1

BASE=${COMPARE_PORT:-19180}
ISSUER_PORT=$BASE
SERVERS=(portcullis portcullis-nocache spring quarkus)
declare -A SERVER_PORT=([portcullis]=$((BASE + 1)) [spring]=$((BASE + 2)) [quarkus]=$((BASE + 3)) [portcullis-nocache]=$((BASE + 4)))
SCENARIOS=(open rs256-repeat rs256-distinct es256-distinct)
JAVA_OPTS=(-Xmx1g)
SAMPLE_JAR="$ROOT/sample-app/target/portcullis-sample-app.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
SPRING_JAR="$HERE/spring-boot/target/orders-spring-boot.jar"
QUARKUS_JAR="$HERE/quarkus/target/quarkus-app/quarkus-run.jar"
TOKENS="$WORK/tokens"

# Every process this script starts, stopped on exit whatever happens.
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

section() { printf '\n=== %s ===\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
pom_value() { # pom, xpath-ish tag: first <tag>value</tag> in the file
  sed -n "s|.*<$2>\(.*\)</$2>.*|\1|p" "$1" | head -1
}

section "Machine"
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "cpus: $(nproc); model: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "kernel: $(uname -sr)"
java -version 2>&1 | sed 's/^/java: /'
echo "wrk: $(wrk -v 2>&1 | head -1)"
echo "Portcullis: $(pom_value "$ROOT/pom.xml" version), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "Spring Boot: $(sed -n '/<parent>/,/<\/parent>/ s|.*<version>\(.*\)</version>.*|\1|p' "$HERE/spring-boot/pom.xml")"
echo "Quarkus: $(pom_value "$HERE/quarkus/pom.xml" quarkus.version)"
echo "JVM options for every server: ${JAVA_OPTS[*]}"
echo "load before: $(load) (1, 5, 15 min)"

if [ "$BUILD" = 1 ]; then
  section "Build"
  # The sample jar and the issuer; nothing is installed into ~/.m2.
  (cd "$ROOT" && "${MVN[@]}" package -DskipTests -pl sample-app,benchmarks -am)
  (cd "$HERE/spring-boot" && "${MVN[@]}" package -DskipTests)
  (cd "$HERE/quarkus" && "${MVN[@]}" package -DskipTests)
  echo "built $SAMPLE_JAR, $SPRING_JAR, $QUARKUS_JAR"
fi

section "Start"
ISSUER="http://127.0.0.1:$ISSUER_PORT/realms/shop"
java -cp "$BENCH_JAR" dev.portcullis.benchmarks.http.ComparisonIssuer "$ISSUER_PORT" "$TOKENS" 1000 \
  > "$WORK/issuer.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do grep -qs READY "$WORK/issuer.log" && break; sleep 1; done
grep -q READY "$WORK/issuer.log" || { echo "The issuer did not start; see $WORK/issuer.log" >&2; exit 1; }
echo "issuer $ISSUER; tokens in $TOKENS ($(head -1 "$TOKENS/rs256-repeat.txt" | tr -d '\n' | wc -c) characters RS256," \
  "$(head -1 "$TOKENS/es256-repeat.txt" | tr -d '\n' | wc -c) ES256)"

declare -A PID
start() { # name, command...
  local name=$1; shift
  "$@" > "$WORK/server-$name.log" 2>&1 &
  PID[$name]=$!
  PIDS+=($!)
}
# The servers start one after the other so that each starts as fast as it can.
wait_ready() { # name
  local started=$SECONDS
  for _ in $(seq 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${SERVER_PORT[$1]}/health")" = 200 ]; then
      echo "$1 serves on 127.0.0.1:${SERVER_PORT[$1]} (ready $((SECONDS - started)) s after start)"
      return
    fi
    sleep 0.5
  done
  echo "$1 did not start; see $WORK/server-$1.log" >&2
  exit 1
}
# env execs java, so that the process id is the server's own.
start portcullis env PORT="${SERVER_PORT[portcullis]}" PORTCULLIS_ISSUER="$ISSUER" \
  java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR"
wait_ready portcullis
start spring env PORT="${SERVER_PORT[spring]}" ISSUER="$ISSUER" java "${JAVA_OPTS[@]}" -jar "$SPRING_JAR"
wait_ready spring
start quarkus env PORT="${SERVER_PORT[quarkus]}" ISSUER="$ISSUER" java "${JAVA_OPTS[@]}" -jar "$QUARKUS_JAR"
wait_ready quarkus
start portcullis-nocache env PORT="${SERVER_PORT[portcullis-nocache]}" PORTCULLIS_ISSUER="$ISSUER" \
  PORTCULLIS_TOKEN_CACHE_SIZE=0 java "${JAVA_OPTS[@]}" -jar "$SAMPLE_JAR"
wait_ready portcullis-nocache

section "Checks: GET /api/orders (orders:read) with each token; every server must answer alike"
# name and expected status; the sample's catalogue says orders:write implies orders:read.
CHECKS=(valid-rs256:200 valid-es256:200 write-scope-only:200 none:401 no-orders-scope:403 wrong-audience:401
  other-issuer:401 expired:401 tampered:401 unknown-key:401)
printf '%-18s %8s' token expected
for server in "${SERVERS[@]}"; do printf ' %18s' "$server"; done
echo
FAILED=0
for check in "${CHECKS[@]}"; do
  name=${check%%:*}; expected=${check##*:}
  printf '%-18s %8s' "$name" "$expected"
  for server in "${SERVERS[@]}"; do
    header=()
    [ "$name" != none ] && header=(-H "Authorization: Bearer $(cat "$TOKENS/checks/$name.txt")")
    got=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "http://127.0.0.1:${SERVER_PORT[$server]}/api/orders")
    printf ' %18s' "$got"
    [ "$got" = "$expected" ] || FAILED=1
  done
  echo
done
if [ "$FAILED" = 1 ]; then
  echo "A server answered a check differently from the others; not measuring (logs in $WORK)." >&2
  exit 1
fi
echo "GET /health without a token: $(for s in "${SERVERS[@]}"; do curl -s -o /dev/null -w "$s %{http_code} " \
  "http://127.0.0.1:${SERVER_PORT[$s]}/health"; done)"
echo "Probes, where servers may differ by design (reported, not required to agree):"
for name in expired-30s-ago not-before-in-5-min no-exp no-aud; do
  printf '%-20s' "$name"
  for server in "${SERVERS[@]}"; do
    # A fresh token for each server: the first probe means something for a few seconds only.
    token=$(curl -s "http://127.0.0.1:$ISSUER_PORT/probes/$name")
    printf ' %s %s' "$server" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:${SERVER_PORT[$server]}/api/orders")"
  done
  echo
done
FETCHES_BEFORE=$(grep -c ' served ' "$WORK/issuer.log" || true)

run_wrk() { # scenario, server, output file
  local path=/api/orders tokens=()
  case "$1" in
    open) path=/health ;;
    *) tokens=("$TOKENS/$1.txt") ;;
  esac
  wrk -t1 -c16 -d"${SECONDS_EACH}s" --latency -s "$ROOT/benchmarks/wrk/tokens.lua" \
    "http://127.0.0.1:${SERVER_PORT[$2]}" -- "$path" "${tokens[@]}" > "$3"
}

section "Warm-up: every scenario on every server, ${SECONDS_EACH}s each"
for server in "${SERVERS[@]}"; do
  for scenario in "${SCENARIOS[@]}"; do
    run_wrk "$scenario" "$server" "$WORK/warmup-$scenario-$server.txt"
  done
  echo "$server warmed up; load $(load)"
done

section "Measurement: $ROUNDS rounds, wrk -t1 -c16 -d${SECONDS_EACH}s, servers rotating"
for round in $(seq "$ROUNDS"); do
  echo "--- round $round, load before $(load)"
  # Each round starts with another server so that none always runs first or last.
  shift_by=$(((round - 1) % ${#SERVERS[@]}))
  order=("${SERVERS[@]:$shift_by}" "${SERVERS[@]:0:$shift_by}")
  for scenario in "${SCENARIOS[@]}"; do
    for server in "${order[@]}"; do
      out="$WORK/wrk-$scenario-$server-$round.txt"
      run_wrk "$scenario" "$server" "$out"
      printf '%-15s %-19s %s\n' "$scenario" "$server" \
        "$(grep -E 'Requests/sec|  99%|Non-2xx|Socket errors' "$out" | tr -s ' ' | tr '\n' ' ')"
    done
  done
done
echo "load after: $(load)"
FETCHES_AFTER=$(grep -c ' served ' "$WORK/issuer.log" || true)
echo "discovery and key set requests to the issuer during warm-up and measurement: $((FETCHES_AFTER - FETCHES_BEFORE))"
sed -n "$((FETCHES_BEFORE + 2)),\$p" "$WORK/issuer.log"

section "Memory after the run"
for server in "${SERVERS[@]}"; do
  echo "$server: RSS $(awk '/VmRSS/ {print $2 " kB"}' "/proc/${PID[$server]}/status")"
done

section "wrk outputs of the measurement"
for round in $(seq "$ROUNDS"); do
  for scenario in "${SCENARIOS[@]}"; do
    for server in "${SERVERS[@]}"; do
      echo "--- $scenario on $server, round $round"
      cat "$WORK/wrk-$scenario-$server-$round.txt"
    done
  done
done

section "Summary"
python3 "$HERE/summarize.py" "$WORK" "${SERVERS[*]}" "${SCENARIOS[*]}"
echo
echo "raw output: $RESULT (wrk outputs and server logs in $WORK)"
