#!/usr/bin/env python3
"""Every public type in Sources/ has a `///` doc line saying what it is for (run by `make lint`)."""
import pathlib
import re
import sys

DECLARATION = re.compile(r"^\s*(@\w+(\([^)]*\))?\s+)*public\s+(final\s+)?(struct|class|enum|protocol|actor|typealias)\s+\w+")


def undocumented(path: pathlib.Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    missing = []
    for index, line in enumerate(lines):
        if not DECLARATION.match(line):
            continue
        above = index - 1
        while above >= 0 and lines[above].lstrip().startswith("@"):
            above -= 1
        if above < 0 or not lines[above].lstrip().startswith("///"):
            missing.append(f"{path}:{index + 1}: {line.strip()}")
    return missing


def main() -> int:
    missing = [entry for path in sorted(pathlib.Path("Sources").rglob("*.swift")) for entry in undocumented(path)]
    for entry in missing:
        print(f"{entry}\n    thiếu chú thích /// cho kiểu public (a public type needs a /// doc line)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
