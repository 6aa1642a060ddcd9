// The calculators engine: Pyodide plus the `calculators` wheel, in one module Web Worker.
// Published by hooks/engine.py next to the Pyodide runtime in assets/engine/<version>/, so every
// URL here is relative to this file. Nothing calculator-specific lives in JavaScript.
//
// Messages from the page:   {id, type: "run" | "export" | "fields", name, params?, format?}
// Messages to the page:     {type: "progress", loaded}           bytes of engine files received so far
//                           {type: "ready", ms}                  engine started (ms since the worker began)
//                           {type: "failed", message}            the engine cannot start
//                           {id, ok: true, value} | {id, ok: false, message}   one reply per request
import { loadPyodide } from "./pyodide.mjs";

const started = performance.now();
let loaded = 0;
let lastPost = 0;
let failed = false;
let active = 0; // engine downloads still streaming

function fail(message) {
  if (failed) return;
  failed = true;
  postMessage({ type: "failed", message: String(message) });
}

function progress(force) {
  const now = performance.now();
  if (force || now - lastPost > 100) {
    lastPost = now;
    // idle: no download is running, so what follows is start-up work, not a stalled network.
    postMessage({ type: "progress", loaded, idle: active === 0 });
  }
}

// Count the engine's bytes as they arrive (for the progress bar) and notice a blocked or failed
// download at once: Pyodide's loadPyodide hangs instead of rejecting when the .wasm cannot load.
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async function (input, init) {
  active += 1;
  progress(true);
  let response;
  try {
    response = await realFetch(input, init);
  } catch (err) {
    active -= 1;
    fail("A file of the calculator engine could not be downloaded.");
    throw err;
  }
  if (!response.ok || !response.body) {
    active -= 1;
    if (!response.ok) fail(`A file of the calculator engine could not be downloaded (HTTP ${response.status}).`);
    progress(true);
    return response;
  }
  // Count bytes on a clone and hand Pyodide the network's own Response: a rebuilt Response has no
  // URL, which stops V8 from using its compiled-wasm cache (a return visit then recompiles
  // everything; measured by benchmarks/: warm start 30 to 40 % slower).
  const reader = response.clone().body.getReader();
  (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        progress(false);
      }
    } catch (err) { /* the original stream reports the error to Pyodide */ }
    active -= 1;
    progress(true);
  })();
  return response;
};

const PY_SETUP = `
import json
import calculators

def _engine_call(kind, name, payload):
    params = json.loads(payload) if payload else {}
    if kind == "run":
        out = calculators.run(name, params)
        return json.dumps({"ok": out["ok"], "errors": out["errors"], "html": out["html"],
                           "warnings": out.get("warnings", [])})
    if kind == "export":
        return json.dumps({"text": calculators.export(name, params.get("params"), params.get("format"))})
    if kind == "fields":
        return json.dumps({"fields": calculators.fields(name)})
    raise ValueError("unknown request")
_engine_call
`;

let call = null;

const phases = {}; // ms since the worker began, for benchmarks
const engine = (async () => {
  const here = new URL("./", import.meta.url).href;
  phases.imported = Math.round(performance.now() - started);
  const pyodide = await loadPyodide({
    indexURL: here,
    lockFileURL: new URL("./pyodide-lock.json", import.meta.url).href,
    stdout: () => {},
    stderr: () => {},
  });
  phases.python = Math.round(performance.now() - started);
  await pyodide.loadPackage("calculators", { messageCallback: () => {}, errorCallback: (m) => fail(m) });
  phases.wheel = Math.round(performance.now() - started);
  call = pyodide.runPython(PY_SETUP);
  phases.imported_calculators = Math.round(performance.now() - started);
  return pyodide;
})();

engine.then(
  () => { if (!failed) postMessage({ type: "ready", ms: Math.round(performance.now() - started), phases }); },
  (err) => fail((err && err.message) || err),
);

async function handle(msg) {
  await engine;
  const payload = msg.type === "export"
    ? JSON.stringify({ params: msg.params || {}, format: msg.format })
    : JSON.stringify(msg.params || {});
  return JSON.parse(call(msg.type, String(msg.name), payload));
}

// Requests are answered strictly in order, one at a time.
let queue = Promise.resolve();
addEventListener("message", (event) => {
  const msg = event.data || {};
  if (typeof msg.id !== "number") return;
  let t0 = 0;
  queue = queue.then(() => { t0 = performance.now(); return handle(msg); }).then(
    (value) => postMessage({ id: msg.id, ok: true, value, ms: performance.now() - t0 }),
    (err) => postMessage({ id: msg.id, ok: false, message: String((err && err.message) || err) }),
  );
});
