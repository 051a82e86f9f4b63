"""Build the translation catalogues: extract every message, merge it into each
language's Qt Linguist ``.ts`` file and compile the ``.qm`` the GUI loads.

One catalogue per language serves the GUI (``self.tr``, context = the class) and
the core, reports and CLI (``_()`` / ``N_()``, context "smallbiz"). Messages are
read with `ast`, so implicit string concatenation is handled and nothing runs.

    python tools/build_translations.py            # update the .ts files, compile the .qm files
    python tools/build_translations.py --check    # exit 1 if a .ts file is out of date

Existing translations are kept; new messages are added as unfinished; messages no
longer in the code are kept as obsolete when translated (dropped otherwise). The
output is sorted, so re-running without code changes changes nothing.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smallbiz_loyalty"
TRANSLATIONS_DIR = PACKAGE / "resources" / "translations"
SOURCES = (PACKAGE / "core", PACKAGE / "reports", PACKAGE / "cli.py", PACKAGE / "ui")
CORE_CONTEXT = "smallbiz"  # the same as smallbiz_loyalty.core.i18n.CORE_CONTEXT
TARGET_LANGUAGES = ("ar",)  # every language of core.i18n.LANGUAGES but the English source
MARKERS = frozenset({"_", "N_"})
QT_APPLICATIONS = frozenset({"QCoreApplication", "QGuiApplication", "QApplication"})

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


class ExtractionError(Exception):
    """A message the tool cannot take (an f-string, a .tr() outside a class, …)."""


@dataclass
class Entry:
    context: str
    source: str
    comment: str = ""
    translation: str = ""
    kind: str = "unfinished"  # "" (finished) | "unfinished" | "obsolete"
    locations: list[str] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


# -- extraction ---------------------------------------------------------------
def python_files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*.py")) if "__pycache__" not in p.parts)
        elif path.exists():
            found.append(path)
    return found


def _literal(node: ast.expr | None, where: str) -> str | None:
    """The text of a string literal (implicit concatenation is already one constant)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        raise ExtractionError(f"{where}: an f-string cannot be translated; use {{name}} and keyword arguments")
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.classes: list[str] = []
        self.found: list[tuple[Key, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        where = f"{self.filename}:{node.lineno}"
        func = node.func
        args = node.args
        if (isinstance(func, ast.Name) and func.id in MARKERS) or (
            isinstance(func, ast.Attribute) and func.attr in MARKERS
        ):
            # A non-literal argument is a lookup of text marked elsewhere with N_().
            self._add(CORE_CONTEXT, _literal(args[0], where) if args else None, "", where)
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and _is_name(func.value, "self"):
            if not self.classes:
                raise ExtractionError(f"{where}: self.tr() outside a class has no context")
            if len(args) > 2:
                raise ExtractionError(f"{where}: plural forms (tr with n) are not supported yet")
            source = _literal(args[0], where) if args else None
            if args and source is None:
                raise ExtractionError(f"{where}: self.tr() needs a string literal")
            comment = (_literal(args[1], where) or "") if len(args) > 1 else ""
            self._add(self.classes[-1], source, comment, where)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in QT_APPLICATIONS
        ):
            context = _literal(args[0], where) if args else None
            source = _literal(args[1], where) if len(args) > 1 else None
            if context is None or source is None:
                raise ExtractionError(f"{where}: translate() needs a literal context and text")
            comment = (_literal(args[2], where) or "") if len(args) > 2 else ""
            self._add(context, source, comment, where)
        self.generic_visit(node)

    def _add(self, context: str, source: str | None, comment: str, where: str) -> None:
        if source is not None:
            if not source.strip():
                raise ExtractionError(f"{where}: an empty message cannot be translated")
            self.found.append(((context, source, comment), self.filename))


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def extract(paths: Iterable[Path] = SOURCES, *, relative_to: Path = TRANSLATIONS_DIR) -> dict[Key, list[str]]:
    """Every message in the code under `paths` → the files it appears in (relative paths)."""
    messages: dict[Key, set[str]] = {}
    for path in python_files(paths):
        visitor = _Visitor(_relative(path, relative_to))
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for key, filename in visitor.found:
            messages.setdefault(key, set()).add(filename)
    return {key: sorted(files) for key, files in messages.items()}


def _relative(path: Path, start: Path) -> str:
    # Linguist resolves locations relative to the .ts file.
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


# -- the .ts file -------------------------------------------------------------
def read_ts(path: Path) -> list[Entry]:
    """The messages of a .ts file (none when it does not exist yet)."""
    if not path.exists():
        return []
    entries: list[Entry] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=(node.text or "") if node is not None else "",
                    kind=(node.get("type") or "") if node is not None else "unfinished",
                    locations=[loc.get("filename", "") for loc in message.iter("location")],
                )
            )
    return entries


def merge(old: list[Entry], found: dict[Key, list[str]]) -> list[Entry]:
    """The new catalogue: `found` messages with the translations `old` had for them."""
    by_key = {entry.key: entry for entry in old}
    # A message that moved (e.g. from core to a window) keeps a finished translation of the same text.
    by_source = {e.source: e.translation for e in old if e.kind == "" and e.translation}
    merged: list[Entry] = []
    for key, locations in found.items():
        previous = by_key.get(key)
        if previous is not None and previous.translation:
            # A revived obsolete message was translated from this very text: finished again.
            kind = "unfinished" if previous.kind == "unfinished" else ""
            merged.append(Entry(*key, translation=previous.translation, kind=kind, locations=locations))
        elif key[1] in by_source:
            merged.append(Entry(*key, translation=by_source[key[1]], kind="", locations=locations))
        else:
            merged.append(Entry(*key, locations=locations))
    for entry in old:
        if entry.key not in found and entry.translation:
            merged.append(Entry(*entry.key, translation=entry.translation, kind="obsolete"))
    return sorted(merged, key=lambda e: e.key)


def _text(value: str) -> str:
    return escape(value, {'"': "&quot;", "'": "&apos;"})


def render_ts(entries: list[Entry], language: str) -> str:
    """The .ts XML for `entries`, contexts and messages sorted."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en">',
    ]
    contexts: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.key):
        contexts.setdefault(entry.context, []).append(entry)
    for name, members in contexts.items():
        lines += ["<context>", f"    <name>{_text(name)}</name>"]
        for entry in members:
            lines.append("    <message>")
            lines += [f'        <location filename="{_text(loc)}"/>' for loc in entry.locations]
            lines.append(f"        <source>{_text(entry.source)}</source>")
            if entry.comment:
                lines.append(f"        <comment>{_text(entry.comment)}</comment>")
            kind = f' type="{entry.kind}"' if entry.kind else ""
            lines.append(f"        <translation{kind}>{_text(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def ts_path(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"smallbiz_loyalty_{language}.ts"


# -- compiling ----------------------------------------------------------------
def lrelease() -> str:
    """PySide6's lrelease, next to this Python first (the project's venv)."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease was not found; install the project (pip install -e .) first")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile `ts` to `qm` (unfinished and obsolete messages are left out)."""
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


# -- command line -------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a .ts file is out of date")
    parser.add_argument("--no-compile", action="store_true", help="update the .ts files only")
    args = parser.parse_args(argv)
    try:
        found = extract()
    except ExtractionError as exc:
        print(exc, file=sys.stderr)
        return 1
    stale = []
    for language in TARGET_LANGUAGES:
        path = ts_path(language)
        entries = merge(read_ts(path), found)
        text = render_ts(entries, language)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        unfinished = sum(1 for e in entries if e.kind == "unfinished")
        if args.check:
            if text != current:
                stale.append(path)
            continue
        if text != current:
            path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(found)} messages, {unfinished} without a translation")
        if not args.no_compile:
            compile_qm(path, path.with_suffix(".qm"))
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run `make translations`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
