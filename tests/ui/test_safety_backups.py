"""Automatic backups (once a day and on close), the "Data & safety" window's backups:
back up now, the list, restoring one (the window then shows the restored data)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from smallbiz_loyalty.core.backup import list_backups
from smallbiz_loyalty.core.dates import fixed_clock
from smallbiz_loyalty.ui import preferences
from smallbiz_loyalty.ui.app import Startup
from smallbiz_loyalty.ui.customers.bidi import ltr
from smallbiz_loyalty.ui.main_window import MainWindow
from smallbiz_loyalty.ui.safety.dialog import DataSafetyDialog
from tests.conftest import NOW
from tests.factories import make_customer


@pytest.fixture
def started(qapp, shop, db_path) -> Iterator[Callable[[], Startup]]:
    """The app started on the test shop (with its automatic backups), closed and deleted after."""
    made: list[Startup] = []

    def start_() -> Startup:
        startup = Startup(db_path, clock=fixed_clock(NOW), close_wait_ms=10_000)
        made.append(startup)
        assert isinstance(startup.start(), MainWindow)
        return startup

    yield start_
    for startup in made:
        startup.close()
        if startup.window is not None:
            startup.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _backups(db_path: Path) -> list[str]:
    return [b.path.name for b in list_backups(db_path.parent / "backups")]


def test_the_days_first_start_backs_up_in_the_background_and_closing_backs_up_again(shop, db_path, started, qtbot):
    make_customer(shop, "Sara Ali")
    startup = started()
    assert startup.auto_backup is not None and startup.window is not None
    with qtbot.waitSignal(startup.auto_backup.finished, timeout=15_000) as daily:
        pass
    assert daily.args[0] is True
    assert _backups(db_path) == ["shop-2026-10-15T093000Z.sqlite3"]
    made = db_path.parent / "backups" / "shop-2026-10-15T093000Z.sqlite3"
    # The path is kept left to right (an LTR isolate), so it reads right on an Arabic screen too.
    assert startup.window.statusBar().currentMessage() == f"Backup saved: {ltr(str(made))}."

    startup.window.show()
    startup.window.close()

    # A new backup, made as the window closed; the rotation keeps the newest of each day.
    assert _backups(db_path) == ["shop-2026-10-15T093000Z-1.sqlite3"]
    assert preferences.load(preferences.BACKUP_FOLDER) == str(db_path.parent / "backups")


def test_with_todays_backup_made_the_start_does_not_back_up_again(shop, db_path, started):
    make_customer(shop, "Sara Ali")
    shop.backup()

    startup = started()

    assert startup.auto_backup is not None
    assert startup.auto_backup.job is None
    assert len(_backups(db_path)) == 1


def test_a_missing_usb_drive_is_one_sentence_in_the_status_bar_and_the_window_still_closes(
    shop, db_path, started, qtbot, tmp_path
):
    make_customer(shop, "Sara Ali")
    usb = tmp_path / "usb-stick"
    shop.set_settings(backup_folder=str(usb))  # chosen in Settings, then the stick was pulled out
    startup = started()
    assert startup.auto_backup is not None and startup.window is not None
    with qtbot.waitSignal(startup.auto_backup.finished, timeout=15_000) as daily:
        pass

    assert daily.args == [
        False,
        f"The backup folder {usb} cannot be found; plug in the drive or choose another folder in Settings.",
    ]
    assert startup.window.statusBar().currentMessage() == daily.args[1].replace(str(usb), ltr(str(usb)))

    startup.window.show()
    assert startup.window.close()
    assert not startup.window.isVisible()
    assert not usb.exists()  # a missing drive never becomes a folder on the PC's disk


@pytest.fixture
def window(qtbot, shop) -> Iterator[MainWindow]:
    made = MainWindow(shop)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()
    made.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_f6_opens_data_and_safety_and_back_up_now_adds_a_checked_backup_to_the_list(shop, db_path, window, qtbot):
    make_customer(shop, "Sara Ali")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)

    dialog = window.safety_dialog
    assert isinstance(dialog, DataSafetyDialog) and dialog.isVisible()
    panel = dialog.backups
    assert panel.table.rowCount() == 0
    assert panel.folder_label.text().startswith(f"Backups go to {ltr(str(db_path.parent / 'backups'))}.")
    with qtbot.waitSignal(panel.backup_now().finished, timeout=15_000):
        pass
    assert (
        panel.status_label.text()
        == f"Backup saved: {ltr(str(db_path.parent / 'backups' / 'shop-2026-10-15T093000Z.sqlite3'))}."
    )
    assert panel.table.rowCount() == 1
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "Good: can be restored", timeout=10_000)
    assert panel.table.item(0, 0).text() == "Oct 15, 2026 12:30\u202fPM"  # shop time, Kuwait
    assert panel.table.item(0, 1).text().endswith(" MB")


def test_restoring_a_backup_from_the_window_shows_the_restored_data_on_every_page(shop, db_path, window, qtbot):
    make_customer(shop, "Sara Ali")
    made = shop.backup()
    make_customer(shop, "Omar Haddad")  # recorded after the backup
    customers_before = window.page("customers")
    panel = window.open_safety().backups

    with qtbot.waitSignal(window.restored, timeout=15_000):
        panel.restore(made.backup.path)

    assert [c.name for c in shop.customers_by_ids(shop.customer_ids())] == ["Sara Ali"]
    assert window.page("customers") is not customers_before  # built afresh on the restored data
    assert panel.status_label.text().startswith(f"{ltr(made.backup.path.name)} was restored into {ltr(str(db_path))};")
    assert window.statusBar().currentMessage() == panel.status_label.text()


def test_the_full_check_says_the_data_is_healthy(shop, db_path, window, qtbot):
    make_customer(shop, "Sara Ali")
    panel = window.open_safety().backups

    with qtbot.waitSignal(panel.check_now().finished, timeout=15_000):
        pass

    assert panel.status_label.text() == f"{ltr(str(db_path))} is healthy: no problems found."


def test_a_cashier_may_back_up_but_not_restore(shop, window):
    make_customer(shop, "Sara Ali")
    shop.set_pin(shop.staff_id, "2580")
    cashier = shop.add_staff(name="Mona", role="cashier", pin="4826")
    shop.backup()
    shop.sign_in(cashier.id, "4826")

    panel = window.open_safety().backups

    assert panel.backup_button.isEnabled()
    assert not panel.restore_button.isEnabled()
    assert panel.restore_button.toolTip() == "Only the owner can restore a backup."
