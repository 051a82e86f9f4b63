"""Start-up health: a damaged shop file gets a clear screen offering the newest good backup;
restoring it opens the shop with its customers back. A new shop and a sound one start as usual.
A big file opens on the counter first and is checked in the background; what that check finds
is told in a bar across the window, which leads to the restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty import cli
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.app import Startup
from smallbiz_loyalty.ui.customers.bidi import ltr
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.dialog import BACKUPS, DataSafetyDialog
from smallbiz_loyalty.ui.safety.health_screen import HealthScreen
from tests.conftest import NOW
from tests.factories import make_customer

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def start(qapp) -> Iterator[Callable[..., Startup]]:
    """Start-ups on a file, on the tests' fixed clock; everything they opened is closed and deleted after."""
    made: list[Startup] = []

    def start_(db_path: Path, **options: object) -> Startup:
        startup = Startup(db_path, clock=fixed_clock(NOW), **options)  # type: ignore[arg-type]
        made.append(startup)
        return startup

    yield start_
    for startup in made:
        startup.close()
        for widget in (startup.window, startup.sign_in_dialog, startup.health_screen):
            if widget is not None:
                widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` in the middle of the file, as a failing disk would."""
    conn = sqlite3.connect(path)
    (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(bytes([0xDE, 0xAD, 0xBE, 0xEF]) * (page_size // 4))


def test_backup_then_damage_then_start_then_restore_brings_the_customers_back(shop, db_path, start, qtbot):
    for name in ("Sara Ali", "Omar Haddad", "Layla Nasser"):
        make_customer(shop, name)
    made = shop.backup()  # into the folder beside the file: shop-2026-10-15T093000Z.sqlite3
    shop.close()
    _damage_table(db_path, "customers")

    startup = start(db_path)
    screen = startup.start()

    assert isinstance(screen, HealthScreen)
    assert startup.window is None  # nothing was opened on the damaged file
    assert screen.title_label.text() == "The shop's data file is damaged"
    assert screen.message_label.text().startswith(f"{ltr(str(db_path))} is damaged: SQLite")
    assert screen.advice_label.text() == (
        f"The newest good backup is {ltr('shop-2026-10-15T093000Z.sqlite3')}, made 2026-10-15 09:30 UTC;"
        " restore it to continue."
    )
    assert screen.restore_button.isEnabled()
    assert not screen.open_button.isVisibleTo(screen)  # damage is not opened "anyway"

    startup.show()
    with qtbot.waitSignal(startup.window_opened, timeout=15_000):
        screen.restore_button.click()

    window = startup.window
    assert isinstance(window, MainWindow)
    assert startup.current is window
    assert window.isVisible() and not screen.isVisible()  # the window takes the health screen's place
    shop_now = window.shop
    assert [c.name for c in shop_now.customers_by_ids(shop_now.customer_ids())] == [
        "Layla Nasser",
        "Omar Haddad",
        "Sara Ali",
    ]
    assert screen.status_label.text().startswith(f"{ltr(made.backup.path.name)} was restored into {ltr(str(db_path))}")
    assert len(list(db_path.parent.glob("shop.db.replaced-*.bak"))) == 1  # the damaged file was kept aside
    assert window.shop.check() == []


def test_a_damaged_file_with_no_backup_still_gets_the_screen_with_restore_greyed_out(shop, db_path, start):
    make_customer(shop, "Sara Ali")
    shop.close()
    _damage_table(db_path, "customers")

    screen = start(db_path).start()

    assert isinstance(screen, HealthScreen)
    assert not screen.restore_button.isEnabled()
    assert screen.choose_button.isEnabled()
    assert screen.advice_label.text() == f"No good backup was found in {ltr(str(db_path.parent / 'backups'))}."


def test_the_backup_folder_remembered_on_this_pc_is_where_the_backup_is_looked_for(shop, db_path, start, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    make_customer(shop, "Sara Ali")
    shop.backup(usb)  # the owner backs up to another folder
    preferences.save(preferences.BACKUP_FOLDER, str(usb))
    shop.close()
    _damage_table(db_path, "customers")

    screen = start(db_path).start()

    assert isinstance(screen, HealthScreen)
    assert screen.health.backup is not None
    assert screen.health.backup.path.parent == usb


def test_a_file_from_a_newer_version_is_told_to_update_the_app_and_only_offers_quit(shop, db_path, start, qtbot):
    make_customer(shop, "Sara Ali")
    shop.close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('smallbiz_loyalty', '0999_x', '')"
    )
    conn.commit()
    conn.close()
    startup = start(db_path)

    screen = startup.start()

    assert isinstance(screen, HealthScreen)
    assert screen.title_label.text() == "This shop was saved by a newer version of the app"
    assert screen.advice_label.text() == "Install the newest version of smallbiz-loyalty, then open the shop again."
    assert not screen.restore_button.isVisibleTo(screen)
    assert not screen.choose_button.isVisibleTo(screen)
    with qtbot.waitSignal(startup.quit_requested) as quit_:
        screen.quit_button.click()
    assert quit_.args == [1]


def test_a_sound_shop_and_a_new_one_open_straight_on_the_window(shop, db_path, start, tmp_path):
    make_customer(shop, "Sara Ali")

    assert isinstance(start(db_path, guard=False).start(), MainWindow)
    assert isinstance(start(tmp_path / "new.db", guard=False).start(), MainWindow)


def test_screenshot_of_a_damaged_shop_renders_the_health_screen_and_does_not_block(shop, db_path, tmp_path, capsys):
    make_customer(shop, "Sara Ali")
    shop.backup()
    shop.close()
    _damage_table(db_path, "customers")
    png = tmp_path / "health.png"

    code = cli.main(["gui", "--db", str(db_path), "--screenshot", str(png)])

    assert code == 1  # the shop did not open
    assert png.read_bytes().startswith(PNG_MAGIC)
    assert f"{db_path} is damaged" in capsys.readouterr().err


def test_a_sound_file_whose_own_checks_fail_may_be_opened_anyway(shop, db_path, start, qtbot):
    sara = make_customer(shop, "Sara Ali")
    shop.record_sale(customer_id=sara.id, amount=1500)
    shop.close()
    conn = sqlite3.connect(db_path)  # a sale pointing at a customer who is not there (foreign keys off)
    conn.execute("UPDATE sales SET customer_id = 999")
    conn.commit()
    conn.close()
    startup = start(db_path, guard=False)

    screen = startup.start()

    assert isinstance(screen, HealthScreen)
    assert screen.title_label.text() == "The shop's data needs attention"
    assert screen.open_button.isVisibleTo(screen)  # SQLite found no damage: restoring would lose the day
    with qtbot.waitSignal(startup.window_opened):
        screen.open_button.click()
    assert isinstance(startup.window, MainWindow)


# -- a big file: the window first, the check in the background ------------------------------
BIG = 0  # `check_limit`: every file is "big", so a test shop takes the path of a 1.7 GB one


def _store_a_wrong_remainder(path: Path) -> None:
    """What is stored as left of a lot no longer matches the ledger (a sound file, wrong data)."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE lot_remaining SET remaining = remaining + 1")
    conn.commit()
    conn.close()


def _on_screen(startup: Startup, qtbot) -> MainWindow:
    window = startup.window
    assert isinstance(window, MainWindow)
    startup.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_a_big_file_opens_on_the_counter_and_the_check_behind_it_tells_the_owner_and_leads_to_the_restore(
    shop, db_path, start, qtbot
):
    sara = make_customer(shop, "Sara Ali")
    shop.record_sale(customer_id=sara.id, amount=1500)
    made = shop.backup()
    shop.close()
    _store_a_wrong_remainder(db_path)
    startup = start(db_path, guard=False, check_limit=BIG)

    first = startup.start()

    assert isinstance(first, MainWindow)  # no health screen: only the file's structure was read so far
    check = startup.background_check
    assert check is not None and check.job is None  # it waits for the window to be on screen
    window = _on_screen(startup, qtbot)
    search = window.page("counter").search.box
    with qtbot.waitSignal(check.finished, timeout=15_000):
        qtbot.keyClicks(QApplication.focusWidget(), "Sara")  # the cashier goes on meanwhile

    bar = check.bar
    assert bar.isVisible()
    assert bar.title_label.text() == "The check found problems in the shop's data"
    assert bar.message_label.text().startswith(f"1 problem(s) found in {ltr(str(db_path))}; the first: What is stored")
    assert bar.advice_label.text().startswith("You can keep serving customers. The owner can restore")
    assert QApplication.focusWidget() is search and search.text() == "Sara"  # the bar took nothing from the counter

    qtbot.mouseClick(bar.restore_button, Qt.MouseButton.LeftButton)

    dialog = window.safety_dialog
    assert isinstance(dialog, DataSafetyDialog) and dialog.isVisible()
    assert dialog.tabs.currentIndex() == BACKUPS
    panel = dialog.backups
    assert panel.chosen() is not None and panel.chosen().path == made.backup.path  # the newest, chosen already
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(window.restored, timeout=15_000):
        panel.restore(made.backup.path)  # what the button does once the owner said yes
    assert not bar.isVisible()
    assert window.shop.check() == []


def test_damage_behind_the_counter_is_told_in_red_and_f6_leads_to_the_backups(shop, db_path, start, qtbot):
    for name in ("Sara Ali", "Omar Haddad"):
        make_customer(shop, name)
    shop.close()
    _damage_table(db_path, "customers")  # the counter does not read it until someone is looked up
    startup = start(db_path, guard=False, check_limit=BIG)
    assert isinstance(startup.start(), MainWindow)
    window = _on_screen(startup, qtbot)
    check = startup.background_check
    assert check is not None

    with qtbot.waitSignal(check.finished, timeout=15_000) as finished:
        pass

    assert finished.args[0].damaged
    assert check.bar.title_label.text() == "The check found damage in the shop's data file"
    assert check.bar.message_label.text().startswith(f"{ltr(str(db_path))} is damaged: SQLite")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert isinstance(window.safety_dialog, DataSafetyDialog) and window.safety_dialog.isVisible()


def test_damage_that_shows_while_a_big_file_opens_gets_the_health_screen_after_all(shop, db_path, start):
    sara = make_customer(shop, "Sara Ali")
    shop.record_sale(customer_id=sara.id, amount=1500)
    shop.backup()
    shop.close()
    _damage_table(db_path, "sales")  # the counter reads the recent sales as it opens

    screen = start(db_path, guard=False, check_limit=BIG).start()

    assert isinstance(screen, HealthScreen)
    assert screen.title_label.text() == "The shop's data file is damaged"
    assert screen.restore_button.isEnabled()


def test_a_big_file_whose_header_is_gone_gets_the_health_screen_before_anything_opens(shop, db_path, start):
    make_customer(shop, "Sara Ali")
    shop.backup()
    shop.close()
    db_path.write_bytes(b"not a shop any more")

    startup = start(db_path, check_limit=BIG)
    screen = startup.start()

    assert isinstance(screen, HealthScreen)
    assert startup.window is None
    assert screen.message_label.text() == f"{ltr(str(db_path))} is not a smallbiz-loyalty database (or it is damaged)."
    assert screen.restore_button.isEnabled()


def test_a_sound_big_file_is_checked_then_backed_up_one_after_the_other(shop, db_path, start, qtbot):
    make_customer(shop, "Sara Ali")
    shop.close()
    startup = start(db_path, check_limit=BIG, close_wait_ms=10_000)  # with the automatic backups
    assert isinstance(startup.start(), MainWindow)
    check, auto_backup = startup.background_check, startup.auto_backup
    assert check is not None and auto_backup is not None
    order: list[str] = []
    check.finished.connect(lambda _health: order.append(startup.window.statusBar().currentMessage()))
    auto_backup.finished.connect(lambda _ok, _message: order.append("backed up"))
    window = _on_screen(startup, qtbot)
    assert auto_backup.job is None  # the day's backup waits for the check: both read the whole file

    with qtbot.waitSignal(auto_backup.finished, timeout=15_000):
        pass

    assert order == ["The shop's data was checked: no problems found.", "backed up"]
    assert check.result is not None and check.result.ok
    assert not check.bar.isVisible()
    assert window.statusBar().currentMessage().startswith("Backup saved:")


def test_closing_the_window_while_the_check_runs_stops_it_and_tells_nothing(shop, db_path, start, qtbot):
    make_customer(shop, "Sara Ali")
    shop.close()
    _store_a_wrong_remainder(db_path)
    startup = start(db_path, guard=False, check_limit=BIG)
    startup.start()
    window = _on_screen(startup, qtbot)
    check = startup.background_check
    assert check is not None
    told: list[object] = []
    check.finished.connect(told.append)

    assert check.start() is not None  # now rather than after the delay
    window.close()  # waits for the worker (cancelled), then delivers what it sent

    assert told == [] and not check.bar.isVisible()
