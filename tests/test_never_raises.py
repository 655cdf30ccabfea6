""""Analysis never raises on text": every date rule on examples of itself, and property
tests that feed the whole analysis news-like text built from the patterns the analyzers
react to, random Unicode, and publication dates at the ends of the calendar."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyze import timeline
from generator.analyze.briefing import analyze
from generator.model import Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("BRIEFINGS_FUZZ_EXAMPLES", "300"))
"""Examples per property test; raise it for a long fuzzing run (the note gives the last one)."""
ANCHORS = (dt.date(2025, 6, 15), dt.date(2024, 1, 1), dt.date(2023, 12, 31), dt.date.min, dt.date.max)


@pytest.mark.parametrize("rule", timeline.RULES, ids=lambda r: r.examples[0])
def test_every_date_rule_matches_and_normalizes_each_of_its_examples(rule):
    assert rule.examples, "a rule without an example is never checked"
    for example in rule.examples:
        match = rule.pattern.fullmatch(example)
        assert match is not None, f"{rule.pattern.pattern!r} does not match its example {example!r}"
        assert rule.normalize(match, ANCHORS[0]) is not None, example
        for anchor in ANCHORS:
            timeline._normalize(rule, match, anchor)  # never raises, at any publication date


def test_quarter_without_a_year_is_dated_not_a_crash():
    found = timeline.find_dates("Profits rose in Q3, and the Audi Q4 e-tron sold well.", dt.date(2025, 1, 10))
    assert [f.value for f in found][:1] == ["2024-Q3"]


def unread_groups(source: str, patterns) -> set[str]:
    """Groups the source reads with `.group("name")` that none of the patterns defines
    (`_group(match, ...)` reads an optional group safely by design and is not counted)."""
    read = set(re.findall(r"""(?<!_)\.group\(\s*["'](\w+)["']""", source))
    return read - {group for pattern in patterns for group in pattern.groupindex}


def test_every_named_group_a_module_reads_exists_in_that_module():
    """The class of the Q3 crash: `match.group("year2")` on a pattern without it. The groups
    a module defines come from its compiled patterns (the timeline builds some by string
    replacement, which a reading of the source would miss)."""
    import importlib

    for path in sorted((ROOT / "generator").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if ".group(" not in source:
            continue
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        patterns = [v for v in vars(module).values() if isinstance(v, re.Pattern)]
        patterns += [rule.pattern for rule in getattr(module, "RULES", ())]
        assert unread_groups(source, patterns) == set(), path.name


def test_the_group_check_catches_the_q3_crash():
    source = '''year = match.group("year") or match.group("year2")'''
    assert unread_groups(source, [re.compile(r"Q(?P<q>[1-4])(?P<year>\d{4})?")]) == {"year2"}
    assert unread_groups(source.replace("match.group", "_group(match, "), []) == set()


# -- the whole analysis on news-like text ------------------------------------------------

FRAGMENTS = [
    # dates: quarters, halves, seasons, weekdays, fiscal years, ranges, relative words
    "Q1", "Q3", "Q4 2023", "q2", "Q5", "the third quarter", "third quarter of 2023", "last year's fourth quarter",
    "H1", "the first half", "second half of 2024", "summer", "last winter", "spring of 2022", "Monday", "next Friday",
    "this Sunday", "fiscal 2024", "fiscal year 2023/24", "FY24", "2023-24", "1990s", "the '90s", "May", "march",
    "March 31", "31 March", "Feb. 29", "February 30, 2023", "2023-02-29", "2100", "9999", "0000", "a year earlier",
    "three years ago", "99 days ago", "year-ago", "the latest quarter", "yesterday", "tomorrow", "early 2023", "mid-",
    # figures: currencies, ranges, fractions, scales
    "$38-42", "27 to 31 dlrs", "between 2 billion and 4 billion", "33-3/8", "71-1/4", "$1.2bn", "€ 5m", "¥", "HK$3",
    "12.5%", "3 percent", "1,000,000", "1600 GMT", "Chapter 11", "two dozen", "hundreds", "0.", ".5", "1,", "5,5,5",
    # names: initials, titles, suffixes, tickers, all caps
    "Acme Co said", "Vantage Holdings plans", "General Dynamics", "Smith and Jones", "Hale, Dorr", "E.F.", "I've",
    "NEW YORK (Reuters) -", "Trans-Global Airways Inc (TGA)", "(TGA.N)", "<TGA>", "Dr.", "Mr", "J. R. R.", "Inc.",
    "3Q25", "1H", "FY2024", "10-Q", "8-K", "3-for-1", "1/2", "up 1/8", "-5", "+7", "May four", "7E7", "iPhone 15",
    "St. Louis, Mo.", "J.P. Acme Group Inc (ACM)", "Hale, Dorr and Marsh Securities", "CES 2026", "early-1990s",
    "RENA.PA", "(DMP.MO)", "between", "to", "3/4 to 33-1/2", "Canadian dlrs", "mln", "bln", "cents", "pct", "May four",
    "until Tuesday", "Tuesday, Nov. 3", "ended February 28", "General Dynamics", "Smith and Jones Ltd", "Harper and Row",
    "Audio/Video", "Dixon-Cyclop", "Chicago-based", "analysts at", "said it", "'s shares", "Inc.", "L.P.", "des", "of",
    "It plans to buy", "takeover by", "a unit of", "chief executive of", "a fund manager with", "partnering with", "-based firm",
    "Jane Roe of Acme Securities", "chief executive Jane Roe", "German carmaker BMW", "reports Caixin", "according to",
    # punctuation and structure: quotes, brackets, tables, lists
    '"', "'", "“", "”", "(", ")", "[", "]", "{", "}", "|", "---", "...", "…", ";", ":", "-", "--", "—", ",", ".", "!", "?",
    "6. Steve Brown ( U.S. ) 13.53", "Salim Malik c Stewart b Hollioake 23", "1. ", "*", "#", "alert('q2')",
    "\u202e", "\u200b", "華為", "🚗", "\t", "ǅ", "İ", "ß", "ﬁ", "\u0301",
]
SPACE = st.sampled_from([" ", " ", " ", ", ", ". ", " - "])
news_text = st.lists(st.tuples(st.sampled_from(FRAGMENTS) | st.text(min_size=1, max_size=8), SPACE), min_size=1, max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts).strip() or "x"
)
any_text = st.text(min_size=1, max_size=200).map(lambda t: " ".join(t.split()) or "x")
paragraph_text = news_text | any_text
dates = st.dates(min_value=dt.date.min, max_value=dt.date.max)


def article_of(title: str, date: dt.date, texts: list[str], kinds: list[str]) -> Article:
    counters: dict[str, int] = {}
    paragraphs = []
    for text, kind in zip(texts, kinds):
        counters[kind] = counters.get(kind, 0) + 1
        paragraphs.append(Paragraph(f"{kind[0] if kind != 'body' else 'p'}{counters[kind]}", kind, text, None))
    if "body" not in kinds:
        paragraphs.append(Paragraph("p1", "body", texts[0], None))
    return Article(path=Path("seed.txt"), title=title, date=date, paragraphs=tuple(paragraphs))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=paragraph_text,
    date=dates,
    texts=st.lists(paragraph_text, min_size=1, max_size=8),
    kinds=st.lists(st.sampled_from(["body", "body", "body", "heading", "caption"]), min_size=8, max_size=8),
)
def test_analysis_returns_a_briefing_for_any_news_like_text(title, date, texts, kinds):
    briefing = analyze(article_of(title, date, texts, kinds), "slug")
    ids = {p.id for p in briefing.article.paragraphs}
    cited = [p.paragraph for p in briefing.summary] + [e.paragraph for e in briefing.timeline if e.paragraph] + [f.paragraph for f in briefing.figures]
    assert set(cited) <= ids  # and whatever it says cites a paragraph of the article
    names = {a.name for a in briefing.actors}
    for relation in briefing.relations:  # relations join actors of the article, in words of its paragraph
        assert {relation.subject, relation.object} <= names
        assert relation.text in briefing.article.paragraph(relation.paragraph).text


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(text=st.text(max_size=400), date=dates)
def test_find_dates_never_raises_on_any_unicode_at_any_date(text, date):
    for found in timeline.find_dates(text, date):
        timeline.sort_key(found.value)
