"""One catalogue for the GUI and the core: complete, consistent with its sources, compiled."""

from __future__ import annotations

import importlib.util
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from smallbiz_loyalty.core import i18n
from smallbiz_loyalty.core.errors import InvalidInput
from smallbiz_loyalty.core.i18n import _
from smallbiz_loyalty.core.phones import parse_phone

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _load_tool():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "tools" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
TS_FILES = sorted(i18n.TRANSLATIONS_DIR.glob("*.ts"))


def test_there_is_a_catalogue_for_every_language_but_english():
    assert [p.name for p in TS_FILES] == [f"smallbiz_loyalty_{lang}.ts" for lang in i18n.LANGUAGES if lang != "en"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_translation_keeps_exactly_the_placeholders_of_its_source(ts):
    wrong = [
        (entry.source, entry.translation)
        for entry in tool.read_ts(ts)
        if entry.translation
        and Counter(PLACEHOLDER.findall(entry.source)) != Counter(PLACEHOLDER.findall(entry.translation))
    ]
    assert wrong == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_in_the_code_is_in_the_catalogue(ts):
    """Fails when someone adds a message and forgets `make translations`."""
    entries = [e for e in tool.read_ts(ts) if e.kind != "obsolete"]
    missing = sorted(set(tool.extract()) - {e.key for e in entries})
    assert missing == [], "run `make translations`"
    unfinished = sorted(e.source for e in entries if e.kind == "unfinished" or not e.translation)
    if unfinished:
        warnings.warn(f"{ts.name}: {len(unfinished)} messages still need a translation: {unfinished}", stacklevel=1)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_holds_exactly_the_finished_translations_of_the_ts(ts):
    """The GUI reads the .qm: a stale one (someone edited the .ts and did not rebuild) fails here."""
    qm = ts.with_suffix(".qm")
    assert qm.exists(), "run `make translations`"
    translator = QTranslator()
    assert translator.load(str(qm))

    stale = []
    for entry in tool.read_ts(ts):
        if entry.kind == "obsolete":
            continue
        expected = entry.translation if entry.kind == "" else ""
        if translator.translate(entry.context, entry.source, entry.comment or None) != expected:
            stale.append(entry.source)
    assert stale == [], "run `make translations`"


def test_core_messages_come_out_in_arabic_after_set_language():
    i18n.set_language("ar")

    assert _("Please enter a phone number.") == "يُرجى إدخال رقم هاتف."
    assert _("Sale {id} recorded: {amount}.", id=7, amount="KWD 1.500") == "سُجّلت عملية البيع 7: KWD 1.500."
    with pytest.raises(InvalidInput) as raised:
        parse_phone("12", "KW")
    assert raised.value.message == "«12» ليس رقم هاتف صالحًا في KW؛ تحقق من الأرقام أو أضف رمز الدولة."


def test_english_is_the_source_text_itself():
    assert _("Please enter a phone number.") == "Please enter a phone number."
    assert i18n.translate("Shop name", "ar") == "اسم المتجر"


# -- the tool, on small examples ------------------------------------------------
def test_extraction_reads_markers_concatenated_literals_and_window_classes(tmp_path):
    (tmp_path / "core.py").write_text(
        'from x import _, N_\nLABEL = N_("Shop name")\ndef f(n):\n    return _("Only {n} " "left.", n=n) + _(LABEL)\n',
        encoding="utf-8",
    )
    (tmp_path / "window.py").write_text(
        "class CounterPage:\n"
        "    def title(self):\n"
        '        return self.tr("Counter")\n'
        "def box():\n"
        '    return QCoreApplication.translate("Errors", "Problem")\n',
        encoding="utf-8",
    )

    found = tool.extract([tmp_path], relative_to=tmp_path)

    assert sorted(found) == [
        ("CounterPage", "Counter", ""),
        ("Errors", "Problem", ""),
        ("smallbiz", "Only {n} left.", ""),
        ("smallbiz", "Shop name", ""),
    ]
    assert found[("CounterPage", "Counter", "")] == ["window.py"]


def test_extraction_refuses_an_f_string(tmp_path):
    (tmp_path / "bad.py").write_text('_(f"Sale {sale_id} recorded.")\n', encoding="utf-8")

    with pytest.raises(tool.ExtractionError, match="f-string"):
        tool.extract([tmp_path], relative_to=tmp_path)


def test_merging_keeps_translations_adds_new_messages_and_marks_vanished_ones_obsolete():
    old = [
        tool.Entry("smallbiz", "Shop name", translation="اسم المتجر", kind=""),
        tool.Entry("smallbiz", "Old message", translation="رسالة قديمة", kind=""),
        tool.Entry("smallbiz", "Never translated"),
        tool.Entry("MainWindow", "Name", translation="الاسم", kind=""),
    ]
    found = {
        ("smallbiz", "Shop name", ""): ["core.py"],
        ("smallbiz", "New message", ""): ["core.py"],
        ("CustomersTableModel", "Name", ""): ["model.py"],  # moved: same text, another class
    }

    merged = {(e.context, e.source): (e.translation, e.kind) for e in tool.merge(old, found)}

    assert merged == {
        ("smallbiz", "Shop name"): ("اسم المتجر", ""),
        ("smallbiz", "New message"): ("", "unfinished"),
        ("CustomersTableModel", "Name"): ("الاسم", ""),
        ("smallbiz", "Old message"): ("رسالة قديمة", "obsolete"),
        ("MainWindow", "Name"): ("الاسم", "obsolete"),
    }


def test_the_written_catalogue_reads_back_the_same_and_is_stable(tmp_path):
    entries = [
        tool.Entry("smallbiz", 'Say "{name}" & <go>', translation="قل «{name}» و<اذهب>", kind=""),
        tool.Entry("MainWindow", "Two\nlines", locations=["../../ui/main_window.py"]),
    ]
    path = tmp_path / "x_ar.ts"
    path.write_text(tool.render_ts(entries, "ar"), encoding="utf-8")

    again = tool.read_ts(path)

    assert [(e.key, e.translation, e.kind, e.locations) for e in again] == [
        (("MainWindow", "Two\nlines", ""), "", "unfinished", ["../../ui/main_window.py"]),
        (("smallbiz", 'Say "{name}" & <go>', ""), "قل «{name}» و<اذهب>", "", []),
    ]
    assert tool.render_ts(again, "ar") == path.read_text(encoding="utf-8")
