"""The Data appendix's HTML (belarus_book.data.data_page): a section per resource, with its
size, sources, download link and columns, every value from the package escaped."""

from __future__ import annotations

import json
import re
import shutil

from belarus_book.data import data_page, load, read_package

from ..helpers import DATA


def test_every_resource_has_its_section_with_size_download_and_columns():
    html = data_page.tables_html(DATA)
    package = read_package(DATA)
    ids = re.findall(r'<section class="data-resource" id="table-([^"]+)">', html)
    assert ids == [res["name"] for res in package["resources"]]
    for res in package["resources"]:
        section = html.split(f'id="table-{res["name"]}">', 1)[1].split("</section>", 1)[0]
        assert f'<a href="../data/{res["path"]}" download>' in section
        if "schema" in res:
            assert f"<p>{len(load(res['name'], DATA))} rows; " in section
            assert section.count("<tr><td><code>") == len(res["schema"]["fields"])
        else:
            assert "Licence: <a href=" in section
    assert re.search(r"\d+ rows; draws on \d+ sources: \d+ articles, \d+ outside facts\.", html)


def test_markup_in_the_package_is_shown_as_text(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    events = next(res for res in package["resources"] if res["name"] == "events")
    events["description"] = 'Events <script>alert("x")</script>'
    events["schema"]["fields"][0]["description"] = "<b>bold</b> & more"
    path.write_text(json.dumps(package), encoding="utf-8")
    html = data_page.tables_html(tmp_path / "data")
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "Events &lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
