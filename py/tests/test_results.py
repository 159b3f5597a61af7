"""Every result class as a notebook user meets it: to_dict (JSON-ready, the CLI's field
names and shapes), __repr__ and _repr_html_."""

import datetime
import json
import re
import subprocess
import sys

import pytest

import copydesk

SUMMIT = "Officials are eyeing late May or June for the summit to take place."
SCRIPT = 'Officials said <script>alert("x")</script> & more would follow on Monday, the paper said.'


def cli(*args):
    out = subprocess.run(
        [sys.executable, "-m", "copydesk", *map(str, args)], check=True, capture_output=True, text=True
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def seed_articles():
    from conftest import ROOT

    return copydesk.read(ROOT / "seeds")


@pytest.fixture(scope="module")
def seed_dedup(seed_articles):
    return copydesk.dedupe(seed_articles)


def every_result():
    """One of each result class, with the names they go by."""
    article = copydesk.parse("A title\n\nThey met on Monday. Talks go on.", published="2018-04-17", id="a")
    result = copydesk.dedupe([("x", SUMMIT), ("y", SUMMIT + " Reuters said.")], containment=True)
    d = copydesk.Deduper()
    d.add([("x", SUMMIT)])
    [match] = d.query(SUMMIT)
    [t] = [t for t in copydesk.find_dates("from 2017 to 2021", "2018-04-17") if t.range is not None][:1]
    return {
        "Article": article,
        "Block": article.blocks[1],
        "Sentence": article.sentences[1],
        "DedupResult": result,
        "Cluster": result.clusters[0],
        "Member": result.clusters[0].members[1],
        "Passage": result.clusters[0].canonical,
        "Pair": result.pairs[0],
        "Match": match,
        "TemporalExpression": t,
        "DateRange": t.range,
        "Deduper": d,
    }


@pytest.mark.parametrize("name", sorted(every_result()))
def test_every_class_has_a_repr_that_names_it_and_fits_a_line(name):
    r = repr(every_result()[name])
    assert r.startswith(f"{name}(") and r.endswith(")")
    assert "\n" not in r and len(r) < 200
    assert "object at 0x" not in r


@pytest.mark.parametrize("name", sorted(set(every_result()) - {"Deduper"}))
def test_every_result_to_dict_is_json(name):
    d = every_result()[name].to_dict()
    assert isinstance(d, dict) and d
    assert json.loads(json.dumps(d)) == d  # plain JSON types only: dates are ISO strings


def test_article_and_blocks_to_dict_match_the_cli(seeds):
    path = seeds / "002_8be8dda068bed6f5.txt"
    [article] = copydesk.read(path)
    [line] = cli("parse", path, "--sentences")
    assert article.to_dict(sentences=True) == line
    assert [b.to_dict() for b in article.blocks] == [
        {k: v for k, v in b.items() if k != "sentences"} for b in line["blocks"]
    ]
    by_block = [s.to_dict() for s in article.sentences]
    assert [{k: v for k, v in s.items() if k != "block"} for s in by_block] == [
        s for b in line["blocks"] for s in b["sentences"]
    ]
    assert line["published"] == "2018-04-07"


def test_quotes_to_dict_match_the_cli(seeds):
    path = seeds / "000_0d03f1b308fc772f.txt"
    [article] = copydesk.read(path)
    [line] = cli("parse", path)
    assert article.quotes, "seed 000 quotes Trump, Jenny Town and Alexandra Bell"
    assert [q.to_dict() for q in article.quotes] == line["quotes"]
    assert [b.to_dict() for b in article.blocks] == line["blocks"]


def test_clusters_members_and_passages_to_dict_match_the_cli(seeds, seed_dedup):
    lines = cli("dedupe", seeds)
    assert [c.to_dict() for c in seed_dedup.clusters] == lines
    assert seed_dedup.to_dict()["clusters"] == lines
    assert seed_dedup.to_dict()["stats"] == seed_dedup.stats
    for cluster, line in zip(seed_dedup.clusters, lines):
        assert cluster.canonical.to_dict() == line["canonical"]
        for member, m in zip(cluster.members, line["members"]):
            assert member.to_dict() == {**m, "cluster": cluster.id, "canonical": member.canonical}


def test_pairs_to_dict_match_the_cli(seeds, seed_dedup):
    assert [p.to_dict() for p in seed_dedup.pairs] == cli("dedupe", seeds, "--output", "pairs")


def test_containment_is_written_when_asked_as_in_the_cli(tmp_path):
    long = "Washington and Pyongyang communicate at times through the New York Channel, where US officials speak with North Korean officials."
    short = "Washington and Pyongyang communicate at times through the New York Channel."
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({"id": "l", "text": long}) + "\n" + json.dumps({"id": "s", "text": short}) + "\n", encoding="utf-8"
    )
    result = copydesk.dedupe(copydesk.read(path), containment=0.9)
    lines = cli("dedupe", path, "--containment=0.9")
    assert [c.to_dict() for c in result.clusters] == lines
    assert "containment" in lines[0]["members"][1]
    assert [p.to_dict() for p in result.pairs] == cli("dedupe", path, "--containment=0.9", "--output", "pairs")


def test_temporal_expressions_to_dict_match_the_cli(seeds, seed_articles):
    found = copydesk.find_dates_many(seed_articles)
    lines = cli("dates", seeds)
    assert [t.to_dict() for ts in found for t in ts] == lines
    assert any("range" in line for line in lines)
    assert all(t.article == a.id for a, ts in zip(seed_articles, found) for t in ts)


def test_find_dates_to_dict_has_no_article_and_iso_intervals():
    [t] = copydesk.find_dates("It happened 68 years ago.", "2018-04-18")
    assert t.article is None
    assert t.to_dict() == {
        "text": "68 years ago",
        "start": 12,
        "end": 24,
        "type": "DATE",
        "value": "1950",
        "mod": None,
        "interval": ["1950-01-01", "1951-01-01"],
        "genre": "news",
    }
    [twice] = copydesk.find_dates("They meet twice a week.", "2018-04-18")
    assert twice.to_dict()["freq"] == "2X"


def test_member_and_match_dicts_carry_their_scores():
    d = copydesk.Deduper()
    d.add([("x", SUMMIT)])
    [match] = d.query(SUMMIT + " Reuters said.")
    assert match.to_dict() == {
        "article": "x",
        "source": "<text>",
        "published": None,
        "block": 0,
        "start": 0,
        "end": len(SUMMIT),
        "text": SUMMIT,
        "similarity": round(11 / 13, 6),
        "containment": 1.0,
    }


def test_passages_know_their_article_date_and_source(seed_dedup):
    p = seed_dedup.clusters[0].canonical
    assert p.published == datetime.date(2018, 4, 17)
    assert p.source.endswith("001_ade9787c78681141.txt")


def html_cells(html):
    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def test_article_html_is_a_table_of_blocks_with_everything_escaped():
    a = copydesk.parse(f"Title & <b>bold</b>\n\n{SCRIPT}", id='<img src=x onerror="1">')
    html = a._repr_html_()
    assert "<script>" not in html and "<b>bold" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert "&lt;img src=x onerror=&quot;1&quot;&gt;" in html
    assert html.count("<tr") == 1 + len(a.blocks)  # a header row, then one per block
    assert html_cells(html)[:4] == ["0", a.blocks[0].kind, "0", str(a.blocks[0].end)]


def test_article_html_greys_boilerplate_and_only_boilerplate(seed_articles):
    for a in seed_articles:
        rows = re.findall(r"<tr( style=\"color:#999\")?><td>(\d+)</td><td>(\w+)</td>", a._repr_html_())
        assert len(rows) == len(a.blocks)
        for grey, index, kind in rows:
            assert kind == a.blocks[int(index)].kind
            assert bool(grey) == (kind == "boilerplate")
    html = "".join(a._repr_html_() for a in seed_articles)
    residue = [b for a in seed_articles for b in a.blocks if b.reason]
    assert residue and all(f"[{b.reason}] " in html for b in residue)


def test_long_tables_say_how_many_rows_they_leave_out():
    a = copydesk.parse("\n\n".join(f"Paragraph number {i}." for i in range(250)))
    assert "… 50 more blocks" in a._repr_html_()


def test_dedup_html_shows_one_row_per_cluster_escaped():
    result = copydesk.dedupe([("<x>", SCRIPT), ("y", SCRIPT), ("z", SUMMIT), ("w", SUMMIT)])
    html = result._repr_html_()
    assert "<script>" not in html and "<x>" not in html
    assert "&lt;x&gt; #0, y #0" in html
    assert html.count("<tr") == 1 + len(result.clusters) == 3
    cluster_html = result.clusters[0]._repr_html_()
    assert "<script>" not in cluster_html and "&lt;script&gt;" in cluster_html
    assert cluster_html.count("<tr") == 1 + result.clusters[0].size
    assert "✓" in cluster_html
