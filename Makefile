.PHONY: run test eval bench
run:
	scripts/serve
test:
	scripts/test
eval:
	.venv/bin/python -m eval.run
bench:
	.venv/bin/python benchmarks/bench_match.py
