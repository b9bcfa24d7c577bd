#!/usr/bin/env python3
"""KhôngChờ printing bench: ticket render + ESC/POS encode, against the printer mechanism and python-escpos.

    python3 bench/print_bench.py                    # after `swift build -c release`; bench/bench.py also runs it
    python3 bench/print_bench.py --iterations 200 --no-escpos

1. Runs `khongcho print-bench --json` for an 80 mm (xprinter-80mm) and a 58 mm (generic-58mm) ticket: p50/p99/max
   of render, encode and both, bytes per ticket, and the time a 200 mm/s printer needs to print the ticket.
2. Feeds the same raster (PBM written by the binary) to python-escpos's Dummy printer in a virtualenv
   (bench/.venv, created and filled from PyPI on first use; skipped with a note when that fails), times
   `image(impl="bitImageRaster")` + cut, and compares its bytes with the binary's job, command by command.

The system python3 runs this file (standard library only); the python-escpos part runs in bench/.venv's
python as `print_bench.py --escpos-worker …`, so the system interpreter needs no third-party package.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "release" / "khongcho"))
VENV = REPO / "bench" / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
PROFILES = [("80 mm", "xprinter-80mm"), ("58 mm", "generic-58mm")]
TARGET_TICKET_P99_MS = 5.0  # an 80 mm ticket; then the printer mechanism (~0.7 s) is always the bottleneck


def percentile(values: list[float], p: float) -> float:
    """Nearest rank, as bench/bench.py and `khongcho print-bench` compute it."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


# --------------------------------------------------------------------------------- ESC/POS stream parsing


def commands(stream: bytes) -> list[tuple[str, bytes, bytes]]:
    """Splits a job into (name, header, payload) commands. Only what these jobs contain is modelled; any other
    byte is kept as a 1-byte "raw" command, so a difference still shows instead of being skipped."""
    out, i = [], 0
    while i < len(stream):
        head = stream[i:i + 2]
        if head == b"\x1dv" and len(stream) >= i + 8:  # GS v 0 m xL xH yL yH + data
            width, rows = stream[i + 4] | stream[i + 5] << 8, stream[i + 6] | stream[i + 7] << 8
            end = i + 8 + width * rows
            out.append((f"GS v 0 ({width * 8}×{rows})", stream[i:i + 8], stream[i + 8:end]))
            i = end
        elif head == b"\x1b@":
            out.append(("ESC @", head, b""))
            i += 2
        elif head in (b"\x1ba", b"\x1bJ", b"\x1bd", b"\x1b!", b"\x1bE", b"\x1b-", b"\x1bM", b"\x1bt", b"\x1b3"):
            out.append((f"ESC {chr(head[1])} {stream[i + 2]}", stream[i:i + 3], b""))
            i += 3
        elif head == b"\x1dV":
            size = 4 if stream[i + 2] in (65, 66) else 3
            out.append((f"GS V {' '.join(str(b) for b in stream[i + 2:i + size])}", stream[i:i + size], b""))
            i += size
        elif head in (b"\x1d!", b"\x1dB"):
            out.append((f"GS {chr(head[1])} {stream[i + 2]}", stream[i:i + 3], b""))
            i += 3
        else:
            out.append((f"raw {stream[i]:02x}", stream[i:i + 1], b""))
            i += 1
    return out


def compare(ours: bytes, theirs: bytes) -> dict:
    """Sizes, the GS v 0 headers, and whether the concatenated raster payloads are identical byte for byte."""
    a, b = commands(ours), commands(theirs)
    raster_a = b"".join(p for n, _, p in a if n.startswith("GS v 0"))
    raster_b = b"".join(p for n, _, p in b if n.startswith("GS v 0"))
    differing = sum(x != y for x, y in zip(raster_a, raster_b)) + abs(len(raster_a) - len(raster_b))
    strips_a = [h for n, h, _ in a if n.startswith("GS v 0")]
    strips_b = [h for n, h, _ in b if n.startswith("GS v 0")]
    return {
        "ours_bytes": len(ours), "escpos_bytes": len(theirs),
        "ours_raster_bytes": len(raster_a), "escpos_raster_bytes": len(raster_b),
        "raster_identical": raster_a == raster_b, "raster_bytes_differing": differing,
        "gsv0_commands_identical": strips_a == strips_b and raster_a == raster_b,
        "whole_job_identical": ours == theirs,
        "ours_commands": summarise([n for n, _, _ in a]), "escpos_commands": summarise([n for n, _, _ in b]),
    }


def summarise(names: list[str]) -> str:
    """`ESC @, ESC a 1, 4× GS v 0 (576×256), …`: consecutive repeats folded."""
    parts, i = [], 0
    while i < len(names):
        j = i
        while j < len(names) and names[j] == names[i]:
            j += 1
        parts.append(f"{j - i}× {names[i]}" if j - i > 1 else names[i])
        i = j
    return ", ".join(parts)


# ------------------------------------------------------------------------------- python-escpos (in .venv)


def escpos_worker(options: argparse.Namespace) -> int:
    """Runs inside bench/.venv: times python-escpos on the PBM and compares with our job; prints JSON."""
    from escpos.printer import Dummy  # noqa: PLC0415 - only importable inside the venv
    from PIL import Image  # noqa: PLC0415
    import escpos  # noqa: PLC0415
    import PIL  # noqa: PLC0415

    image = Image.open(options.pbm)
    image.load()
    assert image.mode == "1", f"PBM loaded as {image.mode}, expected 1-bit"
    ours = Path(options.job).read_bytes()
    printer = Dummy()
    # The default profile has no paper width, so image() would print a warning on every call.
    printer.profile.profile_data["media"]["width"]["pixels"] = options.width

    def job(fragment_height: int) -> bytes:
        printer.clear()
        printer.hw("INIT")
        printer._raw(b"\x1ba\x01")  # ESC a 1, as our job centres; python-escpos's set() sends a dozen commands
        printer.image(image, impl="bitImageRaster", fragment_height=fragment_height)
        if options.cut == "none":
            printer.print_and_feed(6)
        else:
            printer.cut(mode="FULL" if options.cut in ("full", "feed-full") else "PART")
        return printer.output

    variants = {}
    for label, fragment in (("default", 960), ("strips", options.strip)):
        for _ in range(min(50, options.iterations)):
            job(fragment)
        times = []
        for _ in range(options.iterations):
            start = time.perf_counter()
            output = job(fragment)
            times.append((time.perf_counter() - start) * 1000)
        variants[label] = {"fragment_height": fragment, "p50": percentile(times, 50), "p99": percentile(times, 99),
                           "max": max(times), **compare(ours, output)}
    print(json.dumps({"escpos_version": escpos.__version__, "pillow_version": PIL.__version__, **variants}))
    return 0


def ensure_venv() -> str | None:
    """bench/.venv with python-escpos and Pillow; returns why not when it cannot be had."""
    check = [str(VENV_PYTHON), "-c", "import escpos.printer, PIL"]
    try:
        if VENV_PYTHON.exists() and subprocess.run(check, capture_output=True, timeout=60).returncode == 0:
            return None
        if not VENV_PYTHON.exists():
            print(f"  creating {os.path.relpath(VENV, REPO)} …", flush=True)
            subprocess.run(["/usr/bin/python3", "-m", "venv", str(VENV)], check=True, timeout=120)
        print("  installing python-escpos and Pillow from PyPI (once) …", flush=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--progress-bar", "on", "python-escpos", "pillow"],
                       check=True, timeout=600)
        if subprocess.run(check, capture_output=True, timeout=60).returncode != 0:
            return "python-escpos or Pillow still not importable after pip install"
    except (OSError, subprocess.SubprocessError) as error:
        return f"could not set up {os.path.relpath(VENV, REPO)} ({error})"
    return None


# ------------------------------------------------------------------------------------------------ driver


def run_binary(binary: Path, profile: str, iterations: int, work: Path) -> dict:
    pbm, job = work / f"{profile}.pbm", work / f"{profile}.bin"
    command = [str(binary), "print-bench", "--profile", profile, "--iterations", str(iterations), "--json",
               "--assets", str(REPO / "assets"), "--devices", str(REPO / "devices"), "--pbm", str(pbm), "--job", str(job)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}: {done.stderr.strip()[-800:]}")
    return {**json.loads(done.stdout), "pbm": str(pbm), "job": str(job)}


def run_escpos(result: dict, iterations: int) -> dict:
    command = [str(VENV_PYTHON), __file__, "--escpos-worker", "--pbm", result["pbm"], "--job", result["job"],
               "--iterations", str(iterations), "--cut", result["cut"], "--width", str(result["paperWidthDots"]),
               "--strip", str(result["maxStripHeight"])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"python-escpos run failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout)


def run(binary: Path | None = None, iterations: int = 500, escpos: bool = True) -> tuple[list[tuple], dict]:
    """Prints the printing section; returns (summary-table rows as bench/bench.py prints them, figures).
    Never raises: a failure is printed and gives fewer rows, so the server figures are still reported."""
    binary = binary or BINARY
    rows: list[tuple] = []
    figures: dict[str, float] = {}
    print(f"\nticket printing — render + ESC/POS encode in `{binary.name} print-bench`, {iterations} iterations each:")
    with tempfile.TemporaryDirectory(prefix="khongcho-print-bench-") as temp:
        work = Path(temp)
        results = {}
        for label, profile in PROFILES:
            try:
                r = run_binary(binary, profile, iterations, work)
            except Exception as error:  # noqa: BLE001 - a bench reports what broke and goes on
                print(f"  {label}: print-bench failed: {error}")
                continue
            results[label] = r
            mech_ms = r["mechanismSeconds"] * 1000
            print(f"  {label} {profile}: {r['paperWidthDots']} × {r['heightDots']} dots, {r['bytesPerTicket']} bytes "
                  f"({r['strips']} GS v 0 strips)")
            for name, key in (("render", "render"), ("encode", "encode"), ("render+encode", "total")):
                s = r[key]
                print(f"    {name:<14} p50 {s['p50']:7.3f} ms   p99 {s['p99']:7.3f} ms   max {s['max']:7.3f} ms")
            print(f"    mechanism at 200 mm/s (1600 rows/s): {mech_ms:.0f} ms (+ {r['feedSeconds'] * 1000:.0f} ms feed)"
                  f" = {mech_ms / r['total']['p99']:.0f}× render+encode p99")
            key = label.split()[0]
            figures.update({f"print_{key}_render_p50_ms": r["render"]["p50"], f"print_{key}_render_p99_ms": r["render"]["p99"],
                            f"print_{key}_encode_p50_ms": r["encode"]["p50"], f"print_{key}_encode_p99_ms": r["encode"]["p99"],
                            f"print_{key}_total_p50_ms": r["total"]["p50"], f"print_{key}_total_p99_ms": r["total"]["p99"],
                            f"print_{key}_total_max_ms": r["total"]["max"], f"print_{key}_bytes": r["bytesPerTicket"],
                            f"print_{key}_height_dots": r["heightDots"], f"print_{key}_mechanism_ms": mech_ms})
            rows += [(f"ticket {label} render+encode p99", r["total"]["p99"], "ms",
                      TARGET_TICKET_P99_MS if label == "80 mm" else None),
                     (f"ticket {label} render+encode p50", r["total"]["p50"], "ms", None),
                     (f"ticket {label} encode p50", r["encode"]["p50"] * 1000, "µs", None),
                     (f"ticket {label} bytes", r["bytesPerTicket"] / 1000, "kB", None),
                     (f"ticket {label} printer mechanism", mech_ms, "ms", None)]

        if escpos and results:
            print("\npython-escpos on the same raster (Dummy printer, image(impl=\"bitImageRaster\") + cut):")
            why_not = ensure_venv()
            if why_not:
                print(f"  skipped: {why_not}. The figures above do not depend on it.")
            for label, r in results.items() if not why_not else ():
                try:
                    e = run_escpos(r, iterations)
                except Exception as error:  # noqa: BLE001
                    print(f"  {label}: {error}")
                    continue
                key = label.split()[0]
                print(f"  {label} (python-escpos {e['escpos_version']}, Pillow {e['pillow_version']}):")
                for variant in ("default", "strips"):
                    v = e[variant]
                    payload = "identical" if v["raster_identical"] else f"DIFFERS in {v['raster_bytes_differing']} bytes"
                    payload += ", same strips and headers" if v["gsv0_commands_identical"] else ", split differently"
                    payload += ", whole job identical" if v["whole_job_identical"] else ""
                    print(f"    fragment_height={v['fragment_height']:<4} encode p50 {v['p50']:7.3f} ms  p99 {v['p99']:7.3f} ms;"
                          f"  {v['escpos_bytes']} bytes vs ours {v['ours_bytes']};  GS v 0 payload {payload}")
                v = e["default"]
                print(f"    ours:   {v['ours_commands']}")
                print(f"    escpos: {v['escpos_commands']}   (fragment_height={e['strips']['fragment_height']}: "
                      f"{e['strips']['escpos_commands']})")
                ours_encode, ours_total = r["encode"]["p50"], r["total"]["p50"]
                print(f"    p50, encode only: ours {ours_encode:.3f} ms vs python-escpos {v['p50']:.3f} ms "
                      f"(python-escpos takes {v['p50'] / ours_encode:.0f}× as long)")
                print(f"    p50, our render+encode {ours_total:.3f} ms vs python-escpos encode only {v['p50']:.3f} ms "
                      f"(ratio {ours_total / v['p50']:.2f})")
                figures.update({f"escpos_{key}_encode_p50_ms": v["p50"], f"escpos_{key}_encode_p99_ms": v["p99"],
                                f"escpos_{key}_bytes": v["escpos_bytes"],
                                f"escpos_{key}_raster_identical": float(v["raster_identical"] and e["strips"]["raster_identical"])})
                rows += [(f"python-escpos {label} encode p50", v["p50"], "ms", None),
                         (f"GS v 0 bytes ≠ python-escpos, {label}",
                          float(v["raster_bytes_differing"] + e["strips"]["raster_bytes_differing"]), "B", 0.0)]
    return rows, figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=500, help="measured iterations per figure (default 500)")
    parser.add_argument("--no-escpos", action="store_true", help="skip the python-escpos comparison")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    parser.add_argument("--escpos-worker", action="store_true", help=argparse.SUPPRESS)
    for name in ("--pbm", "--job", "--cut"):
        parser.add_argument(name, help=argparse.SUPPRESS)
    parser.add_argument("--width", type=int, default=576, help=argparse.SUPPRESS)
    parser.add_argument("--strip", type=int, default=256, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.escpos_worker:
        return escpos_worker(options)
    if not BINARY.is_file():
        print(f"print_bench: no binary at {BINARY}; run `swift build -c release` or set KHONGCHO_BIN", file=sys.stderr)
        return 2
    rows, figures = run(BINARY, options.iterations, not options.no_escpos)
    print("\n" + "=" * 72)
    print(f"{'figure':<40}{'measured':>14}{'target':>11}  ok")
    print("-" * 72)
    for name, value, unit, target in rows:
        verdict = "" if target is None else ("PASS" if value <= target else "MISS")
        goal = f"≤ {target:g} {unit}" if target is not None else "—"
        print(f"{name:<40}{f'{value:.3f} {unit}' if unit == 'ms' else f'{value:.1f} {unit}':>14}{goal:>11}  {verdict}")
    print("=" * 72)
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
