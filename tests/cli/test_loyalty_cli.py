"""The loyalty commands: `sale` prints what was earned, `customer --find` shows
balances, `redeem` redeems, `export ledger` writes the ledger."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from smallbiz_loyalty.cli import main
from smallbiz_loyalty.core import exporting
from smallbiz_loyalty.core.shop import Shop

SARA_PHONE = "+96550012345"


@pytest.fixture
def kuwait_db(tmp_path: Path) -> Path:
    """A Kuwaiti shop where Sara has 9 stamps."""
    path = tmp_path / "shop.db"
    with Shop.open(path) as shop:
        shop.set_settings(currency="KWD", phone_region="KW", time_zone="Asia/Kuwait")
        sara = shop.enrol(name="Sara Haddad", phone=SARA_PHONE).customer
        for number in range(9):
            shop.record_sale(customer_id=sara.id, amount=1_250, key=f"setup-{number}")
    return path


def test_a_sale_prints_the_stamp_and_the_reward_ready(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sale", "--db", str(kuwait_db), "--customer", "50012345", "--amount", "1.250"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == ["+1 stamp — 10/10", "Reward ready: Free coffee"]


def test_a_sale_as_json_carries_messages_and_balances(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["sale", "--db", str(kuwait_db), "--customer", "50012345", "--amount", "1.250", "--key", "k1", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["messages"] == ["+1 stamp — 10/10", "Reward ready: Free coffee"]
    assert first["balances"] == [
        {
            "programme": "Coffee card",
            "unit": "stamps",
            "balance": 10,
            "balance_text": "10/10",
            "rewards_ready": ["Free coffee"],
            "tier": None,
        }
    ]
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["duplicate"], again["messages"], again["balances"][0]["balance"]) == (True, first["messages"], 10)


def test_customer_find_shows_balance_and_what_the_next_reward_needs(
    kuwait_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["customer", "--db", str(kuwait_db), "--find", "sara"]) == 0
    out = capsys.readouterr().out
    assert "Coffee card: 9/10 — 1 stamp more for Free coffee" in out
    assert main(["customer", "--db", str(kuwait_db), "--find", "2345", "--json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)
    (card,) = found["programmes"]
    assert (card["balance"], card["next_reward"], card["needed"], found["rewards_ready"]) == (9, "Free coffee", 1, [])


def test_redeem_refuses_too_few_stamps_then_gives_the_coffee(
    kuwait_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    redeem = ["redeem", "--db", str(kuwait_db), "--customer", SARA_PHONE, "--reward", "Free coffee"]
    assert main(redeem) == 1
    err = capsys.readouterr().err.strip()
    assert err == "This card has 9 of 10 stamps; 1 more are needed before Free coffee."
    main(["sale", "--db", str(kuwait_db), "--customer", SARA_PHONE, "--amount", "1"])
    capsys.readouterr()
    assert main([*redeem, "--key", "r-1"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Give: Free coffee", "Left: 0/10"]
    assert main([*redeem, "--key", "r-1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["duplicate"], result["give"], result["balance"], result["cost"]) == (
        True,
        "Give: Free coffee",
        0,
        10,
    )


def test_redeem_of_an_unknown_reward_fails_in_one_sentence(kuwait_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["redeem", "--db", str(kuwait_db), "--customer", SARA_PHONE, "--reward", "Pony"]) == 1
    assert capsys.readouterr().err.strip() == 'There is no reward called "Pony".'


@pytest.mark.skipif("ledger" not in exporting.EXPORTS, reason="the ledger export is not registered yet")
def test_export_ledger_writes_the_design_columns(kuwait_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "ledger.csv"
    assert main(["export", "ledger", "--db", str(kuwait_db), "-o", str(target)]) == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:7] == ["entry_id", "customer_id", "programme", "kind", "quantity", "created_at", "expires_on"]
    assert len(rows) == 1 + 9
    assert rows[1][2:5] == ["Coffee card", "earn", "1"]
