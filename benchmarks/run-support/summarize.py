#!/usr/bin/env python3
"""Prints the results of one benchmarks/run.sh run as Markdown tables, with the ratios
against the targets of issue 5.

Usage: summarize.py RUN_DIR
"""
import json
import math
import pathlib
import re
import sys

run = pathlib.Path(sys.argv[1])
verdicts = []


def verdict(name, ok, detail):
    verdicts.append(f"| {name} | {detail} | {'met' if ok else 'MISSED'} |")


def ratio(a, ea, b, eb):
    r = a / b
    return r, r * math.sqrt((ea / a) ** 2 + (eb / b) ** 2)


def jmh_scores(path, key):
    """{key(result): (score, error)} of a JMH JSON file; the error is 0 for a single iteration."""
    scores = {}
    for result in json.loads(path.read_text() or "[]"):
        metric = result["primaryMetric"]
        error = float(metric["scoreError"])  # "NaN" with a single iteration
        scores[key(result)] = (metric["score"], 0.0 if math.isnan(error) else error)
    return scores


def ratio_rows(values, labels, baseline, digits):
    """Prints a table row per label present in values: value, error and ratio to the baseline."""
    for name, label in labels.items():
        if name not in values:
            continue
        relative = "—"
        if baseline in values:
            r, er = ratio(*values[name], *values[baseline])
            relative = f"{r:.3f} ± {er:.3f}"
        print(f"| {label} | {values[name][0]:.{digits}f} | {values[name][1]:.{digits}f} | {relative} |")


# ---- JMH
jmh_json = run / "jmh.json"  # absent when run.sh ran --only other parts
jmh = json.loads(jmh_json.read_text()) if jmh_json.exists() else []
scores = {}
best = {}  # the fastest iteration: load from elsewhere only ever adds time
for result in jmh:
    name = result["benchmark"].rsplit(".", 1)[1]
    if "params" not in result:  # CacheKeyBenchmark
        m = result["primaryMetric"]
        print(f"SHA-256 of the RS256 token, the alternative cache key ({name}): {m['score']:.3f} ± {float(m['scoreError']):.3f} us/op\n")
        continue
    alg = result["params"]["alg"]
    metric = result["primaryMetric"]
    error = float(metric["scoreError"])  # "NaN" with a single iteration
    error = 0.0 if math.isnan(error) else error
    scores[(alg, name)] = (metric["score"], error)
    best[(alg, name)] = min(x for fork in metric["rawData"] for x in fork)
order = ["bareJca", "nimbus", "spring", "portcullisCold", "portcullisWarm"]
labels = {"bareJca": "bare JCA signature check", "nimbus": "Nimbus DefaultJWTProcessor",
          "spring": "Spring NimbusJwtDecoder", "portcullisCold": "Portcullis cold (cache off, distinct tokens)",
          "portcullisWarm": "Portcullis warm (repeated token, cache on)"}
if scores:
    print("JMH, average time per token (us/op; error = 99.9% confidence interval; best = the fastest"
          " measured iteration):\n")
    print("| verifier | alg | us/op | ± error | × bare JCA | best us/op | best × best bare JCA |")
    print("|---|---|---:|---:|---:|---:|---:|")
for alg in ("RS256", "ES256"):
    if (alg, "bareJca") not in scores:
        continue
    base, base_err = scores[(alg, "bareJca")]
    for name in order:
        if (alg, name) not in scores:
            continue
        score, err = scores[(alg, name)]
        r, er = ratio(score, err, base, base_err)
        print(f"| {labels[name]} | {alg} | {score:.3f} | {err:.3f} | {r:.3f} ± {er:.3f} |"
              f" {best[(alg, name)]:.3f} | {best[(alg, name)] / best[(alg, 'bareJca')]:.3f} |")
for alg, limit in (("RS256", 1.15), ("ES256", 1.05)):
    if (alg, "portcullisCold") in scores:
        r, er = ratio(*scores[(alg, "portcullisCold")], *scores[(alg, "bareJca")])
        b = best[(alg, "portcullisCold")] / best[(alg, "bareJca")]
        verdict(f"cold {alg} ≤ {limit}× bare JCA", r <= limit,
                f"{r:.3f} ± {er:.3f}× (fastest iterations: {b:.3f}×)")
for alg in ("RS256", "ES256"):
    if (alg, "portcullisWarm") in scores:
        s, e = scores[(alg, "portcullisWarm")]
        verdict(f"warm {alg} ≤ 1 µs", s <= 1.0, f"{s:.3f} ± {e:.3f} µs")

# ---- JMH, client path
client_json = run / "jmh-client.json"
if client_json.exists():
    calls = jmh_scores(client_json, lambda result: result["benchmark"].rsplit(".", 1)[1])
    client_log = run / "jmh-client.txt"
    token_requests = re.findall(r"token endpoint requests in this trial: (\d+)",
                                client_log.read_text()) if client_log.exists() else []
    print("\nJMH, one GET over loopback with the token already cached (us/op; error = 99.9% confidence interval):\n")
    print("| call | us/op | ± error | × hand-written |")
    print("|---|---:|---:|---:|")
    ratio_rows(calls, {"handWritten": "hand-written JAX-RS client call, token in a field",
                       "generatedStub": "generated stub (OAuthClients), token from its TokenClient"},
               "handWritten", 3)
    print(f"\ntoken endpoint requests per benchmark trial (1 expected): {', '.join(token_requests) or 'none reported'}")
    if "handWritten" in calls and "generatedStub" in calls:
        r, er = ratio(*calls["generatedStub"], *calls["handWritten"])
        verdict("generated stub call ≤ 1.05× hand-written client call", r <= 1.05, f"{r:.3f} ± {er:.3f}×")
    else:
        verdict("generated stub call ≤ 1.05× hand-written client call", False,
                "no result: a client benchmark failed its checks (see jmh-client.txt)")

# ---- wrk
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(label):
    path = run / f"wrk-{label}.txt"
    if not path.exists():
        return None
    text = path.read_text()
    out = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        out[pct] = float(m.group(1)) * UNIT[m.group(2)] if m else float("nan")
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = int(m.group(1)) if m else 0
    return out


if wrk("open-1"):
    print("\nwrk over loopback (1 thread, 16 connections; latency in ms):\n")
    print("| scenario | req/s | p50 | p99 | requests | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
for label in ("container-jdk", "container-grizzly", "open-1", "protected-repeat-1", "open-2", "protected-repeat-2",
              "open-3", "protected-repeat-3", "protected-distinct", "protected-distinct-again", "protected-invalid"):
    w = wrk(label)
    if w:
        print(f"| {label} | {w['rps']:.0f} | {w['50']:.2f} | {w['99']:.2f} | {w['requests']} | {w['non2xx']} |")
memory = run / "memory.txt"
if memory.exists():
    print("\n" + memory.read_text().strip())


def rounds(prefix):
    runs = [w for w in (wrk(f"{prefix}-{i}") for i in (1, 2, 3)) if w]
    if not runs:
        return None
    rps = [w["rps"] for w in runs]
    mean = sum(rps) / len(rps)
    sd = math.sqrt(sum((x - mean) ** 2 for x in rps) / (len(rps) - 1)) if len(rps) > 1 else 0.0
    p99 = sorted(w["99"] for w in runs)[len(runs) // 2]
    return mean, sd, p99


open_, repeat = rounds("open"), rounds("protected-repeat")
if open_ and repeat:
    print("\nrepeated token, 3 alternating rounds: open %.0f ± %.0f req/s (median p99 %.2f ms), protected %.0f ± %.0f"
          " req/s (median p99 %.2f ms)" % (open_[0], open_[1], open_[2], repeat[0], repeat[1], repeat[2]))
    r, er = ratio(repeat[0], repeat[1], open_[0], open_[1])
    verdict("protected ≥ 0.9× open req/s (repeated token)", r >= 0.9, f"{r:.3f} ± {er:.3f}×")
    verdict("protected p99 ≤ 1.2× open p99 (medians of 3)", repeat[2] <= 1.2 * open_[2],
            f"{repeat[2]:.2f} ms vs {open_[2]:.2f} ms = {repeat[2] / open_[2]:.2f}×")

# ---- javac
FILTERS_AS_SOURCES = "without processor, generated filters as sources"


def share(results, minuend, subtrahend):
    """(minuend - subtrahend) / -proc:none, with the error from the three standard deviations,
    and the same from each interleaved round's own three runs (mean ± sd over the rounds)."""
    none, a, b = results["without processor"], results[minuend], results[subtrahend]
    value = (a["mean"] - b["mean"]) / none["mean"]
    error = math.hypot(math.hypot(a["stddev"], b["stddev"]) / none["mean"], value * none["stddev"] / none["mean"])
    paired = [(x - y) / n for x, y, n in zip(a["times"], b["times"], none["times"])]
    mean = sum(paired) / len(paired)
    sd = math.sqrt(sum((p - mean) ** 2 for p in paired) / (len(paired) - 1)) if len(paired) > 1 else 0.0
    return value, error, mean, sd


def javac_table(path, title, head):
    results = {r["command"]: r for r in json.loads(path.read_text())["results"]}
    print(f"\n{title}\n")
    print(f"| {head} | wall mean | ± sd | min | CPU user | runs |")
    print("|---|---:|---:|---:|---:|---:|")
    for command, name in (("without processor", "without processor (-proc:none)"),
                          (FILTERS_AS_SOURCES, "-proc:none, the 50 generated filters added as sources"),
                          ("with a processor that does nothing", "with a processor that does nothing (javac's own processing rounds)"),
                          ("with processor", "with the Portcullis processor")):
        if command in results:
            r = results[command]
            print(f"| {name} | {r['mean']:.3f} | {r['stddev']:.3f} | {r['min']:.3f} | {r['user']:.3f} |"
                  f" {len(r['times'])} |")
    return results


def javac_shares(results, label):
    """Prints the shares of -proc:none; returns Portcullis' own share (Portcullis - no-op)."""
    total = share(results, "with processor", "without processor")
    print(f"\n{label}: shares of the -proc:none time (means, ± from the standard deviations; then the same"
          " per interleaved round, mean ± sd):\n")
    print("| what | share of -proc:none | per round |")
    print("|---|---:|---:|")
    rows = [("the Portcullis processor in all (Portcullis − -proc:none)", total)]
    own = None
    if "with a processor that does nothing" in results:
        rows.append(("javac's cost of running any processor (no-op − -proc:none)",
                     share(results, "with a processor that does nothing", "without processor")))
        own = share(results, "with processor", "with a processor that does nothing")
        rows.append(("**Portcullis' own share (Portcullis − no-op)**", own))
    if FILTERS_AS_SOURCES in results:
        filters = share(results, FILTERS_AS_SOURCES, "without processor")
        rows.append(("  of which compiling the 50 generated filters (filters as sources − -proc:none)", filters))
        if own:
            rest = tuple(o - f for o, f in zip(own, filters))
            rows.append(("  of which the rest: the processor's own work and its second round (by difference)",
                         (rest[0], math.hypot(own[1], filters[1]), rest[2], math.hypot(own[3], filters[3]))))
    for name, (v, e, m, sd) in rows:
        print(f"| {name} | {100 * v:+.1f} % ± {100 * e:.1f} % | {100 * m:+.1f} % ± {100 * sd:.1f} % |")
    return own or total


javac = run / "javac.json"
if javac.exists():
    results = javac_table(javac, "javac, 1,000 annotated resource methods (s; mean ± standard deviation):", "javac")
    own = javac_shares(results, "JDK 17")
    without, with_ = results["without processor"], results["with processor"]
    print(f"\nCPU time (user) with the processor: {with_['user'] / without['user']:.2f}× without it")
    verdict("Portcullis' own share of javac (Portcullis − no-op) ≤ 15 % of -proc:none", own[0] <= 0.15,
            f"{100 * own[0]:+.1f} % ± {100 * own[1]:.1f} % (per round {100 * own[2]:+.1f} % ± {100 * own[3]:.1f} %)")

javac25 = run / "javac25.json"
if javac25.exists():
    results = javac_table(javac25, "The same with the javac of JDK 25 (--release 17; for comparison):", "javac 25")
    own = javac_shares(results, "JDK 25")
    verdict("JDK 25: Portcullis' own share of javac ≤ 15 % of -proc:none", own[0] <= 0.15,
            f"{100 * own[0]:+.1f} % ± {100 * own[1]:.1f} % (per round {100 * own[2]:+.1f} % ± {100 * own[3]:.1f} %)")

javac_warm = run / "jmh-javac.json"
if javac_warm.exists():
    warm = jmh_scores(javac_warm, lambda result: result["params"]["processor"])
    print("\njavac in one warm JVM, the same 1,000 methods compiled again and again through javax.tools"
          " (ms/op; error = 99.9% confidence interval; not a target):\n")
    print("| javac | ms/op | ± error | × -proc:none |")
    print("|---|---:|---:|---:|")
    ratio_rows(warm, {"none": "without processor (-proc:none)", "noop": "with a processor that does nothing",
                      "portcullis": "with the Portcullis processor"}, "none", 1)
    if all(name in warm for name in ("none", "noop", "portcullis")):
        r, er = ratio(*warm["portcullis"], *warm["none"])
        f, ef = ratio(*warm["noop"], *warm["none"])
        p, ep = ratio(*warm["portcullis"], *warm["noop"])
        print(f"\nwarm: the processor adds +{100 * (r - 1):.1f} % ± {100 * er:.1f} %; a processor that does nothing"
              f" +{100 * (f - 1):.1f} % ± {100 * ef:.1f} %; Portcullis over the no-op processor"
              f" +{100 * (p - 1):.1f} % ± {100 * ep:.1f} %")

print("\nTargets (issue 5):\n")
print("| target | measured | verdict |")
print("|---|---|---|")
print("\n".join(verdicts))
