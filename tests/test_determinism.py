"""The same seeds give the same analysis whatever the process's hash seed: nothing that
decides an output may follow the order of a set of strings (a tie broken by it, a float sum
over it). Each article is analyzed in processes with different PYTHONHASHSEED values."""

import os
import subprocess
import sys

from benchmarks.corpus import write_corpus
from conftest import FIXTURES, ROOT

SCRIPT = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd()))
from generator.analyze.briefing import analyze
from generator.read.seeds import read_seed
paths = [path for folder in sys.argv[1:] for path in sorted(Path(folder).glob("*.txt"))]
for path in paths:
    briefing = analyze(read_seed(path))
    print(path.name, hashlib.sha256((repr(briefing) + repr(briefing.words)).encode()).hexdigest())
"""


def test_the_analysis_is_the_same_whatever_the_hash_seed(tmp_path):
    synthetic = write_corpus(tmp_path / "corpus", 40)
    outputs = []
    for seed in (1, 2, 3):
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(ROOT / "seeds"), str(FIXTURES / "corpus"), str(synthetic)],
            cwd=ROOT, env=dict(os.environ, PYTHONHASHSEED=str(seed)), capture_output=True, text=True, check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0].count("\n") > 40
    assert outputs[0] == outputs[1] == outputs[2]
