"""The German for the words the book's helpers write (English -> German): dates, evidence,
source lists, tooltips. Words in the chapters' own code are in ``de/code-strings.yml``."""

WORDS = {
    # comparison groups (conflict_group; text.group_label, on the Sources and method page)
    "army size": "Größe der Armee",
    "border ru": "Grenze zu Russland",
    "border ua": "Grenze zur Ukraine",
    "budget by 2022": "Militärhaushalt 2022",
    "csto summit date": "Datum des OVKS-Gipfels",
    "grouping date": "Datum der regionalen Gruppierung",
    "makei death": "Makejs Tod",
    "poll participation": "Umfragen: Kriegsbeteiligung",
    "poll war support": "Umfragen: Zustimmung zum Krieg",
    "prisoners dec 2022": "Politische Gefangene, Dezember 2022",
    "reservists": "Reservisten",
    "union treaty year": "Jahr des Unionsvertrags",
    # dates (text/dates.py)
    "undated": "undatiert",
    " and ": " und ",
    "inferred from": "erschlossen aus",
    "inferred": "erschlossen",
    "the article itself": "dem Artikel selbst",
    "reported on": "berichtet am",
    "reported in": "berichtet im",
    # evidence and quotations (evidence.py, text/__init__.py)
    "(the source is in English)": "(Original auf Deutsch)",
    "our translation": "unsere Übersetzung",
    "reported by": "Quelle:",
    "Note": "Anmerkung",
    "according to": "laut",
    "Evidence": "Beleg",
    "Source": "Quelle",
    "What it says": "Was sie sagt",
    "Evidence (verbatim)": "Beleg (wörtlich)",
    "In English": "Auf Deutsch",
    # charts (charts.py)
    "Evidence (original)": "Beleg (Original)",
    "Our translation": "Unsere Übersetzung",
    # source lists (text/sources.py)
    "Articles": "Artikel",
    "Outside sources": "Weitere Quellen",
    # the claims ledger (claims/)
    "on this page": "auf dieser Seite",
    "The claims ledger lists no claim shown {where}.":
        "Das Belegregister führt keine Aussage, die {where} gezeigt wird.",
    "{n} as {status}": "{n} als „{status}“",
    "The one claim shown {where} is marked {status} in the claims ledger.":
        "Die eine Aussage, die {where} gezeigt wird, ist im Belegregister als „{status}“ eingestuft.",
    "Of the {total} claims shown {where}, the claims ledger marks {marks}.":
        "Von den {total} Aussagen, die {where} gezeigt werden, stuft das Belegregister {marks} ein.",
    "The source says the claim cannot be checked.": "Die Quelle sagt selbst, dass sich die Aussage nicht prüfen lässt.",
    "The vetted outside source’s caution:": "Der Vorbehalt der geprüften externen Quelle:",
    "{n} sources compared on this point give different values, beyond the rounding they state.":
        "{n} Quellen nennen zu diesem Punkt verschiedene Werte, und der Unterschied ist größer "
        "als die Rundung, die sie angeben.",
    "From a vetted outside source.": "Aus einer geprüften externen Quelle.",
    "A vetted outside source says the same.": "Eine geprüfte externe Quelle sagt dasselbe.",
    "{n} sources say the same.": "{n} Quellen sagen dasselbe.",
    "Only this source makes the claim.": "Nur diese Quelle trifft die Aussage.",
    "Answers to one survey question share one status; for another answer to it:":
        "Alle Antworten auf dieselbe Umfragefrage erhalten denselben Status; maßgeblich ist eine "
        "andere Antwort auf diese Frage:",
    "Given": "Geleistet",
    "Withheld": "Verweigert",
    "Political prisoners in Belarus": "Politische Gefangene in Belarus",
    "at least": "mindestens",
    "at most": "höchstens",
    "unverified": "unbestätigt",
    "official claim": "offizielle Angabe",
    "announced, not verified": "angekündigt, nicht überprüft",
    "disputed": "umstritten",
    "on record": "belegt",
    "several sources": "mehrere Quellen",
    "single source": "eine Quelle",
    "the source itself says the claim cannot be checked (the leaked letter)":
        "die Quelle sagt selbst, dass sich die Aussage nicht prüfen lässt (der zugespielte Brief)",
    "an official result or statistic that the vetted outside source marks as the authorities' "
    "own, unchecked claim, such as the result of a vote it does not consider free":
        "ein amtliches Ergebnis oder eine amtliche Statistik, die die geprüfte externe Quelle als "
        "ungeprüfte Angabe der Behörden kennzeichnet, etwa das Ergebnis einer Abstimmung, die sie "
        "nicht für frei hält",
    "figures officials announced; the vetted outside source says no one verified what was "
    "actually deployed":
        "Zahlen, die Amtsträger angekündigt haben; laut der geprüften externen Quelle hat niemand "
        "überprüft, was tatsächlich stationiert wurde",
    "different sources give different values for the same quantity, date or event, and the "
    "difference is larger than the rounding or precision they state; a stated bound (“no "
    "fewer than”) is met by any value beyond it, and a source’s own rounding of a "
    "figure it also gives is compared through that figure":
        "verschiedene Quellen nennen für dieselbe Größe, dasselbe Datum oder dasselbe Ereignis "
        "verschiedene Werte, und der Unterschied ist größer als die Rundung oder Genauigkeit, die "
        "sie angeben; eine genannte Grenze („nicht weniger als“) erfüllt jeder Wert jenseits davon, "
        "und rundet eine Quelle eine Zahl, die sie auch genau nennt, wird die gerundete Angabe "
        "nicht für sich, sondern anhand der genauen Zahl verglichen",
    "This row rounds a figure its source also gives on this point, and is compared through it.":
        "Diese Zeile rundet eine Zahl, die ihre Quelle in diesem Punkt auch genau nennt; sie wird "
        "deshalb nicht für sich, sondern anhand der genauen Zahl verglichen.",
    "the claim comes from a vetted outside source, or one compared on the same point says the same":
        "die Aussage stammt aus einer geprüften externen Quelle, oder eine geprüfte externe Quelle, "
        "die dasselbe Detail nennt, stimmt damit überein",
    "two or more different sources agree on it": "zwei oder mehr verschiedene Quellen stimmen darin überein",
    "only one source makes the claim": "nur eine Quelle trifft die Aussage",
    "It does not mean the claim is false.": "Das heißt nicht, dass die Aussage falsch ist.",
    "It does not mean the figure is false, only that no independent count stands behind it; "
    "the book reports it as the authorities' claim.":
        "Das heißt nicht, dass die Zahl falsch ist, nur dass keine unabhängige Zählung dahintersteht; "
        "das Buch gibt sie als Angabe der Behörden wieder.",
    "It does not mean the figures were or were not reached.":
        "Das heißt weder, dass die Zahlen erreicht wurden, noch, dass sie nicht erreicht wurden.",
    "It does not say which source is right. Polls may disagree because they asked different "
    "questions at different times.":
        "Das sagt nicht, welche Quelle recht hat. Umfragen können auseinandergehen, weil sie zu "
        "verschiedenen Zeiten verschiedene Fragen stellten.",
    "It does not mean beyond doubt: a vetted source can err, and the status says only that the "
    "claim is documented outside the articles.":
        "Das heißt nicht „zweifelsfrei“: Auch eine geprüfte Quelle kann irren, und der Status sagt "
        "nur, dass die Aussage außerhalb der Artikel dokumentiert ist.",
    "It does not mean independent confirmation: the articles may draw on the same source.":
        "Das heißt nicht unabhängige Bestätigung: Die Artikel können auf dieselbe Quelle zurückgehen.",
    "It does not mean the claim is doubtful, only that no other source here speaks to it.":
        "Das heißt nicht, dass die Aussage zweifelhaft ist, nur dass keine andere Quelle hier dazu "
        "etwas sagt.",
    "claims": "Aussagen",
    "The data holds <strong>{n}</strong> claims. The first rule that fits a claim decides its status:":
        "Die Daten enthalten <strong>{n}</strong> Aussagen. Die erste Regel, die auf eine Aussage "
        "zutrifft, bestimmt ihren Status:",
    "Search the claims": "Aussagen durchsuchen",
    "Status": "Status",
    "all statuses": "alle Status",
    "Chapter": "Kapitel",
    "all chapters": "alle Kapitel",
    "no chapter": "kein Kapitel",
    "all sources": "alle Quellen",
    "Show all": "Alle zeigen",
    "Showing all {n} claims.": "Alle {n} Aussagen werden gezeigt.",
    '<a href="../data/claims.csv" download>claims.csv</a>: the whole ledger with each status and '
    "the reason for it, described (with the status rules) in the site's "
    '<a href="../data/datapackage.json" download>datapackage.json</a>.':
        '<a href="../data/claims.csv" download>claims.csv</a>: das ganze Register mit jedem Status '
        "und seiner Begründung (Datei auf Englisch), beschrieben (mit den Statusregeln) in der "
        '<a href="../data/datapackage.json" download>datapackage.json</a> der Website.',
    "When": "Wann",
    "Claim": "Aussage",
    "Who makes it": "Wer sie trifft",
    "Where and when": "Wo und wann",
    "Chapters": "Kapitel",
    "Row": "Zeile",
    "Claims ledger: {n} claims and how sure each is": "Belegregister: {n} Aussagen und wie sicher jede ist",
    "none (kept for the record)": "keines (zur Dokumentation geführt)",
    # the download box and the notebook edition (sphinx/downloads.py, sphinx/notebooks.py,
    # notebook_edition.py)
    "Download this chapter": "Dieses Kapitel herunterladen",
    "this chapter as a notebook": "dieses Kapitel als Notebook",
    "its source, MyST Markdown": "sein Quelltext, MyST Markdown",
    "what every column means": "was jede Spalte bedeutet",
    "the book’s package, with all the data": "das Paket des Buchs, mit allen Daten",
    "Run it yourself: open the notebook in JupyterLab, VS Code or Colab; it shows its charts and "
    "numbers as downloaded. To run it again, install the book's package from the wheel below "
    "(<code>%pip install belarus_book-….whl</code> in the notebook), which brings the data; to use "
    "your own copies of the data files, put them in a <code>data/</code> folder next to the "
    "notebook.":
        "Selbst ausführen: Öffnen Sie das Notebook in JupyterLab, VS Code oder Colab; es zeigt "
        "Grafiken und Zahlen bereits beim Öffnen, ohne dass Sie etwas ausführen müssen. Um es neu "
        "auszuführen, "
        "installieren Sie das Paket des Buchs aus der Wheel-Datei unten "
        "(<code>%pip install belarus_book-….whl</code> im Notebook), die die Daten mitbringt; um "
        "eigene Kopien der Datendateien zu verwenden, legen Sie sie in einen Ordner "
        "<code>data/</code> neben das Notebook.",
    "the book's web site": "der Website des Buchs",
    "*This is the notebook edition of a chapter of “{title}” (edition {version}); the chapter with "
    "its glossary and data pages is on {where}. It opens with every number and chart in place. To "
    "run it again (Run All), first install the book's package, which brings the data tables: put "
    "the wheel `{wheel}` from the chapter's download box next to this notebook and run "
    "`%pip install {wheel}` in a cell (or `pip install` the book's repository address). Figure "
    "numbers are those of the whole book.*":
        "*Dies ist die Notebook-Ausgabe eines Kapitels aus „{title}“ (Ausgabe {version}); das "
        "Kapitel mit Glossar und Datenseiten steht auf {where}. Es öffnet sich mit allen Zahlen und "
        "Grafiken. Um es neu auszuführen (Run All), installieren Sie zuerst das Paket des Buchs, "
        "das die Datentabellen mitbringt: Legen Sie die Wheel-Datei `{wheel}` aus dem "
        "Download-Kasten des Kapitels neben dieses Notebook und führen Sie `%pip install {wheel}` "
        "in einer Zelle aus (oder `pip install` mit der Adresse des Repositoriums des Buchs). "
        "Die Abbildungsnummern sind die des ganzen Buchs.*",
    "Figure": "Abbildung",
    "Exercise": "Übung",
    "Solution to Exercise {n}": "Lösung zu Übung {n}",
    "Solution": "Lösung",
    # the summaries' evidence links (sphinx/claims_role.py), the PDF link (web/layout.py)
    "evidence": "Belege",
    "this chapter as a PDF, for print": "dieses Kapitel als PDF, zum Drucken",
    # the Data page (data/data_page.py)
    "{tables} tables and a base map, licence {licence}.": "{tables} Tabellen und eine Grundkarte, Lizenz {licence}.",
    "Licence": "Lizenz",
    "{n} rows": "{n} Zeilen",
    "describes {articles} and {context}": "beschreibt {articles} und {context}",
    "draws on {n}: {articles}, {context}": "stützt sich auf {n}: {articles}, {context}",
    "{n} source": "{n} Quelle",
    "{n} sources": "{n} Quellen",
    "{n} article": "{n} Artikel",
    "{n} articles": "{n} Artikel",
    "{n} outside fact": "{n} externer Fakt",
    "{n} outside facts": "{n} externe Fakten",
    "Download": "Herunterladen",
    "Allowed": "Erlaubt",
    "yes": "ja",
    "column": "Spalte",
    "type": "Typ",
    "required": "Pflicht",
    "description": "Beschreibung",
    # the theme's search field and the footer (sphinx/editions.py, sphinx/version.py)
    "Search this book…": "Dieses Buch durchsuchen …",
    "Edition": "Version",
    # the print edition's footer (commands/pdf.py)
    "page {n} of {total}": "Seite {n} von {total}",
}
