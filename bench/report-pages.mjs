// bench/report-pages.mjs: bench/report-pages's measuring, one repository at a time (see there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, measureMap, MIN_TEXT_PX, open, printPages, reachable, run,
} from '../tests/browser/report_page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const archlint = process.env.ARCHLINT || path.join(root, 'build/archlint');
const out = process.env.OUT || fs.mkdtempSync(path.join(os.tmpdir(), 'archlint-pages-'));
fs.mkdirSync(out, { recursive: true });

const browser = await launch();
console.log('repository\tservices\tboxes\tsmallest px\tsmall\toverlaps\thidden\tconsole+requests\tsummary pages\tpages');
try {
  for (const arg of process.argv.slice(2)) {
    const [repo, rev] = arg.split('@');
    const name = path.basename(repo.replace(/\/(repo|\.git)\/?$/, ''));
    const file = path.join(out, `${name}.html`);
    run(archlint, ['report', repo, ...(rev ? ['--rev', rev] : []), '-o', file]);
    const { page, seen } = await open(browser, file);
    const map = await page.evaluate(measureMap, MIN_TEXT_PX);
    const { hidden } = await reachable(page, map.links);
    await page.close();
    const summary = await printPages(browser, file, path.join(out, `${name}-summary.pdf`), true);
    const whole = await printPages(browser, file, path.join(out, `${name}.pdf`), false);
    console.log([name, map.cards.length, map.nodes, map.smallest.toFixed(1), map.small.length,
      map.overlaps.length, hidden.length, seen.console.length + seen.requests.length, summary,
      whole].join('\t'));
  }
} finally {
  await browser.close();
}
console.log(`pages and PDFs in ${out}`);
