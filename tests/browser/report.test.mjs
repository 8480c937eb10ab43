// The review report as a reader meets it: Debian's chromium, driven by puppeteer-core (which
// uses the installed browser and downloads nothing), over the reports of the example
// repository and of generated fleets of 8, 90 and 300 services (make-fleet-tree.py: systems,
// a family of migrations, CODEOWNERS, a GitHub remote).
//
// For each page: no text in the map rendered under 11 CSS px, no two service boxes
// overlapping, every label inside its box, every service's card reachable from the map (a
// node's link, or a family's link to its list and from there to each card: selecting it must
// show the card, opening the folded groups on the way), no console message, no request
// leaving the page, and page counts printed to PDF: the summary (everything before the role x
// language matrix) in at most 2 pages, the whole report of a fleet in at most 40. Owners and
// links to the code are checked on a fleet. Screenshots and PDFs are kept in $ARTIFACTS.
//
// Run by CTest (tests/browser/CMakeLists.txt) as: node --test report.test.mjs, with ARCHLINT
// (the binary), ARTIFACTS (a folder) and CHROMIUM (default /usr/bin/chromium) set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '../..');
const archlint = process.env.ARCHLINT;
const artifacts = process.env.ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'archlint-shots-'));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archlint-browser-'));
fs.mkdirSync(artifacts, { recursive: true });

const MIN_TEXT_PX = 11;
const MAX_SUMMARY_PAGES = 2;
const MAX_FLEET_PAGES = 40;

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
}

function exampleRepo() {
  const repo = path.join(work, 'example');
  run(path.join(top, 'scripts/make-example-repo'), [repo]);
  return repo;
}

function fleetRepo(n) {
  const repo = path.join(work, `fleet-${n}`);
  run('python3', [path.join(top, 'tests/report/make-fleet-tree.py'), repo, String(n)]);
  return repo;
}

/* The page and the JSON behind it. */
function report(repo, name) {
  const page = path.join(work, `${name}.html`);
  run(archlint, ['report', repo, '-o', page]);
  const doc = JSON.parse(run(archlint, ['report', repo, '--format', 'json']));
  return { page, doc };
}

/* The pages of a PDF, as poppler's pdfinfo counts them. */
function pdfPages(file) {
  const pages = run('pdfinfo', [file]).match(/^Pages:\s+(\d+)$/m);
  assert.ok(pages, `pdfinfo reads ${file}`);
  return Number(pages[1]);
}

let browser;

async function open(file) {
  const page = await browser.newPage();
  const seen = { console: [], requests: [] };
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.console.push(`pageerror: ${e.message}`));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('file:') || url.startsWith('data:')) return r.continue();
    seen.requests.push(url);
    return r.abort();
  });
  await page.setViewport({ width: 1300, height: 1000 });
  await page.goto('file://' + file, { waitUntil: 'load' });
  return { page, seen };
}

/* What the map shows, measured in the rendered page. */
function measureMap() {
  const svg = document.querySelector('svg.map');
  if (!svg) return null;
  const small = [];
  for (const t of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    if (px < 11) small.push(`${t.textContent} (${px.toFixed(1)} px)`);
  }
  const boxes = [];
  const spills = [];
  for (const g of svg.querySelectorAll('g.node')) {
    const shape = g.querySelector('path, polygon');
    const b = shape.getBoundingClientRect();
    boxes.push({ name: g.querySelector('title').textContent.split('\n')[0], b });
    for (const t of g.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1)
        spills.push(t.textContent);
    }
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++)
    for (let k = i + 1; k < boxes.length; k++) {
      const a = boxes[i].b, c = boxes[k].b;
      if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom)
        overlaps.push(`${boxes[i].name} / ${boxes[k].name}`);
    }
  const links = [...svg.querySelectorAll('a')]
    .map((a) => a.getAttribute('xlink:href') || a.getAttribute('href'))
    .filter((h) => h && h.startsWith('#'));
  const cards = [...document.querySelectorAll('section.svc')].map((s) => s.id);
  return { nodes: boxes.length, small, spills, overlaps, links, cards };
}

/* Selects an in-page link as a reader would (fragment navigation) and says whether its
 * target is shown; for a family's list, the cards its members link to. */
async function follow(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  return page.evaluate((h) => {
    const el = document.getElementById(h.slice(1));
    if (!el) return { shown: false, members: [] };
    const members = el.matches('details.members')
      ? [...el.querySelectorAll('a[href^="#svc-"]')].map((a) => a.getAttribute('href'))
      : [];
    return { shown: el.checkVisibility(), members };
  }, hash);
}

async function reachable(page, links) {
  const reached = new Set();
  const hidden = [];
  for (const link of links) {
    const r = await follow(page, link);
    if (!r.shown) hidden.push(link);
    if (link.startsWith('#svc-') && r.shown) reached.add(link.slice(1));
    for (const member of r.members) {
      const m = await follow(page, member);
      if (m.shown) reached.add(member.slice(1));
      else hidden.push(member);
    }
  }
  return { reached, hidden };
}

async function printPages(file, name, summaryOnly) {
  const { page } = await open(file);
  if (summaryOnly)
    await page.evaluate(() => {
      const matrix = document.getElementById('matrix');
      while (matrix && matrix.nextSibling) matrix.nextSibling.remove();
      matrix?.remove();
    });
  const pdf = path.join(artifacts, `${name}${summaryOnly ? '-summary' : ''}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.close();
  return pdfPages(pdf);
}

async function checkPage(t, name, repo) {
  const { page: file, doc } = report(repo, name);
  const services = doc.components.length;
  const { page, seen } = await open(file);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  const map = await page.evaluate(measureMap);
  assert.ok(map, `${name}: the page has a map`);
  await page.evaluate(() => document.querySelector('svg.map').scrollIntoView());
  const mapShot = await page.$('#map');
  await mapShot.screenshot({ path: path.join(artifacts, `${name}-map.png`) });
  assert.deepEqual(map.small, [], `${name}: map text under ${MIN_TEXT_PX} px`);
  assert.deepEqual(map.overlaps, [], `${name}: overlapping service boxes`);
  assert.deepEqual(map.spills, [], `${name}: labels outside their boxes`);
  assert.equal(map.cards.length, services, `${name}: one card per service`);
  const { reached, hidden } = await reachable(page, map.links);
  assert.deepEqual(hidden, [], `${name}: links from the map whose target stays hidden`);
  assert.deepEqual([...reached].sort(), [...map.cards].sort(), `${name}: every card reached from the map`);
  assert.deepEqual(seen.console, [], `${name}: console messages`);
  assert.deepEqual(seen.requests, [], `${name}: requests leaving the page`);
  await page.close();
  const summary = await printPages(file, name, true);
  const whole = await printPages(file, name, false);
  t.diagnostic(`${name}: ${services} services, ${map.nodes} map boxes, summary ${summary} pages, whole ${whole}`);
  assert.ok(summary <= MAX_SUMMARY_PAGES, `${name}: the summary prints in ${summary} pages`);
  return { file, doc, whole };
}

test('the review report in a real browser', async (t) => {
  assert.ok(archlint, 'ARCHLINT names the binary');
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    await t.test('the detectors see what they look for', async () => {
      const canary = path.join(work, 'canary.html');
      fs.writeFileSync(canary, '<!DOCTYPE html><img src="http://example.invalid/x.png">' +
        '<script>console.error("canary")</script>');
      const { page, seen } = await open(canary);
      await page.close();
      assert.ok(seen.console.some((l) => l.includes('canary')), 'a console message is seen');
      assert.deepEqual(seen.requests, ['http://example.invalid/x.png'], 'a request is seen');
    });
    await t.test('the example repository', async (t) => {
      await checkPage(t, 'example', exampleRepo());
    });
    for (const n of [8, 90, 300]) {
      await t.test(`a fleet of ${n} services`, async (t) => {
        const repo = fleetRepo(n);
        const { file, whole } = await checkPage(t, `fleet-${n}`, repo);
        assert.ok(whole <= MAX_FLEET_PAGES, `fleet-${n}: the whole report prints in ${whole} pages`);
        // Owners and links to the code, as the page shows them.
        const commit = run('git', ['-C', repo, 'rev-parse', 'HEAD']).trim();
        const { page } = await open(file);
        const card = await page.evaluate(() => {
          const c = [...document.querySelectorAll('section.svc')]
            .find((s) => s.querySelector('h3').textContent.includes('services/search/search-relay-001'));
          return c && { text: c.textContent, links: [...c.querySelectorAll('a[href^="https:"]')].map((a) => a.href) };
        });
        await page.close();
        if (n < 90) return; // the smallest fleet has no search system
        assert.ok(card, `fleet-${n}: the search relay's card`);
        assert.match(card.text, /@acme\/search-team/, `fleet-${n}: the card names its owner`);
        assert.match(card.text, /\.github\/CODEOWNERS:\d+/, `fleet-${n}: and where`);
        const entry = `https://github.com/acme/fleet/blob/${commit}/services/search/search-relay-001/main.go#L`;
        assert.ok(card.links.some((l) => l.startsWith(entry)), `fleet-${n}: the entry links to the code: ${card.links[0]}`);
      });
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
