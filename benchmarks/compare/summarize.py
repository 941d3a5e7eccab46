#!/usr/bin/env python3
"""Tables from the wrk outputs of benchmarks/compare/run.sh.

Usage: summarize.py WORK_DIR "SERVERS" "SCENARIOS"  (space-separated lists, as run.sh passes them)

Reads WORK_DIR/wrk-<scenario>-<server>-<round>.txt and prints, for every scenario and server,
the median over the rounds of req/s (with the lowest and highest round) and of the p99
latency; each server's protected/open ratio; and the servers against each other. Every ratio is
taken within a round, where the load of the shared machine was about the same for both
figures, and the median of those per-round ratios is shown with their range.
"""
import re
import statistics
import sys
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
OPEN = "open"


def parse(path):
    text = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    return {
        "rps": rps,
        "p99": float(value) * UNITS[unit],
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": errors.group(0) if errors else None,
    }


def spread(values, fmt):
    med = statistics.median(values)
    if len(values) == 1:
        return fmt(med)
    return f"{fmt(med)} ({fmt(min(values))}–{fmt(max(values))})"


def main():
    work = Path(sys.argv[1])
    servers = sys.argv[2].split()
    scenarios = sys.argv[3].split()
    runs = {}  # (scenario, server) -> {round: result}
    for f in work.glob("wrk-*.txt"):
        m = re.fullmatch(r"wrk-(.+)-(\d+)\.txt", f.name)
        for scenario in scenarios:
            for server in servers:
                if m and m.group(1) == f"{scenario}-{server}":
                    runs.setdefault((scenario, server), {})[int(m.group(2))] = parse(f)
    rounds = sorted({r for v in runs.values() for r in v})
    print(f"{len(rounds)} round(s); median over the rounds, (lowest–highest round) where there are several")
    problems = [(k, r, v) for k, rs in runs.items() for r, v in rs.items() if v["non2xx"] or v["errors"]]
    for (scenario, server), r, v in sorted(problems):
        print(f"WARNING {scenario} on {server}, round {r}: {v['non2xx']} non-2xx answers; {v['errors'] or ''}")

    print("\nreq/s (higher is better)")
    print(f"{'scenario':<16}" + "".join(f"{s:>30}" for s in servers))
    for scenario in scenarios:
        cells = []
        for server in servers:
            values = [v["rps"] for v in runs.get((scenario, server), {}).values()]
            cells.append(spread(values, lambda x: f"{x:,.0f}") if values else "-")
        print(f"{scenario:<16}" + "".join(f"{c:>30}" for c in cells))

    print("\np99 latency, ms (lower is better)")
    print(f"{'scenario':<16}" + "".join(f"{s:>30}" for s in servers))
    for scenario in scenarios:
        cells = []
        for server in servers:
            values = [v["p99"] for v in runs.get((scenario, server), {}).values()]
            cells.append(spread(values, lambda x: f"{x:.2f}") if values else "-")
        print(f"{scenario:<16}" + "".join(f"{c:>30}" for c in cells))

    def ratios(a, b, key):
        ra, rb = runs.get(a, {}), runs.get(b, {})
        return [ra[r][key] / rb[r][key] for r in rounds if r in ra and r in rb and rb[r][key]]

    print("\nprotected / open req/s, each server against its own open endpoint")
    print(f"{'scenario':<16}" + "".join(f"{s:>30}" for s in servers))
    for scenario in scenarios:
        if scenario == OPEN:
            continue
        cells = []
        for server in servers:
            values = ratios((scenario, server), (OPEN, server), "rps")
            cells.append(spread(values, lambda x: f"{x:.2f}×") if values else "-")
        print(f"{scenario:<16}" + "".join(f"{c:>30}" for c in cells))

    pairs = [(a, b) for i, a in enumerate(servers) for b in servers[i + 1:]]
    for key, title in (("rps", "req/s"), ("p99", "p99 latency")):
        print(f"\n{title}, one server against another (first / second)")
        print(f"{'servers':<32}" + "".join(f"{s:>26}" for s in scenarios))
        for a, b in pairs:
            cells = []
            for scenario in scenarios:
                values = ratios((scenario, a), (scenario, b), key)
                cells.append(spread(values, lambda x: f"{x:.2f}×") if values else "-")
            print(f"{a + ' / ' + b:<32}" + "".join(f"{c:>26}" for c in cells))

if __name__ == "__main__":
    main()
