"""The customers table model: lazy paging, roles, sorting, and Qt's own model checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from smallbiz_loyalty.core.customers import Customer
from smallbiz_loyalty.core.db import transaction
from smallbiz_loyalty.ui.customers.page import CustomersPage
from smallbiz_loyalty.ui.customers_model import RECORD_ROLE, SORT_ROLE, CustomerColumn, CustomersTableModel
from smallbiz_loyalty.ui.events import ShopEvents
from tests.factories import make_customer

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def crowd(shop):
    """450 customers named "Customer 000" … "Customer 449", enrolled a day apart."""
    with transaction(shop.db):
        for n in range(450):
            shop.enrol(name=f"Customer {n:03d}", phone=f"+9655{n:07d}", at=START + timedelta(days=n))
    return shop


def _names(model: CustomersTableModel, rows: range) -> list[str]:
    return [model.index(row, CustomerColumn.NAME).data() for row in rows]


def test_450_customers_come_in_blocks_of_200(crowd, qtbot):
    model = CustomersTableModel(crowd)
    model.show_all()

    assert model.total() == 450
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    assert _names(model, range(198, 200)) == ["Customer 198", "Customer 199"]

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert _names(model, range(398, 401)) == ["Customer 398", "Customer 399", None]

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert model.index(449, CustomerColumn.NAME).data() == "Customer 449"


def test_scrolling_the_table_to_the_bottom_fetches_the_next_block(crowd, qtbot):
    page = CustomersPage(crowd, ShopEvents())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 200

    page.table.scrollToBottom()

    qtbot.waitUntil(lambda: page.model.rowCount() == 400)
    assert page.count_label.text() == "Customers: 450"


def test_row_of_a_customer_fetches_the_rows_up_to_theirs(crowd):
    model = CustomersTableModel(crowd)
    model.show_all()
    last = crowd.find_customers("Customer 449")[0]

    assert model.row_of(last.id) == 449
    assert model.rowCount() == 450
    assert model.row_of(999_999) is None


def test_the_model_passes_qts_model_checks(crowd, qtmodeltester):
    model = CustomersTableModel(crowd)
    model.show_all()

    qtmodeltester.check(model, force_py=True)


def test_the_model_passes_qts_model_checks_on_search_results(shop, qtmodeltester):
    make_customer(shop, "Sara Ali")
    model = CustomersTableModel(shop)
    model.show_customers(shop.find_customers("sara"))

    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1


def test_columns_show_formatted_values_record_and_sort_roles_raw_ones(shop):
    sara = make_customer(shop, "Sara Ali", phone="+96550012345", birthday="03-21")
    model = CustomersTableModel(shop)
    model.show_all()

    def cell(column: CustomerColumn, role: int = Qt.ItemDataRole.DisplayRole):
        return model.index(0, column).data(role)

    assert cell(CustomerColumn.NAME) == "Sara Ali"
    assert cell(CustomerColumn.PHONE) == "\u2066500 12345\u2069"  # kept left-to-right in Arabic text
    assert cell(CustomerColumn.CARD_CODE) == sara.card_code
    assert cell(CustomerColumn.BIRTHDAY) == "Mar 21"
    assert cell(CustomerColumn.CREATED) == "Oct 15, 2026"  # the shop's clock: 2026-10-15 12:30 in Kuwait
    assert cell(CustomerColumn.PHONE, SORT_ROLE) == "+96550012345"
    assert cell(CustomerColumn.BIRTHDAY, SORT_ROLE) == 321
    assert cell(CustomerColumn.CREATED, SORT_ROLE) == "2026-10-15T09:30:00+00:00"
    record = cell(CustomerColumn.NAME, RECORD_ROLE)
    assert isinstance(record, Customer)
    assert record.id == sara.id


def test_sorting_by_a_column_asks_the_core_for_the_new_order(shop):
    make_customer(shop, "Badr", birthday="12-01")
    make_customer(shop, "Amal", birthday="06-15")
    make_customer(shop, "Chadi")  # no birthday: last
    model = CustomersTableModel(shop)
    model.show_all()
    assert _names(model, range(3)) == ["Amal", "Badr", "Chadi"]

    model.sort(CustomerColumn.BIRTHDAY, Qt.SortOrder.AscendingOrder)
    assert _names(model, range(3)) == ["Amal", "Badr", "Chadi"]

    model.sort(CustomerColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model, range(3)) == ["Chadi", "Badr", "Amal"]


def test_sorting_search_results_keeps_only_the_matches(shop):
    make_customer(shop, "Sara Ali", birthday="12-01")
    make_customer(shop, "Sara Badr", birthday="02-01")
    make_customer(shop, "Omar")
    model = CustomersTableModel(shop)
    model.show_customers(shop.find_customers("sara"))

    model.sort(CustomerColumn.BIRTHDAY, Qt.SortOrder.AscendingOrder)

    assert model.is_filtered()
    assert _names(model, range(model.rowCount())) == ["Sara Badr", "Sara Ali"]
