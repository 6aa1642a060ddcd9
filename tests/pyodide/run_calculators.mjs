// Runs the calculators package inside real Pyodide (Node.js, npm's `pyodide`, core only).
//
//   node tests/pyodide/run_calculators.mjs CASES.json
//
// CASES.json is written by Python's json.dumps (NaN and Infinity allowed, as Python writes them):
//   [["run", name, params], ["export", name, params, fmt], ["fields", name], ["names"]]
// Prints one JSON array: for each case, the JSON text (json.dumps(..., sort_keys=True)) of its
// answer, or {"raised": "<exception>"} if it raised. The test compares these strings with CPython's.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const casesPath = process.argv[2];
if (!casesPath) {
  console.error("usage: node run_calculators.mjs CASES.json");
  process.exit(2);
}

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
const target = "/home/pyodide/calculators";
pyodide.FS.mkdirTree(target);
for (const file of readdirSync(join(root, "calculators"))) {
  if (file.endsWith(".py")) {
    pyodide.FS.writeFile(`${target}/${file}`, readFileSync(join(root, "calculators", file), "utf8"));
  }
}
pyodide.FS.writeFile("/home/pyodide/cases.json", readFileSync(casesPath, "utf8"));

const out = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
sys.dont_write_bytecode = True
import calculators

def answer(case):
    kind, *args = case
    try:
        if kind == "run":
            value = calculators.run(*args)
        elif kind == "export":
            value = calculators.export(*args)
        elif kind == "fields":
            value = calculators.fields(*args)
        else:
            value = calculators.names()
        return json.dumps(value, sort_keys=True)
    except Exception as exc:
        return json.dumps({"raised": type(exc).__name__ + ": " + str(exc)})

with open("/home/pyodide/cases.json", encoding="utf-8") as fh:
    cases = json.load(fh)
json.dumps({"python": sys.version.split()[0], "answers": [answer(c) for c in cases]})
`);
process.stdout.write(out);
