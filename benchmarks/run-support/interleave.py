#!/usr/bin/env python3
"""Times whole commands the way hyperfine does, but interleaved: every round runs each
command once, starting with a different one each round, so that load from elsewhere that
comes and goes hits all of them alike. Writes hyperfine's JSON shape (command, mean,
stddev, min, user, system, times) so the summary reads either.

Usage: interleave.py --runs N [--warmup W] [--prepare CMD] --json OUT -n NAME CMD [-n NAME CMD ...]
"""
import argparse
import json
import resource
import shlex
import statistics
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, required=True)
parser.add_argument("--warmup", type=int, default=1)
parser.add_argument("--prepare", default=None)
parser.add_argument("--json", required=True)
parser.add_argument("-n", nargs=2, action="append", metavar=("NAME", "CMD"), required=True)
args = parser.parse_args()

names = [name for name, _ in args.n]
commands = {name: shlex.split(command) for name, command in args.n}
wall = {name: [] for name in names}
user = {name: [] for name in names}
system = {name: [] for name in names}


def run(name):
    if args.prepare:
        subprocess.run(args.prepare, shell=True, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(commands[name], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"'{name}' failed with exit code {done.returncode}:\n{done.stderr}")
    return elapsed, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


for _ in range(args.warmup):
    for name in names:
        run(name)
for round_number in range(args.runs):
    shift = round_number % len(names)
    for name in names[shift:] + names[:shift]:
        elapsed, cpu_user, cpu_system = run(name)
        wall[name].append(elapsed)
        user[name].append(cpu_user)
        system[name].append(cpu_system)

results = []
for name in names:
    times = wall[name]
    result = {
        "command": name,
        "mean": statistics.mean(times),
        "stddev": statistics.stdev(times) if len(times) > 1 else 0.0,
        "min": min(times),
        "max": max(times),
        "user": statistics.mean(user[name]),
        "system": statistics.mean(system[name]),
        "times": times,
    }
    results.append(result)
    print(f"{name}\n  Time (mean ± σ): {result['mean']:.3f} s ± {result['stddev']:.3f} s"
          f"    [User: {result['user']:.3f} s, System: {result['system']:.3f} s]"
          f"\n  Range (min … max): {result['min']:.3f} s … {result['max']:.3f} s    {len(times)} runs, interleaved")
with open(args.json, "w") as out:
    json.dump({"results": results}, out, indent=2)
