#!/usr/bin/env python3
"""Says where a JMH worker thread spends its time in a JFR recording: the top frames by
self time and the share of samples under the main steps of token verification.

Usage: jfr_top.py RECORDING.jfr
"""
import collections
import re
import subprocess
import sys

STEPS = [
    ("the signature check (JCA Signature.verify)", "java.security.Signature.verify("),
    ("  of which RSA/EC math in the JDK provider", "engineVerify("),
    ("claims JSON parse (Nimbus JSONObjectUtils, shaded Gson)", "JSONObjectUtils.parse("),
    ("header parse and JWS object (JWSObject.<init>)", "JWSObject.<init>("),
    ("claims set build (JWTClaimsSet.parse)", "JWTClaimsSet.parse("),
    ("base64 decoding", "Base64"),
    ("claims checks (DefaultJWTClaimsVerifier)", "DefaultJWTClaimsVerifier.verify("),
    ("key selection (CachedKeySelector)", "selectJWSKeys("),
    ("principal (ClaimsReader)", "ClaimsReader.read("),
    ("Signature.getInstance / initVerify", "Signature.getInstance("),
]

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
self_time, under, total = collections.Counter(), collections.Counter(), 0
for sample in text.split("jdk.ExecutionSample {")[1:]:
    if "jmh-worker" not in sample:
        continue
    frames = re.findall(r"^\s+([\w$.<>]+\([^)]*\))\s+line:", sample, re.M)
    if not frames:
        continue
    total += 1
    self_time[frames[0]] += 1
    stack = "\n".join(frames)
    for label, marker in STEPS:
        if marker in stack or (marker == "Signature.getInstance(" and "Signature.initVerify(" in stack):
            under[label] += 1
print(f"{total} execution samples of the benchmark thread")
print("share of samples under each step (inclusive):")
for label, _ in STEPS:
    print(f"  {100 * under[label] / max(total, 1):5.1f}%  {label}")
print("top frames by self time:")
for frame, count in self_time.most_common(12):
    print(f"  {100 * count / max(total, 1):5.1f}%  {frame}")
