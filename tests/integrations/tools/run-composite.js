#!/usr/bin/env node
// run-composite.js ACTION_DIR WORKSPACE TEMP [NAME=VALUE ...]
//
// Runs a composite action's steps the way the GitHub Actions runner does, for a test that
// has no runner: inputs with their defaults; `${{ inputs.X }}`, `${{ github.action_path }}`
// and `${{ steps.ID.outputs.X }}` expanded (any other expression is an error, so nothing is
// silently mis-evaluated); inputs NOT exported as INPUT_* (composite actions do not);
// `shell: bash` as `bash --noprofile --norc -eo pipefail FILE`; per-step GITHUB_OUTPUT
// read back into step outputs; GITHUB_PATH prepended for later steps; GITHUB_STEP_SUMMARY
// appended to TEMP/summary.md; the working directory is WORKSPACE. Steps stop at the
// first failure, like a composite action without continue-on-error.
//
// Step logs go to TEMP/log.txt; a JSON report goes to stdout:
//   { "conclusion": "success"|"failure", "failed_step": NAME|null, "exit_code": N,
//     "outputs": { action outputs } }
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const yaml = require("js-yaml");

const [actionDir, workspace, temp, ...pairs] = process.argv.slice(2);
if (!actionDir || !workspace || !temp) {
  console.error("usage: run-composite.js ACTION_DIR WORKSPACE TEMP [NAME=VALUE ...]");
  process.exit(2);
}
const action = yaml.load(fs.readFileSync(path.join(actionDir, "action.yml"), "utf8"));
if (!action.runs || action.runs.using !== "composite") throw new Error("not a composite action");

const inputs = {};
for (const [name, spec] of Object.entries(action.inputs || {})) inputs[name] = spec.default ?? "";
for (const pair of pairs) {
  const eq = pair.indexOf("=");
  const name = pair.slice(0, eq);
  if (!(name in inputs)) throw new Error(`unknown input ${name}`);
  inputs[name] = pair.slice(eq + 1);
}
const stepOutputs = {};
function expand(text) {
  return String(text).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr) => {
    let m;
    if ((m = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr))) {
      if (!(m[1] in inputs)) throw new Error(`undefined input in ${expr}`);
      return inputs[m[1]];
    }
    if (expr === "github.action_path") return path.resolve(actionDir);
    if ((m = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expr)))
      return (stepOutputs[m[1]] || {})[m[2]] ?? "";
    throw new Error(`expression not supported by this runner stand-in: ${expr}`);
  });
}

fs.mkdirSync(temp, { recursive: true });
const log = path.join(temp, "log.txt");
const summary = path.join(temp, "summary.md");
fs.writeFileSync(log, "");
let pathPrefix = [];
let report = { conclusion: "success", failed_step: null, exit_code: 0, outputs: {} };
action.runs.steps.forEach((step, i) => {
  if (report.conclusion !== "success") return;
  if (step.shell !== "bash") throw new Error(`step ${i}: only shell: bash is supported`);
  const dir = fs.mkdtempSync(path.join(temp, `step${i}-`));
  const files = { output: path.join(dir, "output"), summary: path.join(dir, "summary"), path: path.join(dir, "path") };
  for (const f of Object.values(files)) fs.writeFileSync(f, "");
  const script = path.join(dir, "run.sh");
  fs.writeFileSync(script, expand(step.run));
  const env = { ...process.env };
  for (const [k, v] of Object.entries(step.env || {})) env[k] = expand(v);
  Object.assign(env, {
    CI: "true", GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp,
    GITHUB_ACTION_PATH: path.resolve(actionDir), GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary, GITHUB_PATH: files.path,
    PATH: [...pathPrefix, process.env.PATH].join(":"),
  });
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: workspace, env, encoding: "buffer" });
  fs.appendFileSync(log, `##[group]${step.name || `step ${i}`}\n`);
  fs.appendFileSync(log, r.stdout);
  fs.appendFileSync(log, r.stderr);
  fs.appendFileSync(log, `##[endgroup] exit ${r.status}\n`);
  fs.appendFileSync(summary, fs.readFileSync(files.summary));
  const outs = {};
  for (const line of fs.readFileSync(files.output, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) outs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (step.id) stepOutputs[step.id] = outs;
  pathPrefix = [...fs.readFileSync(files.path, "utf8").split("\n").filter(Boolean).reverse(), ...pathPrefix];
  if (r.status !== 0) report = { ...report, conclusion: "failure", failed_step: step.name || `step ${i}`, exit_code: r.status };
});
for (const [name, spec] of Object.entries(action.outputs || {})) report.outputs[name] = expand(spec.value);
console.log(JSON.stringify(report));
