"""The shared text and chart-data helpers the chapters use (no book build needed)."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

import belarus_book as bb
import belarus_book.text  # noqa: F401
from belarus_book.charts import chart_data
from belarus_book.text import day, html_table, month, table_html


def test_day_and_month_formats():
    ts = pd.Timestamp("2022-12-19")
    assert day(ts) == "19 December 2022"
    assert day(ts, weekday=True) == "Monday 19 December 2022"
    assert day("2022-02-04") == "4 February 2022"  # no leading zero
    assert month(ts) == "December 2022"


def test_html_table_escapes_every_cell_header_and_caption():
    frame = pd.DataFrame({"a": ["<script>alert(1)</script>", None], "b": ["x & y", "ok"],
                          "skip": ["hidden", "hidden"]})
    out = html_table(frame, {"a": "A <i>", "b": "B"}, caption="<b>cap</b>")
    assert isinstance(out, HTML)
    text = out.data
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<th>A &lt;i&gt;</th><th>B</th>" in text
    assert "<caption>&lt;b&gt;cap&lt;/b&gt;</caption>" in text
    assert "x &amp; y" in text
    assert "<td></td>" in text  # missing value: an empty cell, not "None" or "nan"
    assert "hidden" not in text  # only the columns asked for
    assert text.count("<tr>") == 3  # header + two rows


def test_table_html_defaults_to_every_column_in_order():
    text = table_html(pd.DataFrame({"z": [1], "a": [2]}))
    assert text.index("<th>z</th>") < text.index("<th>a</th>")
    assert "<td>1</td><td>2</td>" in text


def test_chart_data_keeps_only_asked_columns_and_evidence_and_blanks_missing_text():
    df = pd.DataFrame({
        "date": pd.to_datetime(["2022-02-24", None]),
        "value": [1.5, float("nan")],
        "count": pd.array([3, None], dtype="Int64"),
        "label": ["a", None],
        "excerpt": ["long text", "more"],
    })
    out = chart_data(df, ["date", "value", "count", "label"])
    assert list(out.columns) == ["date", "value", "count", "label", "excerpt"]  # + the evidence
    assert out["label"].tolist() == ["a", ""]
    assert pd.api.types.is_datetime64_any_dtype(out["date"])  # dates stay dates for Altair
    assert pd.isna(out.loc[1, "value"]) and out.loc[0, "count"] == 3  # numbers untouched
    assert df["label"].isna().sum() == 1  # the input frame is not changed
    assert list(chart_data(df).columns) == list(df.columns)  # no columns: keep all


def test_sources_list_links_name_the_site_and_lead_to_the_address():
    # The print edition writes each outside link's address after it (print.css): as the
    # link text too, it would print twice.
    sources = bb.load("sources")
    row = sources[sources["url"].fillna("").str.startswith("https://www.")].iloc[0]
    listing = bb.text.sources_list([row["source_id"]]).data
    site = row["url"].split("/")[2].removeprefix("www.")
    assert f"[{site}](<{row['url']}>)" in listing
    assert f"<{row['url']}>)" in listing and f"[{row['url']}]" not in listing
