"""A realistic synthetic news corpus, deterministic from a seed number.

Articles of about 600 to 900 words, with headings, dates, figures and recurring actors
(companies, people, places, events drawn from fixed pools with a skewed distribution,
so some actors appear in many articles, as in a real archive).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

COMPANIES = [
    "Huawei Technologies", "BYD Co.", "Tesla Inc.", "Xiaomi Corp.", "Nio Inc.", "Geely Automobile Holdings",
    "Seres Group", "Dongfeng Motor Group", "GAC Group", "Li Auto Inc.", "Leapmotor", "Contemporary Amperex Technology",
    "Volkswagen Group", "Toyota Motor Corp.", "Stellantis", "Hyundai Motor Co.", "Great Wall Motor", "SAIC Motor",
    "Baidu Inc.", "Alibaba Group", "Tencent Holdings", "Samsung Electronics", "Panasonic Holdings", "LG Energy Solution",
]
PEOPLE = ["Richard Yu", "Lei Jun", "William Li", "Wang Chuanfu", "Elon Musk", "Li Shufu", "Maria Lopez", "James Carter", "Anna Schmidt", "Kenji Tanaka"]
PLACES = ["Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Chongqing", "Hungary", "Germany", "Mexico", "Thailand", "Brazil", "Europe", "Japan"]
EVENTS = ["Guangzhou Auto Show", "Shanghai Auto Show", "Munich Motor Show", "Beijing Auto Show"]
TOPICS = ["electric sedan", "battery plant", "driver-assist software", "price cut", "joint venture", "export push", "charging network", "quarterly results"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
HEADINGS = ["Market Reaction", "Strategy Behind the Move", "Competition Heats Up", "What Comes Next", "Background", "Financial Details"]


def _pick(rng: random.Random, pool: list[str]) -> str:
    """Skewed choice: the first items of a pool recur far more often (a Zipf-like archive)."""
    index = min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)
    return pool[index]


def _sentence(rng: random.Random, year: int) -> str:
    company, other = _pick(rng, COMPANIES), _pick(rng, COMPANIES)
    person, place, event = rng.choice(PEOPLE), _pick(rng, PLACES), rng.choice(EVENTS)
    topic, month = rng.choice(TOPICS), rng.choice(MONTHS)
    templates = [
        f"{company} said on Tuesday it would invest {rng.randint(2, 90)} billion yuan in a new {topic} in {place} by {month} {year + 1}.",
        f"The company, which competes with {other} in several markets, expects deliveries to rise {rng.randint(5, 60)}% in the second half of {year}.",
        f"Chief executive {person} told reporters at the {event} that demand for its {topic} had exceeded expectations since early {year}.",
        f"Analysts said the move would put pressure on {other}, whose shares fell {rng.randint(1, 9)}% in {place} after the announcement.",
        f"In {year - rng.randint(1, 6)}, {company} formed an alliance with {other} to share the cost of developing a {topic}.",
        f"Sales of electric cars in {place} rose {rng.randint(3, 40)}% in {month}, according to industry data compiled by the {company} research unit.",
        f"{person} said the group planned to hire {rng.randint(2, 20) * 100} engineers and open {rng.choice(['two', 'three', 'four', 'five'])} research centres.",
        f"Regulators in {place} are reviewing the {topic}, a process that could take until late {year + 1}, people familiar with the matter said.",
    ]
    return rng.choice(templates)


def make_article(index: int, seed: int = 0) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    company = _pick(rng, COMPANIES)
    title = f"{company.split()[0]} {rng.choice(['Unveils', 'Expands', 'Plans', 'Cuts', 'Launches'])} {rng.choice(TOPICS).title()} {index}"
    paragraphs, words = [], 0
    target = rng.randint(600, 900)
    while words < target:
        if paragraphs and len(paragraphs) % 5 == 0:
            paragraphs.append(rng.choice(HEADINGS))
        paragraph = " ".join(_sentence(rng, date.year) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return f"date {date.isoformat()} {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"{index:05d}.txt").write_text(make_article(index, seed), encoding="utf-8")
    return folder


def make_plain_page(index: int, count: int, seed: int = 0) -> str:
    """A plain Markdown page of about 900 words: a title, five headed sections, one table of
    five rows and a few links to other pages; the reference a briefing page is measured against."""
    rng = random.Random(seed * 7_000_003 + index)
    lines = [f"# Plain page {index}", ""]
    for number, heading in enumerate(rng.sample(HEADINGS, 5), 1):
        lines += [f"## {heading}", ""]
        for _ in range(2):
            lines += [" ".join(_sentence(rng, 2020).replace("%", " percent") for _ in range(4)), ""]
        if number == 2:
            lines += ["| Company | Topic | Figure |", "| --- | --- | --- |"]
            lines += [f"| {_pick(rng, COMPANIES)} | {rng.choice(TOPICS)} | {rng.randint(1, 99)} |" for _ in range(5)]
            lines.append("")
    links = " · ".join(f"[page {other}]({other:05d}.md)" for other in sorted({(index + step) % count for step in (1, 7, 31)}))
    return "\n".join(lines + [f"See also {links}.", ""])


def write_plain_pages(folder: Path, count: int, seed: int = 0) -> Path:
    """``count`` plain pages (``make_plain_page``) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"{index:05d}.md").write_text(make_plain_page(index, count, seed), encoding="utf-8")
    return folder
