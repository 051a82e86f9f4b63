"""The command-line contract (DESIGN §5): outputs, exit codes, one-sentence errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smallbiz_loyalty.cli import main
from smallbiz_loyalty.core.shop import Shop


@pytest.fixture
def kuwait_db(tmp_path: Path) -> Path:
    path = tmp_path / "shop.db"
    with Shop.open(path) as shop:
        shop.set_settings(currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        shop.enrol(name="ليلى حسن", phone="+96550012345")
        shop.enrol(name="Omar Khalid", phone="+96566554321")
    return path


def test_check_says_a_healthy_file_is_healthy(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(kuwait_db)]) == 0
    assert "is healthy" in capsys.readouterr().out


def test_check_of_a_missing_file_fails_without_creating_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.db"
    assert main(["check", "--db", str(missing)]) == 1
    assert "There is no database file" in capsys.readouterr().err
    assert not missing.exists()


def test_check_of_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"PK\x03\x04 not sqlite")
    assert main(["check", "--db", str(bogus)]) == 3  # a problem found, not a failure to run
    out = capsys.readouterr().out.strip()
    assert "is not a smallbiz-loyalty database" in out.splitlines()[0]
    assert bogus.read_bytes() == b"PK\x03\x04 not sqlite"  # diagnosed, never changed


def test_customer_find_by_last_digits_as_json(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customer", "--db", str(kuwait_db), "--find", "٢٣٤٥", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in found] == ["ليلى حسن"]
    assert found[0]["phone"] == "+96550012345"


def test_sale_by_phone_with_a_key_is_idempotent(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["sale", "--db", str(kuwait_db), "--customer", "50012345", "--amount", "2,750", "--key", "till-1", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["amount"] == "2.750" and not first["duplicate"]
    assert second["duplicate"] and second["sale_id"] == first["sale_id"]


def test_sale_for_an_unknown_customer_is_one_sentence_on_stderr(
    kuwait_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sale", "--db", str(kuwait_db), "--customer", "99999999", "--amount", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip().count("\n") == 0
    assert "No customer has the phone number or card code" in captured.err


def test_a_malformed_amount_writes_nothing(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sale", "--db", str(kuwait_db), "--anonymous", "--amount", "12,5O"]) == 1
    assert '"12,5O" is not an amount' in capsys.readouterr().err
    with Shop.open(kuwait_db) as shop:
        assert shop.db.execute("SELECT count(*) FROM sales").fetchone()[0] == 0


def test_python_dash_m_and_main_py_run_the_same_cli(kuwait_db: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    for command in ([sys.executable, "-m", "smallbiz_loyalty"], [sys.executable, str(root / "main.py")]):
        result = subprocess.run(
            [*command, "check", "--db", str(kuwait_db)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert "is healthy" in result.stdout
