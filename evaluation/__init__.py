"""evaluation: the quality of the analysis on human-annotated data, outside the shipped
core (it needs the test dependencies, rouge-score among them, and the research-licensed
data in ../shared/eval). ``make eval`` runs ``briefing evaluate all ../shared/eval``; the
quality gate in ``tests/test_quality_gate.py`` pins floors on the same scores."""
