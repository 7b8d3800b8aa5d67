"""Write the learn test corpus: text dumps of three invented sites (pages/<site>/), and their gold bodies.

    python tests/data/learn/make_corpus.py

Each site has its own recurring chrome (menus, footers, teaser and counter lines whose numbers change
from page to page, a disclaimer on every page) around distinct stories. Harbor Gazette carries one story
four times (crawled twice, syndicated twice); three Northfield Courier stories repeat the same quote.
"""

from __future__ import annotations

import json
from pathlib import Path

from stories import HARBOR, NORTHFIELD, VALLEY

HERE = Path(__file__).resolve().parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def harbor_page(n: int, headline: str, paragraphs: list[str], byline: str) -> str:
    p = paragraphs
    most_read = [h for h, _ in HARBOR if h != headline][:3]
    lines = [
        f"{headline} | Port | Harbor Gazette | {n + 3:02d}.0{n % 9 + 1}.2024", "",
        "Skip to content", "News", "Port", "Sport", "Culture", "Opinion", "Subscribe", "",
        headline, "", f"{byline} | Updated {(n * 7) % 24:02d}:{(n * 17) % 60:02d} GMT", "",
        f"Listen to this article {n % 5 + 3} min", "",
        p[0], "", p[1], "",
        f"Harbor Gazette is independent and funded by its readers. Support our journalism from as little as £{n % 4 + 2} a month.", "",
        "Story continues below", "",
        *[x for para in p[2:-1] for x in (para, "")],
        f"Pictures of the week ({10 + n})", "",
        p[-1], "",
        "Sign up for The Quay, our free morning briefing", "",
        "Most read", *[f"{i}. {h}" for i, h in enumerate(most_read, start=1)], "",
        f"© 2024 Harbor Gazette Media Ltd. Registered in the harbour district, company no. {40210 + n}", "",
    ]
    return "\n".join(lines)


def northfield_page(n: int, headline: str, paragraphs: list[str]) -> str:
    p = paragraphs
    more = [h for h, _ in NORTHFIELD if h != headline][:3]
    lines = [
        f"{headline} - Northfield Courier", "",
        "Northfield Courier", "Menu", "Local | Business | Sport | Opinion | Weather", "",
        headline, "",
        f"Published {n + 2} {MONTHS[n % 10]} 2024, {n % 11 + 1}:{(n * 13) % 60:02d} pm", "",
        f"{n % 6 + 2} min read", "",
        p[0], "",
        f"Get the Courier's weekend edition delivered for ${n % 3 + 1}.{(n * 25) % 100:02d} a week", "",
        p[1], "",
        "Trending in Northfield", "",
        *[x for para in p[2:] for x in (para, "")],
        "Tell us what you think: letters@northfield-courier.example", "",
        "The Northfield Courier is a member of the Independent Press Standards Organisation. Contact us about corrections.", "",
        f"Jump to comments ({n * 3 + 1})", "",
        "More from the Courier", *[f"- {h}" for h in more], "",
    ]
    return "\n".join(lines)


def valley_page(n: int, headline: str, paragraphs: list[str]) -> str:
    p = paragraphs
    lines = [
        f"# {headline} - Valley Times", "",
        "[Skip to main content](#main)", "",
        "[Valley Times](https://valleytimes.example/)", "",
        "  * [News](https://valleytimes.example/news)",
        "  * [Farming](https://valleytimes.example/farming)",
        "  * [Events](https://valleytimes.example/events)", "",
        f"## {headline}", "",
        f"Valley Times staff · {MONTHS[n % 10]} {n + 4}, 2024 · {n * 2 + 3} comments", "",
        p[0], "", p[1], "",
        "**Valley Times newsroom** · Tip us off: news@valleytimes.example", "",
        p[2], "",
        f"_Weather on the valley floor today: {n + 11}°C, light winds_", "",
        *[x for para in p[3:] for x in (para, "")],
        "Donate to keep local news free in the valley", "",
        "[Back to all stories](https://valleytimes.example/news)", "",
    ]
    return "\n".join(lines)


def syndicated(paragraphs: list[str], note: str) -> list[str]:
    """The same story as a partner printed it: a first line credited to the partner, the rest as it was."""
    return [f"{note} {paragraphs[0]}", *paragraphs[1:]]


def pages() -> list[tuple[str, str, str, list[str]]]:
    """(site dir, page id, dump, gold paragraphs) for every page of the corpus."""
    out = []
    for n, (headline, paragraphs) in enumerate(HARBOR, start=1):
        out.append(("harbor", f"harbor-{n:02d}", harbor_page(n, headline, paragraphs, "By Mara Quinn"), paragraphs))
    headline, paragraphs = HARBOR[-1]
    copies = [
        ("By Mara Quinn", paragraphs),
        ("By Island Post staff", syndicated(paragraphs, "(Island Post)")),
        ("By Tom Reyes, Island Post", syndicated(paragraphs, "ISLAND POST \u2014")),
    ]
    for n, (byline, text) in enumerate(copies, start=len(HARBOR) + 1):
        out.append(("harbor", f"harbor-{n:02d}", harbor_page(n, headline, text, byline), text))
    for n, (headline, paragraphs) in enumerate(NORTHFIELD, start=1):
        out.append(("northfield", f"northfield-{n:02d}", northfield_page(n, headline, paragraphs), paragraphs))
    for n, (headline, paragraphs) in enumerate(VALLEY, start=1):
        out.append(("valley", f"valley-{n:02d}", valley_page(n, headline, paragraphs), paragraphs))
    return out


def main() -> None:
    truth = []
    for site, page_id, dump, gold in pages():
        (HERE / "pages" / site).mkdir(parents=True, exist_ok=True)
        (HERE / "pages" / site / f"{page_id}.txt").write_text(dump, encoding="utf-8")
        truth.append({"id": page_id, "site": site, "body": "\n\n".join(gold)})
    with open(HERE / "truth.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in truth)


if __name__ == "__main__":
    main()
