"""A name reads the same in every process: no answer may depend on Python's hash seed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Uzbek legal forms written with a typo: two spellings of the form fold to the same letters.
NAMES = ["Invented Savdo masuliyati cheklangan jamiyatt", "Invented Savdo mas'uliyati cheklangan jamiyati",
         "Invented Savdo masuliyati cheklanga jamiyat", "Invented Savdo masuliyati chekangan zhamiyat"]
PROGRAM = ("import json, sys\nfrom verifier.names.normalize import name_key\n"
           "print(json.dumps([(k.key, k.legal_forms, k.notes) for k in map(name_key, json.loads(sys.argv[1]))]))")


def read_in_process(seed: str) -> list:
    """Give the name keys, forms and notes as a process with this hash seed reads them."""
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", PROGRAM, json.dumps(NAMES)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_legal_forms_with_a_typo_are_named_the_same_whatever_the_hash_seed():
    readings = [read_in_process(seed) for seed in ("0", "1", "2", "3")]
    assert all(r == readings[0] for r in readings[1:]), readings
    assert all(notes for _, _, notes in readings[0])  # each name had a legal form taken off
