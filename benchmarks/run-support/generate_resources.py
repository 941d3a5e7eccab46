#!/usr/bin/env python3
"""Writes a JAX-RS project for the processor-cost benchmark: CLASSES resource classes with
METHODS annotated resource methods each, mixing every Portcullis annotation.

Usage: generate_resources.py OUT_DIR CLASSES METHODS
"""
import pathlib
import sys

out, classes, methods = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
package = out / "bench" / "api"
package.mkdir(parents=True, exist_ok=True)
verbs = ["GET", "POST", "PUT", "DELETE"]
for c in range(classes):
    name = f"Resource{c:03d}"
    lines = [
        "package bench.api;",
        "",
        "import dev.portcullis.Public;",
        "import dev.portcullis.RequiresScope;",
        "import dev.portcullis.RequiresToken;",
        "import dev.portcullis.ScopeMatch;",
        "import jakarta.ws.rs.*;",
        "",
        f"/** Generated resource {c} for the processor-cost benchmark. */",
        f'@Path("/r{c:03d}")',
        f'@RequiresScope("res{c:03d}:read")',
        f"public class {name} {{",
    ]
    for m in range(methods):
        verb = verbs[m % len(verbs)]
        kind = m % 5
        if kind == 0:
            annotation = ""  # inherits the class-level scope
        elif kind == 1:
            annotation = f'@RequiresScope("res{c:03d}:write") '
        elif kind == 2:
            annotation = f'@RequiresScope(value = {{"res{c:03d}:admin", "ops"}}, match = ScopeMatch.ANY) '
        elif kind == 3:
            annotation = "@RequiresToken "
        else:
            annotation = "@Public "
        param = "String body" if verb in ("POST", "PUT") else f'@PathParam("id") String id'
        path = f'"/m{m:02d}"' if verb in ("POST", "PUT") else f'"/m{m:02d}/{{id}}"'
        value = "body" if verb in ("POST", "PUT") else "id"
        lines.append(f"  @{verb} @Path({path}) {annotation}public String m{m:02d}({param}) {{ return {value}; }}")
    lines.append("}")
    (package / f"{name}.java").write_text("\n".join(lines) + "\n")
print(f"wrote {classes} classes x {methods} methods = {classes * methods} resource methods to {out}")
