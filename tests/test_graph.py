"""Relation graphs (issue 15): inline SVG made at build time, readable without script,
with a title and a description, escaping every name."""

import xml.etree.ElementTree as ET

from generator.publish.graph import Edge, relation_graph

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {"a": ("Acme <script>alert(1)</script> & Co", "organization"), "b": ('Beta "Air"', "organization"), "c": ("Jane Roe", "person")}
EDGES = [Edge("a", "b", "acquires or bids for", True), Edge("c", "a", "leads", True), Edge("a", "b", "acquires or bids for", True)]


def test_the_graph_is_well_formed_svg_with_a_title_and_a_description():
    svg = relation_graph(NAMES, EDGES, "Who does what in <b>A story</b>")
    root = ET.fromstring(svg)  # escaped names keep it well-formed
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Who does what in <b>A story</b>"
    assert "Jane Roe leads Acme <script>alert(1)</script> & Co" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "<script" not in svg  # the name is text, never markup
    assert len(root.findall(f"{SVG}line")) == 2  # the repeated relation is drawn once
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no external request


def test_the_graph_is_the_same_for_the_same_relations_and_empty_without_any():
    assert relation_graph(NAMES, EDGES, "t") == relation_graph(dict(NAMES), list(EDGES), "t")
    assert relation_graph(NAMES, [], "t") == ""


def test_the_centre_is_the_actor_of_the_page():
    from generator.publish.graph import HEIGHT, WIDTH

    root = ET.fromstring(relation_graph(NAMES, EDGES, "t", center="c"))
    jane = next(g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}text").text == "Jane Roe")
    rect = jane.find(f"{SVG}rect")
    assert abs(float(rect.get("x")) + float(rect.get("width")) / 2 - WIDTH / 2) < 1
    assert abs(float(rect.get("y")) + float(rect.get("height")) / 2 - HEIGHT / 2) < 1
