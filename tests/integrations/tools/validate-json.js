#!/usr/bin/env node
// validate-json.js SCHEMA DATA [--each] [--yaml]
//
// Validates DATA (JSON, or YAML with --yaml) against the JSON Schema SCHEMA with ajv and
// ajv-formats (draft-04 schemas through ajv-draft-04). With --each, DATA must be an array
// and every item is validated on its own (GitLab publishes a per-item schema). Prints each
// error with its instance path; exits 0 when valid, 1 when not, 2 on bad usage.
"use strict";
const fs = require("fs");
const Ajv = require("ajv");
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const yaml = require("js-yaml");

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const files = args.filter((a) => !a.startsWith("--"));
if (files.length !== 2) {
  console.error("usage: validate-json.js SCHEMA DATA [--each] [--yaml]");
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(files[0], "utf8"));
const text = fs.readFileSync(files[1], "utf8");
let data;
try {
  data = flags.has("--yaml") ? yaml.load(text) : JSON.parse(text);
} catch (e) {
  console.error(`${files[1]}: not parseable: ${e.message}`);
  process.exit(1);
}
const draft04 = String(schema.$schema || "").includes("draft-04");
const options = { allErrors: true, strict: false, validateFormats: true };
const ajv = draft04 ? new AjvDraft04(options) : new Ajv(options);
addFormats(ajv);
const validate = ajv.compile(schema);
const items = flags.has("--each") ? data : [data];
if (!Array.isArray(items)) {
  console.error(`${files[1]}: --each needs a JSON array`);
  process.exit(1);
}
let bad = 0;
items.forEach((item, i) => {
  if (!validate(item)) {
    for (const e of validate.errors) {
      const where = (flags.has("--each") ? `[${i}]` : "") + (e.instancePath || "/");
      console.log(`${files[1]}: ${where}: ${e.message} ${JSON.stringify(e.params)}`);
      bad++;
    }
  }
});
if (bad) process.exit(1);
console.log(`${files[1]}: valid against ${schema.$id || schema.id || files[0]} (${items.length} document${items.length === 1 ? "" : "s"})`);
