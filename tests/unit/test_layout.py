"""The shape of the package: one direction of travel, no circles, no Flask in the command line."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400


def module_name(path: Path) -> str:
    """Return the dotted module name of a file under the repository root."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Return the project modules a file imports (annotation-only imports under TYPE_CHECKING left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)}
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            out |= {base} | {f"{base}.{a.name}" for a in node.names}
    return {m for m in out if m.split(".")[0] in ("verifier", "scrapers")}


def graph() -> dict[str, set[str]]:
    """Return module -> the project modules it imports, for verifier and scrapers."""
    files = [p for pkg in ("verifier", "scrapers") for p in (ROOT / pkg).rglob("*.py")]
    names = {module_name(p): p for p in files}
    return {m: {t for t in imported_modules(p) if t in names and t != m} for m, p in names.items()}


def test_verifier_never_imports_scrapers():
    edges = [(m, t) for m, ts in graph().items() if m.startswith("verifier") for t in ts if t.startswith("scrapers")]
    assert edges == []


def test_no_import_circles():
    g = graph()
    seen: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        seen[m] = 1
        for t in sorted(g[m]):
            if seen.get(t) == 1 and not m.startswith(t + "."):  # a package's own __init__ importing its parts is fine
                cycles.append(stack[stack.index(t):] + [t] if t in stack else [m, t])
            elif t not in seen:
                visit(t, stack + [t])
        seen[m] = 2

    for m in sorted(g):
        if m not in seen:
            visit(m, [m])
    assert cycles == []


def test_no_module_over_the_size_limit():
    long = {str(p.relative_to(ROOT)): n for pkg in ("verifier", "scrapers") for p in (ROOT / pkg).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_command_line_imports_no_flask():
    out = subprocess.run([sys.executable, "-c", "import sys, verifier.cli; print(sorted(m for m in sys.modules "
                          "if m.split('.')[0] in ('flask', 'werkzeug', 'verifier') and m.startswith(('flask', 'werkzeug', 'verifier.web'))))"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
