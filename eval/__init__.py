"""Labelled evaluation of the matcher and verdict on the real saved registries.

`python -m eval.build_cases` writes eval/cases.jsonl from the registry database (how the cases are
made and labelled: its docstring); `python -m eval.run` prints the figures; tests/test_eval.py
holds the floors.
"""
