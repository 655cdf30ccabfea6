"""The house: the folder tree is the data flow (read -> analyze -> corpus -> publish), no
stage imports a later one, the graph stays shallow, each package says what goes in and out,
and analyzers share work only through the Document."""

import ast
import importlib.util
from pathlib import Path

from conftest import ROOT

GENERATOR = ROOT / "generator"


def load_script():
    spec = importlib.util.spec_from_file_location("importgraph", ROOT / "scripts" / "importgraph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_stage_imports_a_later_one_and_the_graph_has_at_most_six_levels():
    script = load_script()
    edges = script.graph()
    assert script.backward_imports(edges) == []
    assert len(script.longest_chain(edges)) <= 6, script.longest_chain(edges)
    assert edges["analyze.briefing"] and "site" not in edges["analyze.briefing"]


def test_the_check_catches_an_import_against_the_data_flow():
    script = load_script()
    edges = {"read.seeds": {"publish.pages"}, "publish.pages": {"model"}, "model": set()}
    assert script.backward_imports(edges) == [("read.seeds", "publish.pages")]


def test_every_package_says_what_goes_in_and_what_comes_out():
    for package in ("read", "analyze", "corpus", "publish"):
        doc = ast.get_docstring(ast.parse((GENERATOR / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and doc.startswith(f"{package}:"), package


def test_analyzers_share_no_module_level_cache():
    """Work shared between analyzers goes through the Document; only the lexicon's lookups
    of static data (places, word frequencies, given names) are memoized."""
    for path in sorted((GENERATOR / "analyze").glob("*.py")):
        if path.name == "lexicon.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                decorators = [ast.unparse(d) for d in node.decorator_list]
                assert not any("cache" in d for d in decorators), f"{path.name}: {node.name} is cached"
