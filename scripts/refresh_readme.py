#!/usr/bin/env python3
"""Refreshes the README's examples with real output: every fenced block that starts with
`$ mentormatch ARGS` is rerun with the debug binary (`swift build --product mentormatch` first) and its
output pasted back. A block that ended with `…` keeps as many lines as it had, then `…`.

    python3 scripts/refresh_readme.py [README.md]
"""
import shlex
import subprocess
import sys

BINARY = ".build/debug/mentormatch"


def run(command):
    args = shlex.split(command)
    done = subprocess.run([BINARY] + args[1:], capture_output=True, text=True, env={"TZ": "UTC", "PATH": "/usr/bin:/bin"})
    return (done.stdout + done.stderr).rstrip("\n").split("\n")


def refresh(lines):
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if line.startswith("```") and i + 1 < len(lines) and lines[i + 1].startswith("$ mentormatch "):
            command = lines[i + 1][2:]
            end = i + 2
            while not lines[end].startswith("```"):
                end += 1
            old = lines[i + 2:end]
            new = run(command)
            if old and old[-1].strip() == "…":
                new = new[:len(old) - 1] + ["…"]
            out.append(lines[i + 1])
            out.extend(new)
            i = end
            continue
        i += 1
    return out


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    text = open(path).read().split("\n")
    open(path, "w").write("\n".join(refresh(text)))
