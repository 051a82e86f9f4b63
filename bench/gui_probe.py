"""Started as its own process by bench/run.py: opens the app on a shop offscreen and
reports, one JSON object per line on stdout, when each thing the benchmark waits
for has happened.

    gui_probe.py --db PATH --mode counter     # "ready" once the counter's search box has painted
    gui_probe.py --db PATH --mode customers   # then the Customers screen until its first rows paint
    gui_probe.py --db PATH --mode memory      # counter, customers (scrolled to the end), dashboard; peak RSS

"counter" is the app's real start-up, as `run_app` runs it: `Startup` with its guard (the
start-up health check, the shop, the window with its automatic backups and idle lock) until
the counter's search box has painted. On a big file the quick check (and the day's backup
after it) runs in the background once the window is on screen: not what is measured here,
so the probe ends before it starts. The other modes open the window directly, so that no
background check shares the machine with what they measure.

Times are milliseconds since this script started (the parent adds the interpreter's
own start by timing the whole process)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def since() -> float:
    return round((time.perf_counter() - STARTED) * 1000, 2)


def say(event: str, **values: object) -> None:
    print(
        json.dumps({"event": event, "ms": since(), "peak_rss_mb": round(_peak_rss_kb() / 1024, 1), **values}),
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--mode", choices=("counter", "customers", "memory"), required=True)
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEvent, QModelIndex, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from smallbiz_loyalty.core.shop import Shop
    from smallbiz_loyalty.ui.app import Startup, application, apply_language
    from smallbiz_loyalty.ui.main_window import MainWindow

    say("imported")
    app = application()

    class Painted(QObject):
        """Notes when a widget has painted for the first time."""

        def __init__(self, widget: QWidget) -> None:
            super().__init__()
            self.done = False
            widget.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.done = True
            return False

    def wait(condition: object, limit_ms: int = 60_000) -> bool:
        clock = QElapsedTimer()
        clock.start()
        while not condition() and clock.elapsed() < limit_ms:  # type: ignore[operator]
            app.processEvents()
        return bool(condition())  # type: ignore[operator]

    if args.mode == "counter":
        # The backup on closing is not measured: a 0 ms wait cancels it at its first step.
        startup = Startup(Path(args.db), screen="counter", guard=True, close_wait_ms=0)
        first = startup.start()
        if not isinstance(first, MainWindow):  # a health screen, a sign-in, or no shop at all
            print(f"the start-up showed {type(first).__name__}, not the window: {startup.error}", file=sys.stderr)
            startup.close()
            return 1
        say("opened")
        counter = first.page("counter")
        painted = Painted(counter.search.box)
        first.resize(1280, 800)
        startup.show()
        wait(lambda: painted.done)
        say("ready", focused=QApplication.focusWidget() is counter.search.box)
        startup.close()
        return 0

    shop = Shop.open(args.db)
    apply_language(app, shop.settings["language"])
    say("opened")
    window = MainWindow(shop, screen="counter")
    counter = window.page("counter")
    painted = Painted(counter.search.box)
    window.resize(1280, 800)
    window.show()
    wait(lambda: painted.done)
    say("ready", focused=QApplication.focusWidget() is counter.search.box)

    window.wait_for_background_work()
    started = time.perf_counter()
    page = window.show_screen("customers")
    painted = Painted(page.table.viewport())
    wait(lambda: painted.done and page.model.rowCount() > 0)
    first = page.model.data(page.model.index(0, 0))
    say("customers", elapsed_ms=round((time.perf_counter() - started) * 1000, 2), rows=page.model.total(), first=first)
    if args.mode == "customers":
        return finish(window, shop)

    while page.model.canFetchMore(QModelIndex()):  # every row handed to the view, as scrolling to the end does
        page.model.fetchMore(QModelIndex())
    for step in range(1, 11):  # and looked at here and there: blocks read into the model's cache
        page.table.scrollTo(page.model.index(page.model.rowCount() * step // 10 - 1, 0))
        app.processEvents()
    say("customers_scrolled")
    window.show_screen("dashboard")
    window.wait_for_background_work()
    app.processEvents()
    say("memory", current_rss_mb=round(_status_kb("VmRSS:") / 1024, 1))
    return finish(window, shop)


def _peak_rss_kb() -> int:
    """This process's peak RSS. Linux's VmHWM, not `ru_maxrss`: that one keeps the peak of the process
    this one was forked from (the benchmark runner, gigabytes after DuckDB), across the exec."""
    return _status_kb("VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def finish(window: object, shop: object) -> int:
    window.close()  # type: ignore[attr-defined]
    shop.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
