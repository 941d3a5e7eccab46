#!/usr/bin/env python3
"""Says where the time goes in a JFR recording: the share of execution samples under the
main steps of the measured work (inclusive) and the top frames by self time.

Usage: jfr_top.py RECORDING.jfr jmh|server|javac
  jmh     the JMH worker thread of a token verification benchmark
  server  every thread of the HTTP benchmark server
  javac   javac's main thread, with the annotation processor
"""
import collections
import re
import subprocess
import sys

MODES = {
    "jmh": ("jmh-worker", [
        ("the signature check (JCA Signature.verify)", "java.security.Signature.verify("),
        ("  of which RSA/EC math in the JDK provider", "engineVerify("),
        ("claims JSON parse (Nimbus JSONObjectUtils, shaded Gson)", "JSONObjectUtils.parse("),
        ("header parse (JWSHeader.parse; a remembered header skips it)", "JWSHeader.parse("),
        ("base64 decoding (java.util.Base64)", "Base64$Decoder.decode("),
        ("key selection (CachedKeySelector)", "selectJWSKeys("),
        ("claims checks and principal (ClaimsReader)", "ClaimsReader.read("),
    ]),
    "server": ("", [
        ("Portcullis request filter (GuardedMethod and the generated filter)", "GuardedMethod.filter("),
        ("  token work (RequestGuard.authenticate)", "RequestGuard.authenticate("),
        ("  token verification (TokenVerifier.verify)", "TokenVerifier.verify("),
        ("  of which cache look-up (TokenCache.find)", "TokenCache.find("),
        ("  of which full checks (TokenChecks.verify)", "TokenChecks.verify("),
        ("  bearer extraction (BearerExtractor)", "BearerExtractor."),
        ("Jersey request processing (ServerRuntime)", "org.glassfish.jersey.server.ServerRuntime"),
        ("Grizzly HTTP and I/O", "org.glassfish.grizzly."),
    ]),
    "javac": ("main", [
        ("annotation processing (JavacProcessingEnvironment)", "JavacProcessingEnvironment."),
        ("  Portcullis processor code", "dev.portcullis.processor."),
        ("    of which building the filters (FilterGenerator)", "dev.portcullis.processor.FilterGenerator."),
        ("  JavaPoet (writing the generated sources)", "com.palantir.javapoet."),
        ("  javac entering every source again for its next round", "JavacProcessingEnvironment$Round.<init>("),
        ("parsing (JavacParser)", "com.sun.tools.javac.parser."),
        ("entering, attribution and flow (com.sun.tools.javac.comp)", "com.sun.tools.javac.comp."),
        ("class writing (ClassWriter)", "com.sun.tools.javac.jvm."),
    ]),
}

path, mode = sys.argv[1], sys.argv[2]
thread, steps = MODES[mode]
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", path],
                      capture_output=True, text=True, check=True).stdout
self_time, under, total = collections.Counter(), collections.Counter(), 0
for sample in text.split("jdk.ExecutionSample {")[1:]:
    name = re.search(r'sampledThread = "([^"]*)"', sample)
    if thread and (not name or thread not in name.group(1)):
        continue
    frames = re.findall(r"^\s+([\w$.<>]+\([^)]*\))\s+line:", sample, re.M)
    if not frames:
        continue
    total += 1
    self_time[frames[0]] += 1
    stack = "\n".join(frames)
    for label, marker in steps:
        if marker in stack:
            under[label] += 1
print(f"{total} execution samples ({'thread ' + thread if thread else 'all threads'})")
print("share of samples under each step (inclusive):")
for label, _ in steps:
    print(f"  {100 * under[label] / max(total, 1):5.1f}%  {label}")
print("top frames by self time:")
for frame, count in self_time.most_common(12):
    print(f"  {100 * count / max(total, 1):5.1f}%  {frame}")
