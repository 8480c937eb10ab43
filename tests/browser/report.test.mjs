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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, measureMap, MIN_TEXT_PX, open, printPages, reachable, run } from './report_page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const top = path.resolve(here, '../..');
const archlint = process.env.ARCHLINT;
const artifacts = process.env.ARTIFACTS || fs.mkdtempSync(path.join(os.tmpdir(), 'archlint-shots-'));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archlint-browser-'));
fs.mkdirSync(artifacts, { recursive: true });

let browser;
const MAX_SUMMARY_PAGES = 2;
const MAX_FLEET_PAGES = 40;

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

async function checkPage(t, name, repo) {
  const { page: file, doc } = report(repo, name);
  const services = doc.components.length;
  const { page, seen } = await open(browser, file);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  const map = await page.evaluate(measureMap, MIN_TEXT_PX);
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
  const summary = await printPages(browser, file, path.join(artifacts, `${name}-summary.pdf`), true);
  const whole = await printPages(browser, file, path.join(artifacts, `${name}.pdf`), false);
  t.diagnostic(`${name}: ${services} services, ${map.nodes} map boxes, summary ${summary} pages, whole ${whole}`);
  assert.ok(summary <= MAX_SUMMARY_PAGES, `${name}: the summary prints in ${summary} pages`);
  return { file, doc, whole };
}

test('the review report in a real browser', async (t) => {
  assert.ok(archlint, 'ARCHLINT names the binary');
  browser = await launch();
  try {
    await t.test('the detectors see what they look for', async () => {
      const canary = path.join(work, 'canary.html');
      fs.writeFileSync(canary, '<!DOCTYPE html><img src="http://example.invalid/x.png">' +
        '<script>console.error("canary")</script>');
      const { page, seen } = await open(browser, canary);
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
        const { page } = await open(browser, file);
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
