"""Fill translations into a catalogue from a JSON file {"English source": "translation", …}.

    python tools/fill_translations.py ar translations.json [--force]

Only unfinished entries are filled unless --force; placeholders must match the
source exactly or the entry is refused. Then the .qm is rebuilt."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_translations import compile_qm, read_ts, render_ts, ts_path

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("language")
    parser.add_argument("table", type=Path)
    parser.add_argument("--force", action="store_true", help="also replace finished translations")
    args = parser.parse_args(argv)
    table: dict[str, str] = json.loads(args.table.read_text(encoding="utf-8"))
    path = ts_path(args.language)
    entries = read_ts(path)
    filled = refused = 0
    for entry in entries:
        if entry.source not in table or (entry.kind == "" and not args.force) or entry.kind == "obsolete":
            continue
        translation = table[entry.source]
        if sorted(PLACEHOLDER.findall(translation)) != sorted(PLACEHOLDER.findall(entry.source)):
            print(f"placeholders differ, not filled: {entry.source!r}", file=sys.stderr)
            refused += 1
            continue
        entry.translation, entry.kind = translation, ""
        filled += 1
    path.write_text(render_ts(entries, args.language), encoding="utf-8")
    compile_qm(path, path.with_suffix(".qm"))
    left = sum(1 for e in entries if e.kind == "unfinished")
    print(f"{path.name}: {filled} filled, {refused} refused, {left} still unfinished")
    return 1 if refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
