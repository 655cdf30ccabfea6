"""Actors an analyst can trust: one named case per class of failure seen on held-out news
(the articles here are written for the tests). Each says which actors the article has, of
which type, under which aliases, and which words are not actors."""

import datetime as dt
from pathlib import Path

import pytest

from generator.analyze.actors import extract_actors, is_nationality, recognize
from generator.analyze.briefing import analyze_all
from generator.analyze.document import Document
from generator.corpus.catalog import build_catalog
from generator.model import Article, Paragraph


def article(*paragraphs: str, title: str = "Wire story", date: dt.date = dt.date(1987, 3, 18), name: str = "story.txt") -> Article:
    return Article(
        path=Path(name), title=title, date=date, paragraphs=tuple(Paragraph(f"p{i}", "body", text, i) for i, text in enumerate(paragraphs, 1)), name=name
    )


def actors_of(*paragraphs: str, **kw) -> dict:
    return {a.name: a for a in extract_actors(Document.of(article(*paragraphs, **kw)))}


def test_the_dateline_place_is_where_the_story_was_filed_not_an_actor():
    found = actors_of("NEW YORK, March 3 - Acme Corp said it would buy Beta Air Inc.", "Beta Air Inc shares rose.")
    assert "NEW YORK" not in found and "York" not in found
    assert {"Acme Corp", "Beta Air Inc"} <= set(found)
    document = Document.of(article("ORLANDO, Fla., March 18 - Harcourt Brace Jovanovich Inc said it agreed."))
    assert document.dateline.place == "ORLANDO, Fla."
    assert "Fla" not in {a.name for a in extract_actors(document)}


def test_a_dateline_place_named_again_in_the_story_is_an_actor():
    found = actors_of("CHICAGO, June 2 - Allegis Corp said it owns hotels in San Francisco and Chicago.")
    assert found["Chicago"].type == "place"


def test_the_story_after_the_dateline_starts_a_sentence():
    found = actors_of("WASHINGTON, June 2 - A New York investment partnership asked the Department of Transportation to act.")
    assert found["New York"].type == "place" and "York" not in found and "A New York" not in found
    assert found["Department of Transportation"].type == "organization"


@pytest.mark.parametrize("word", ["Canadian", "French", "North American", "Western Canadian", "Canadian-dlr", "Japanese"])
def test_an_adjective_of_nationality_is_not_an_actor(word):
    assert is_nationality(word)
    found = actors_of(f"The {word} group said sales rose, and Acme Corp agreed.")
    assert word not in found and "Acme Corp" in found


def test_recognition_still_finds_nationalities_for_ner():
    names = {a.name for a in recognize(Document.of(article("LONDON 1996-08-30", "The match saw the West Indian all-rounder Phil Simmons take four wickets.")))}
    assert "West Indian" in names and "LONDON" in names


@pytest.mark.parametrize(
    "text, name",
    [
        ("Harper and Row Publishers Inc said it would consider the bid. Harper and Row shares rose.", "Harper and Row Publishers Inc"),
        ("The offer was made through Jefferies and Co, the brokerage said.", "Jefferies and Co"),
        ("The Securities and Exchange Commission opened an inquiry.", "Securities and Exchange Commission"),
        ("Audio/Video Affiliates Inc raised its offer.", "Audio/Video Affiliates Inc"),
        ("Royal Dutch/Shell Group declined to comment.", "Royal Dutch/Shell Group"),
    ],
)
def test_one_firm_with_and_or_a_slash_in_its_name_stays_whole(text, name):
    found = actors_of(text)
    assert name in found and found[name].type == "organization", sorted(found)


def test_two_firms_joined_by_and_stay_two():
    found = actors_of("Chrysler Corp agreed to buy American Motors Corp.", "Chrysler and American Motors Corp signed the deal.")
    assert "Chrysler and American Motors Corp" not in found
    assert {"Chrysler Corp", "American Motors Corp"} <= set(found)
    found = actors_of("GAC and Dongfeng Motor Group will build the cars, GAC said.")
    assert "GAC and Dongfeng Motor Group" not in found and {"GAC", "Dongfeng Motor Group"} <= set(found)


def test_an_analyst_and_the_firm_are_two_actors():
    found = actors_of("Jack Kirnan of Kidder Peabody and Co said the price was fair.")
    assert found["Jack Kirnan"].type == "person"
    assert found["Kidder Peabody and Co"].type == "organization"
    assert "Jack Kirnan of Kidder Peabody and Co" not in found


def test_a_company_and_its_country_are_two_actors():
    found = actors_of("News Corp Ltd of Australia bought the publisher.")
    assert "News Corp Ltd" in found and found["Australia"].type == "place"


def test_a_ticker_and_an_acronym_are_aliases_of_the_company():
    found = actors_of(
        "Dome Petroleum Ltd (DMP.MO) said it would sell assets.",
        "American Motors Corp agreed to the bid. AMC shares rose, and Dome said DMP.MO fell.",
    )
    assert {"DMP.MO", "Dome"} <= set(found["Dome Petroleum Ltd"].aliases)
    assert "AMC" in found["American Motors Corp"].aliases
    assert "AMC" not in found and "DMP.MO" not in found


def test_a_short_form_resolves_to_the_long_form():
    found = actors_of(
        "TransCanada PipeLines Ltd offered to buy the company. TransCanada said the bid was fair.",
        "Harcourt Brace Jovanovich Inc raised its offer, and Harcourt said it would wait.",
    )
    assert "TransCanada" in found["TransCanada PipeLines Ltd"].aliases
    assert "Harcourt" in found["Harcourt Brace Jovanovich Inc"].aliases


def test_a_parent_and_its_unit_stay_two_companies():
    found = actors_of(
        "Amoco Corp said its Amoco Canada Petroleum Co Ltd unit would bid. Amoco said the offer was final.",
        "Citicorp Capital Investors Ltd joined the group, and Citicorp said it approved.",
    )
    assert "Amoco" not in found.get("Amoco Canada Petroleum Co Ltd").aliases
    assert "Citicorp" in found and "Citicorp Capital Investors Ltd" in found


def test_a_misspelling_of_a_company_folds_into_it_but_not_of_a_person():
    found = actors_of("Cyclops Corp rejected the bid. Cyclop said the offer was too low, and Amerian Motors agreed with American Motors.")
    assert "Cyclop" in found["Cyclops Corp"].aliases and "Amerian Motors" in found["American Motors"].aliases
    found = actors_of("Mary Jordan met Mary Gordan on Tuesday; Jordan said they agreed.")
    assert "Mary Gordan" in found and "Mary Gordan" not in found["Mary Jordan"].aliases


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Renault said it would sell its stake, and Renault's shares fell.", "Renault", "organization"),
        ("Nova said it owns 43 pct of the company, and shares of Nova rose.", "Nova", "organization"),
        ("The Westin Hotels chain was sold to Hilton International.", "Hilton International", "organization"),
        ("Oil was found in Alberta, near Montreal and in the Northeast.", "Alberta", "place"),
        ("Oil was found in Alberta, near Montreal and in the Northeast.", "Montreal", "place"),
        ("Theodore Cross said he would raise his bid.", "Theodore Cross", "person"),
        ("Regie Nationale des Usines Renault said it agreed.", "Regie Nationale des Usines Renault", "organization"),
        ("General Dynamics said it won the contract, and General Holdings agreed.", "General Dynamics", "organization"),
        ("The plan, General Smith said, was approved by Acme Corp.", "Smith", "person"),
        ("Smith and Jones Ltd said it would appeal.", "Smith and Jones Ltd", "organization"),
        # a company that speaks of itself as "it" after a time or a source, or has shares
        ("Stellantis said on Tuesday it would invest 3 billion euros.", "Stellantis", "organization"),
        ("Norvexa said last week that its sales fell.", "Norvexa", "organization"),
        ("Zentrum Solar said in a statement it would appeal.", "Zentrum Solar", "organization"),
        ("Analysts said the move would hurt Volvex, whose shares fell 8% after the news.", "Volvex", "organization"),
        ("Jane Carter said on Tuesday she would resign.", "Jane Carter", "person"),
    ],
)
def test_types_come_from_evidence(text, name, kind):
    found = actors_of(text)
    assert found[name].type == kind, {a.name: a.type for a in found.values()}


@pytest.mark.parametrize("junk", ["U.S. Expired", "U.K. Retail", "We've", "Yes", "Chicago-based Amoco", "Dixon-Cyclop", "RENA.PA", "Q3", "H2", "FY2024", "Chapter", "Mo", "Dynamics"])
def test_sentence_words_and_glued_forms_are_not_actors(junk):
    found = actors_of(
        "Options on stocks in the U.S. Expired options were cheap, traders said. Prices in the U.K. Retail sales rose.",
        '"We\'ve made our offer," he said. "Yes, we will wait." Chicago-based Amoco Corp said Dixon-Cyclop talks failed.',
        "Dixon and Cyclop did not comment. Regie Nationale des Usines Renault RENA.PA said it agreed.",
        "Profit rose in Q3 and will rise in H2 and in FY2024, under Chapter 11 rules, said General Dynamics of St. Louis, Mo., on Tuesday.",
    )
    assert junk not in found
    assert "U.S." in found and "Amoco Corp" in found


@pytest.mark.parametrize("junk", ["Regulators", "Acme Corp. Regulators", "Shares of Acme Corp", "Shares", "Authorities"])
def test_a_plural_that_opens_a_sentence_and_a_name_ending_a_sentence_make_no_actor(junk):
    """"... Acme Corp. Regulators said": the name ends at its suffix and the sentence with
    it; a plain plural opening sentences ("Regulators", "Shares of ...") names no one."""
    found = actors_of(
        "Regulators in Ohio are reviewing the deal, a process that could take a year.",
        "Analysts said the move would hurt Acme Corp. Regulators in Texas declined to comment.",
        "Shares of Acme Corp fell 4 pct. Authorities in Texas said they were told of the deal.",
    )
    assert junk not in found
    assert "Acme Corp" in found or "Acme Corp." in found


def test_one_page_per_real_entity_across_articles():
    """A company typed differently by one article is still one page; two people with the
    same surname stay two."""
    first = article("Renault said it would sell its stake in American Motors Corp.", name="a.txt", title="A")
    second = article("Renault agreed with Chrysler Corp. Renault said it agreed, and Renault's shares rose.", name="b.txt", title="B")
    third = article("Renault Group sold its stake, and Renault said it was pleased.", name="c.txt", title="C")
    people = article("Dana Quinn, an analyst, said the bid was low.", name="d.txt", title="D")
    others = article("R. T. Quinn, the company's lawyer, said the bid was fair.", name="e.txt", title="E")
    briefings, problems = analyze_all((first, second, third, people, others))
    catalog = build_catalog(briefings)
    renault = {catalog.actor_slug[(b.slug, "Renault")] for b in briefings if any(a.name == "Renault" for a in b.actors)}
    assert len(renault) == 1
    quinns = {catalog.actor_slug[(b.slug, a.name)] for b in briefings for a in b.actors if "Quinn" in a.name}
    assert len(quinns) == 2


def test_the_corpus_id_and_type_are_in_the_json(tmp_path):
    from generator.publish.exports import briefing_to_dict, corpus_actors

    briefings, _ = analyze_all((article("Acme Corp said it agreed.", name="a.txt", title="A"), article("Acme Corp said no.", name="b.txt", title="B")))
    catalog = build_catalog(briefings)
    ids = [briefing_to_dict(b, corpus_actors(catalog, b))["actors"][0]["id"] for b in briefings]
    assert ids == ["acme-corp", "acme-corp"]


def test_explain_actor_gives_the_evidence_of_each_merge(tmp_path):
    from conftest import run_briefing

    (tmp_path / "a.txt").write_text("date 1987-03-09 Renault deal\n\nPARIS, March 9 - Regie Nationale des Usines Renault RENA.PA said it agreed. Renault said it was pleased.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 1987-03-10 Renault again\n\nRenault said it would sell, and Renault's shares rose.\n", encoding="utf-8")
    result = run_briefing("explain-actor", "renault", "--seeds", tmp_path, "-f", tmp_path / "none.yml")
    assert result.returncode == 0, result.stderr
    assert "actors/regie-nationale-des-usines-renault/" in result.stdout
    assert "RENA.PA: ticker written after 'Regie Nationale des Usines Renault'" in result.stdout
    assert "Renault: the name that ends 'Regie Nationale des Usines Renault'" in result.stdout
    assert "type organization: votes organization" in result.stdout
    assert run_briefing("explain-actor", "Nobody", "--seeds", tmp_path, "-f", tmp_path / "none.yml").returncode == 1


def test_the_dateline_is_metadata_of_the_briefing():
    briefings, _ = analyze_all((article("NEW YORK, March 3 - Acme Corp said it agreed."),))
    assert briefings[0].dateline == "NEW YORK"


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Dana Quinn, an analyst at Acme Securities, said the bid was low.", "Dana Quinn", "analyst at Acme Securities"),
        ("Swiss cement firm Holcim agreed to buy the group.", "Holcim", "Swiss cement firm"),
        ("Chief executive Maria Lopez said the plant would open.", "Maria Lopez", "Chief executive"),
        ("The deal was backed by Peter Tom, who will remain as chief executive.", "Peter Tom", "who will remain as chief executive"),
    ],
)
def test_a_role_is_what_the_article_says_the_actor_is_in_few_words(text, name, role):
    actor = actors_of(text)[name]
    assert actor.role == role and actor.role in text


def test_a_role_without_a_description_is_at_most_eight_words_of_the_article():
    text = "Acme Corp said on Tuesday that it would build a large new plant in the north of the country next year."
    actor = actors_of(text)["Acme Corp"]
    assert len(actor.role.replace("…", "").split()) <= 8 and actor.role.strip("… ") in text


@pytest.mark.parametrize(
    "text, relation",
    [
        ("Swiss firm Holcim agreed to buy Aggregate Industries for $2 billion.", ("Holcim", "acquire", "Aggregate Industries")),
        ("Aggregate Industries said it had agreed a takeover by Holcim.", ("Holcim", "acquire", "Aggregate Industries")),
        ("Peter Tom, chief executive of Aggregate Industries, said the deal was fair.", ("Peter Tom", "lead", "Aggregate Industries")),
        ('"It is cheap," said KK Mittal, a fund manager with Escorts Mutual Fund.', ("KK Mittal", "member", "Escorts Mutual Fund")),
        ("UK-based firm Aggregate Industries agreed.", ("Aggregate Industries", "locate", "UK")),
        ("Beta Air, a unit of Acme Corp, said sales rose.", ("Acme Corp", "own", "Beta Air")),
        ("Huawei Technologies is partnering with Seres Group Inc. on the cars.", ("Huawei Technologies", "partner", "Seres Group Inc.")),
    ],
)
def test_relations_the_article_states(text, relation):
    from generator.analyze.relations import extract_relations

    document = Document.of(article(text))
    found = {(r.subject, r.type, r.object) for r in extract_relations(document, extract_actors(document))}
    assert relation in found, found


def test_a_pronoun_subject_and_a_list_of_objects():
    from generator.analyze.relations import extract_relations

    document = Document.of(article("Holcim Ltd said sales rose.", "It plans to buy Associated Cement Companies, Ambuja Cement Eastern and Ambuja Cement India Ltd."))
    found = {(r.subject, r.type, r.object) for r in extract_relations(document, extract_actors(document))}
    assert {("Holcim Ltd", "acquire", o) for o in ("Associated Cement Companies", "Ambuja Cement Eastern", "Ambuja Cement India Ltd")} <= found


def test_no_relation_the_article_does_not_state():
    from generator.analyze.relations import extract_relations

    document = Document.of(article("Acme Corp and Beta Air reported results on Tuesday. Gamma Inc said nothing about Delta Corp."))
    assert extract_relations(document, extract_actors(document)) == ()
