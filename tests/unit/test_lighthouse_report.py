"""`make bench` says where its Lighthouse runs ran (issue 29): the load average at the start,
each page's benchmark index, and "machine busy" when the load or the index's spread says
the scores are not the machine's own; both editions' pages are measured."""

from __future__ import annotations

from belarus_book.commands.lighthouse import busy_reasons, pages, table


def test_a_quiet_machine_with_steady_runs_is_not_busy():
    assert busy_reasons(0.9, 2, {"index.html": [1000, 1100, 1190]}) == []


def test_a_load_above_half_the_cores_is_busy():
    reasons = busy_reasons(1.01, 2, {"index.html": [1000, 1000, 1000]})
    assert len(reasons) == 1 and "load average 1.01" in reasons[0]
    assert busy_reasons(1.0, 2, {}) == []
    assert busy_reasons(1.9, 4, {}) == [] and busy_reasons(2.1, 4, {}) != []


def test_runs_whose_benchmark_index_differs_by_over_a_fifth_are_busy():
    reasons = busy_reasons(0.1, 2, {"index.html": [1000, 1200],
                                    "chapters/a.html": [900, 1000, 1081]})
    assert len(reasons) == 1
    assert reasons[0].startswith("chapters/a.html") and "900 to 1081" in reasons[0]


def test_both_at_once_give_both_reasons():
    assert len(busy_reasons(3.0, 2, {"de/index.html": [500, 1000]})) == 2


def measured(load: float, indexes: list[float]) -> dict:
    row = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 100,
           "transfer_kb": 380.0, "tbt_ms": 150.0, "failed": [],
           "benchmark_index": indexes[len(indexes) // 2], "indexes": indexes}
    return {"load": (load, 0.5, 0.25), "cores": 2, "pages": {"index.html": row}}


def test_the_table_shows_the_load_and_each_pages_benchmark_index():
    text = table(measured(0.4, [1010.4, 1020.0, 1030.0]))
    assert "load average at the start: 0.40 0.50 0.25 (1, 5, 15 min) on 2 cores" in text
    # 90 and 380 KB miss their targets (95, 300 KB: issue 29); 150 ms is within 200.
    assert "| index.html | 90 ! | 100 | 100 | 100 | 380 ! | 150 | 1020 (1010, 1020, 1030) |" in text
    assert "| target | >= 95 | 100 | 100 | 100 | <= 300 | <= 200 | |" in text
    assert "MACHINE BUSY" not in text


def test_the_table_flags_a_busy_run():
    text = table(measured(1.5, [600.0, 1000.0, 1000.0]))
    assert "MACHINE BUSY" in text
    assert "load average 1.50" in text and "index.html: benchmark index varied" in text


def test_both_editions_landing_pages_and_chapters_are_measured(tmp_path):
    for page in ("index.html", "chapters/b.html", "chapters/a.html", "appendix/data.html",
                 "de/index.html", "de/chapters/a.html", "de/appendix/data.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>", encoding="utf-8")
    assert pages(tmp_path) == ["index.html", "chapters/a.html", "chapters/b.html",
                               "de/index.html", "de/chapters/a.html"]


def test_slow_cpu_slows_lighthouses_cpu_ten_times_not_four(tmp_path):
    from belarus_book.commands.lighthouse import SLOW_CPU, command

    url, report = "http://127.0.0.1:8000/index.html", tmp_path / "report.json"
    assert SLOW_CPU == 10
    assert not [a for a in command(url, report) if "cpuSlowdownMultiplier" in a]
    assert "--throttling.cpuSlowdownMultiplier=10" in command(url, report, slow_cpu=True)
    assert command(url, report, slow_cpu=True)[:2] == command(url, report)[:2]


def test_the_lighthouse_tool_takes_slow_cpu(monkeypatch, tmp_path):
    from belarus_book import __main__
    from belarus_book.commands import lighthouse

    called = {}
    monkeypatch.setattr(lighthouse, "run", lambda book, **options: called.update(options) or 0)
    assert __main__.main(["lighthouse", str(tmp_path), "--slow-cpu"]) == 0
    assert called == {"slow_cpu": True}
