"""The calculators give byte-identical JSON in CPython and in real Pyodide (Python 3.14, WebAssembly).

For every registered calculator: at least 200 generated scenarios, the whole bad-input corpus, CSV and
JSON exports, and fields(). Node.js runs tests/pyodide/run_calculators.mjs with npm's pyodide package.
"""
import json
import random
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

import calculators
from tests.calculators.corpus import bad_cases
from tests.pyodide.scenarios import scenarios

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "pyodide" / "run_calculators.mjs"
PER_CALCULATOR = 200
NAMES = calculators.names()


def cases_for(name):
    rng = random.Random(zlib.crc32(name.encode()))  # seeded: the same scenarios every run
    fields = calculators.fields(name)
    generated = scenarios(name, fields, PER_CALCULATOR, rng)
    cases = [["run", name, p] for p in generated]
    cases += [["run", name, p] for p, _ in bad_cases(name)]
    cases += [["export", name, p, fmt] for p in generated[:10] for fmt in calculators.formats(name)]
    cases += [["fields", name], ["run", name, {}]]
    return cases


def answer(case):
    """What the Node runner computes, computed here in CPython the same way."""
    kind, *args = case
    try:
        fn = {"run": calculators.run, "export": calculators.export, "fields": calculators.fields,
              "names": calculators.names}[kind]
        return json.dumps(fn(*args), sort_keys=True)
    except Exception as exc:  # the runner reports exceptions the same way
        return json.dumps({"raised": type(exc).__name__ + ": " + str(exc)})


@pytest.fixture(scope="session")
def parity(tmp_path_factory):
    """{name: (cases, cpython answers, pyodide answers)}, with one Pyodide start for everything."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the Pyodide parity test"
    assert (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists(), "run npm ci first"
    per_name = {name: cases_for(name) for name in NAMES}
    everything = [["names"]] + [c for name in NAMES for c in per_name[name]]
    path = tmp_path_factory.mktemp("pyodide") / "cases.json"
    path.write_text(json.dumps(everything), encoding="utf-8")  # NaN/Infinity kept, as Python reads them
    proc = subprocess.run([node, str(RUNNER), str(path)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    answers = out["answers"]
    assert len(answers) == len(everything)
    result, i = {"__names__": (everything[:1], [answer(everything[0])], answers[:1], out["python"])}, 1
    for name in NAMES:
        n = len(per_name[name])
        result[name] = (per_name[name], [answer(c) for c in per_name[name]], answers[i:i + n], out["python"])
        i += n
    return result


def test_runs_on_pyodide_python_314(parity):
    cases, cpy, pyo, version = parity["__names__"]
    assert version.startswith("3.14.")
    assert cpy == pyo


@pytest.mark.parametrize("name", NAMES)
def test_same_json_in_cpython_and_pyodide(parity, name):
    cases, cpy, pyo, _ = parity[name]
    runs = [c for c in cases if c[0] == "run"]
    assert len(runs) >= PER_CALCULATOR + 50
    ok = sum(1 for c, a in zip(cases, cpy) if c[0] == "run" and json.loads(a).get("ok") is True)
    bad = [json.loads(a)["errors"] for c, a in zip(cases, cpy) if c[0] == "run" and not json.loads(a).get("ok")]
    assert ok >= PER_CALCULATOR * 0.8, f"only {ok} generated scenarios were valid: {bad[:3]}"
    assert not any('"raised"' in a[:12] for a in cpy), "CPython raised"
    mismatches = [(c, a, b) for c, a, b in zip(cases, cpy, pyo) if a != b]
    assert not mismatches, (f"{len(mismatches)} of {len(cases)} differ; first: {str(mismatches[0][0])[:300]}\n"
                            f"CPython: {mismatches[0][1][:600]}\nPyodide: {mismatches[0][2][:600]}")
