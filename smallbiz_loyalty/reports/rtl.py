"""The one place that turns logical text (as stored and typed) into what reportlab draws.

reportlab 5.1 cannot do this on its own: its bidi support needs the optional
``rlbidi`` module, which is not on PyPI, and without it ``shaping=1`` only joins
the letters of each word and leaves parentheses and mixed-direction runs in the
wrong places. So the pipeline here is, per paragraph:

1. **shape** the logical text: Arabic letters become their joined presentation
   forms (arabic-reshaper, lam-alef ligatures only; harakat are dropped because
   without positioning they would sit on the wrong letter). Joining never crosses
   a space, so words are shaped (and cached) one at a time.
2. **wrap** in logical order, measuring the shaped words with the fonts that will
   draw them.
3. **reorder each line** to visual order with the Unicode bidi algorithm, with the
   paragraph's base direction: python-bidi's pure-Python ``bidi.algorithm`` mirrors
   brackets (rule L4) but skips rule N0 (paired brackets), so "Ahmed (Ali)" inside
   an Arabic sentence would come out as "(Ahmed (Ali"; `_resolve_paired_brackets`
   adds N0. (python-bidi's Rust ``bidi.get_display`` has N0 but never mirrors.)
   "85%" inside Arabic correctly shows as "%85" (rule W2), as any reader expects.
4. **split into font runs** (see fonts.py) and draw them left to right.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from arabic_reshaper import ArabicReshaper
from bidi import algorithm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from smallbiz_loyalty.core.i18n import is_rtl
from smallbiz_loyalty.reports.fonts import FontPair, coverage, font_pair

Align = Literal["start", "end", "left", "right", "center"]
Direction = Literal["rtl", "ltr", "auto"]

ELLIPSIS = "\u2026"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_RTL_TYPES = frozenset({"R", "AL", "AN"})
# Bidi_Paired_Bracket pairs (BidiBrackets.txt) that shop text can plausibly contain.
_OPENING = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\u2329": "\u232a",
    "\u3008": "\u3009",
    "\uff08": "\uff09",
    "\uff3b": "\uff3d",
}
_CLOSING = {close: opening for opening, close in _OPENING.items()}
_BRACKET_DEPTH = 63  # BD16: stop pairing past this depth
# Stand-ins for characters neither shipped font has (Babel and typographic habits produce
# them); each has the same bidi class as what it replaces, so the order is unchanged.
SUBSTITUTES = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2009": " ", "\u202f": " ", "\u2007": " "}

# Only the lam-alef ligatures: the font has them, and word ligatures such as
# "الله" → U+FDF2 would turn names like "عبدالله" into a calligraphic glyph.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": True, "ARABIC LIGATURE ALLAH": False})


# -- 1. shaping ---------------------------------------------------------------


@lru_cache(maxsize=16384)
def _shape_word(word: str) -> str:
    return _RESHAPER.reshape(word) if _ARABIC.search(word) else word


def shape(text: str) -> str:
    """Logical `text` with Arabic letters joined; order and spaces unchanged."""
    if not _ARABIC.search(text):
        return text
    return " ".join(_shape_word(word) for word in text.split(" "))


# -- 3. bidi -------------------------------------------------------------------


def base_direction(text: str, default: Direction = "ltr") -> Literal["rtl", "ltr"]:
    """The direction of the first strong character of `text` (rule P2), else `default`."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "rtl" if default == "rtl" else "ltr"


def _strong(kind: str) -> str | None:
    # In N0, European and Arabic numbers count as R.
    if kind == "L":
        return "L"
    if kind in ("R", "AN", "EN"):
        return "R"
    return None


def _bracket_pairs(chars: list[dict]) -> list[tuple[int, int]]:
    """BD16: matching opening/closing bracket indices, in order of the opening one."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for index, char in enumerate(chars):
        if char["type"] != "ON":
            continue
        ch = char["ch"]
        if ch in _OPENING:
            if len(stack) == _BRACKET_DEPTH:
                break
            stack.append((_OPENING[ch], index))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_paired_brackets(storage: dict) -> None:
    """Rule N0 over each level run of python-bidi's `storage` (after the weak types)."""
    for run in storage["runs"]:
        chars = storage["chars"][run["start"] : run["start"] + run["length"]]
        if not chars:
            continue
        embedding = "R" if chars[0]["level"] % 2 else "L"
        for opening, closing in _bracket_pairs(chars):
            inside = {_strong(c["type"]) for c in chars[opening + 1 : closing]}
            if embedding in inside:
                new = embedding
            elif inside - {None}:
                # Opposite direction inside: the brackets follow the text before them
                # (which is either that opposite direction or the embedding one).
                new = next((s for c in reversed(chars[:opening]) if (s := _strong(c["type"]))), run["sor"])
            else:
                continue
            for index in (opening, closing):
                chars[index]["type"] = new
                # Marks on a bracket follow it (N0, last paragraph).
                for follower in chars[index + 1 :]:
                    if follower["orig"] != "NSM":
                        break
                    follower["type"] = new


@lru_cache(maxsize=16384)
def to_visual(line: str, rtl: bool) -> str:
    """One line of logical text in visual (left-to-right drawing) order, brackets mirrored."""
    if not rtl and not any(unicodedata.bidirectional(ch) in _RTL_TYPES for ch in line):
        return _drop_invisible(line)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(line, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    _resolve_paired_brackets(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return _drop_invisible("".join(c["ch"] for c in storage["chars"]))


def _drop_invisible(text: str) -> str:
    # Marks such as RLM (Babel puts them in Arabic dates) have done their work; the fonts have no glyph.
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc"))


# -- 4. font runs and measuring -----------------------------------------------


@lru_cache(maxsize=16384)
def font_runs(text: str, fonts: FontPair) -> tuple[tuple[str, str], ...]:
    """`text` cut into (font name, text) runs: each character in the primary font when
    it has a glyph, else in the fallback; spaces stay with the run they are in."""
    primary, fallback = coverage(fonts.primary), coverage(fonts.fallback)
    runs: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        if code not in primary and code not in fallback and ch in SUBSTITUTES:
            ch = SUBSTITUTES[ch]
            code = ord(ch)
        if ch == " " and runs:
            font = runs[-1][0]
        elif code in primary or code not in fallback:
            font = fonts.primary
        else:
            font = fonts.fallback
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return tuple(runs)


def runs_width(runs: tuple[tuple[str, str], ...], size: float) -> float:
    return sum(stringWidth(text, font, size) for font, text in runs)


def text_width(shaped: str, fonts: FontPair, size: float) -> float:
    """Width of shaped text (the same in logical and visual order)."""
    return runs_width(font_runs(shaped, fonts), size)


# -- 2. wrapping ---------------------------------------------------------------


def _break_long_word(word: str, width: float, fonts: FontPair, size: float) -> list[str]:
    """A word wider than the line (a long e-mail address, say), cut where it must be."""
    pieces, current = [], ""
    for ch in word:
        if current and text_width(current + ch, fonts, size) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    return [*pieces, current] if current else pieces


def wrap_lines(text: str, width: float, fonts: FontPair, size: float) -> list[str]:
    """`text` shaped and broken into logical lines no wider than `width`.

    A newline starts a new line; an empty line is kept (as ""). Spaces collapse."""
    lines: list[str] = []
    space = stringWidth(" ", fonts.primary, size)
    for paragraph in text.split("\n"):
        words = shape(paragraph).split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        used = 0.0
        for word in words:
            word_width = text_width(word, fonts, size)
            if word_width > width:
                pieces = _break_long_word(word, width, fonts, size)
                word, word_width = pieces[-1], text_width(pieces[-1], fonts, size)
                if current:
                    lines.append(" ".join(current))
                lines.extend(pieces[:-1])
                current, used = [], 0.0
            extra = word_width + (space if current else 0.0)
            if current and used + extra > width:
                lines.append(" ".join(current))
                current, used = [word], word_width
            else:
                current.append(word)
                used += extra
        lines.append(" ".join(current))
    return lines


# -- drawing -------------------------------------------------------------------


@dataclass(frozen=True)
class VisualLine:
    """One line ready to draw: font runs in left-to-right order, and its width at `size`."""

    runs: tuple[tuple[str, str], ...]
    size: float
    width: float

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.runs)


def layout_line(shaped: str, fonts: FontPair, size: float, *, rtl: bool) -> VisualLine:
    runs = font_runs(to_visual(shaped, rtl), fonts)
    return VisualLine(runs, size, runs_width(runs, size))


def resolve_align(align: Align, doc_rtl: bool) -> Literal["left", "right", "center"]:
    """ "start"/"end" follow the document's direction; the rest are absolute."""
    if align == "start":
        return "right" if doc_rtl else "left"
    if align == "end":
        return "left" if doc_rtl else "right"
    return align


def draw_visual_line(canv: Canvas, line: VisualLine, x: float, y: float, align: str) -> None:
    """Draw `line` on the baseline `y` with its left/right edge or centre at `x`."""
    if align == "right":
        x -= line.width
    elif align == "center":
        x -= line.width / 2
    for font, text in line.runs:
        canv.setFont(font, line.size)
        canv.drawString(x, y, text)
        x += stringWidth(text, font, line.size)


def is_text_rtl(text: str, lang: str, direction: Direction | None) -> bool:
    """Base direction of a paragraph: the document's, or the text's own with "auto"."""
    doc = "rtl" if is_rtl(lang) else "ltr"
    if direction == "auto":
        return base_direction(text, doc) == "rtl"
    return (direction or doc) == "rtl"


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    lang: str,
    bold: bool = False,
    align: Align = "start",
    direction: Direction | None = None,
) -> float:
    """Draw one line of logical `text` on baseline `y`, anchored at `x`; return its width.

    `align` "start" puts the text's right edge at `x` in Arabic and its left edge in
    English. `direction` "auto" takes the base direction from the text itself (use it
    for names and other values that may be in either script)."""
    fonts = font_pair(lang, bold=bold)
    line = layout_line(shape(" ".join(text.split())), fonts, size, rtl=is_text_rtl(text, lang, direction))
    draw_visual_line(canv, line, x, y, resolve_align(align, is_rtl(lang)))
    return line.width


def fit_text(
    text: str, max_width: float, *, size: float, min_size: float, lang: str, bold: bool = False
) -> tuple[str, float]:
    """`text` and a font size at which it fits `max_width` on one line: shrunk down to
    `min_size`, then shortened with "…" at its logical end."""
    fonts = font_pair(lang, bold=bold)
    text = " ".join(text.split())
    while size > min_size and text_width(shape(text), fonts, size) > max_width:
        size = max(min_size, size - 0.5)
    if text_width(shape(text), fonts, size) <= max_width:
        return text, size
    while text and text_width(shape(text + ELLIPSIS), fonts, size) > max_width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS, size


def fit_lines(
    text: str, max_width: float, *, size: float, min_size: float, max_lines: int, lang: str, bold: bool = False
) -> tuple[list[str], float]:
    """Shaped logical lines of `text` at the largest size (from `size` down to `min_size`)
    at which it takes at most `max_lines` lines; at `min_size` the last line ends in "…"."""
    fonts = font_pair(lang, bold=bold)
    text = " ".join(text.split())
    while True:
        lines = wrap_lines(text, max_width, fonts, size)
        if len(lines) <= max_lines:
            return lines, size
        if size <= min_size:
            break
        size = max(min_size, size - 0.5)
    last = " ".join(lines[max_lines - 1 :])
    while last and text_width(last + ELLIPSIS, fonts, size) > max_width:
        last = last[:-1].rstrip()
    return [*lines[: max_lines - 1], last + ELLIPSIS], size


def draw_lines(
    canv: Canvas,
    x: float,
    y: float,
    lines: list[str],
    *,
    size: float,
    leading: float,
    lang: str,
    rtl: bool,
    bold: bool = False,
    align: Align = "start",
) -> None:
    """Draw shaped logical `lines` (from `fit_lines` or `wrap_lines`) downwards from the
    baseline `y`, anchored at `x` as in `draw_text`; `rtl` is the paragraph's base direction."""
    fonts = font_pair(lang, bold=bold)
    side = resolve_align(align, is_rtl(lang))
    for index, line in enumerate(lines):
        draw_visual_line(canv, layout_line(line, fonts, size, rtl=rtl), x, y - index * leading, side)
