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


NETWORK_MODULES = ("urllib.request", "urllib.robotparser", "http.client", "socket", "ssl", "feedparser", "requests", "urllib3", "httpx")


def _imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.update({node.module, *(f"{node.module}.{a.name}" for a in node.names)})
    return found


def test_only_the_ingest_package_opens_network_connections():
    """build and serve never reach the network: no module outside generator/ingest imports a
    network client (trafilatura is only given bytes, in read/html.py)."""
    for path in sorted(GENERATOR.rglob("*.py")):
        if path.relative_to(GENERATOR).parts[0] == "ingest":
            continue
        used = {m for m in _imported_modules(path) if any(m == n or m.startswith(n + ".") for n in NETWORK_MODULES)}
        assert not used, f"{path.relative_to(GENERATOR)} imports {sorted(used)}"


def test_ingest_imports_only_read_and_the_shared_modules_and_never_mkdocs():
    script = load_script()
    edges = script.graph()
    assert any(name.startswith("ingest.") for name in edges)
    for name, targets in edges.items():
        if name.startswith("ingest"):
            assert all(t.split(".")[0] in ("ingest", "read") or script.rank(t) == -1 for t in targets), (name, targets)
            assert not any(m.split(".")[0] == "mkdocs" for m in _imported_modules(script.modules()[name])), name
    caught = {"ingest.intake": {"publish.pages", "read.seeds"}, "read.seeds": {"ingest.feeds"}, "cli": {"ingest.intake"}, "publish.pages": set(), "ingest.feeds": set()}
    assert script.backward_imports(caught) == [("ingest.intake", "publish.pages"), ("read.seeds", "ingest.feeds")]
