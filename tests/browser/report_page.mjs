// report_page.mjs: the review report as a reader's browser shows it, measured — shared by
// the browser tests (report.test.mjs) and bench/report-pages. Debian's chromium driven by
// puppeteer-core: a page opened with every console message and every request leaving it
// recorded (and refused), the map measured (text sizes, overlapping boxes, labels outside
// their boxes, its links), links followed as a reader selects them, pages printed to A4 PDF
// and counted by poppler's pdfinfo.
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

export const MIN_TEXT_PX = 11;

export function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
}

export function launch(chromium = process.env.CHROMIUM || '/usr/bin/chromium') {
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
}

/* The pages of a PDF, as poppler's pdfinfo counts them. */
function pdfPages(file) {
  const pages = run('pdfinfo', [file]).match(/^Pages:\s+(\d+)$/m);
  if (!pages) throw new Error(`pdfinfo cannot read ${file}`);
  return Number(pages[1]);
}

/* A page of file in browser, and what it does: console messages, requests it tried. */
export async function open(browser, file) {
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

/* What the map shows, measured in the rendered page (run inside it:
 * page.evaluate(measureMap, MIN_TEXT_PX)): text under minPx, the smallest text. */
export function measureMap(minPx) {
  const svg = document.querySelector('svg.map');
  if (!svg) return null;
  const small = [];
  let smallest = Infinity;
  for (const t of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    smallest = Math.min(smallest, px);
    if (px < minPx) small.push(`${t.textContent} (${px.toFixed(1)} px)`);
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
  return { nodes: boxes.length, small, smallest, spills, overlaps, links, cards };
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

/* The cards the map's links reach, and the links whose target stays hidden. */
export async function reachable(page, links) {
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

/* Prints file to pdf (A4) and counts its pages; summaryOnly: what comes before the role x
 * language matrix. */
export async function printPages(browser, file, pdf, summaryOnly) {
  const { page } = await open(browser, file);
  if (summaryOnly)
    await page.evaluate(() => {
      const matrix = document.getElementById('matrix');
      while (matrix && matrix.nextSibling) matrix.nextSibling.remove();
      matrix?.remove();
    });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.close();
  return pdfPages(pdf);
}

