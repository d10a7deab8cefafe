// browser.mjs: the HTML report in a real browser (Debian's Chromium, driven
// by playwright-core).  run.sh builds the reports and passes their folder.
//
//   seed      every finding of the seed draft has its numbered badge right
//             before a mark holding exactly the finding's text, at the right
//             place in its paragraph; hovering and focusing a badge shows the
//             message; the summary links reach the badges; nothing is fetched;
//             screenshots are kept as artifacts
//   hostile   a draft full of <script>, event handlers and javascript: links:
//             nothing runs, nothing is fetched, with the page's CSP and also
//             without it (so the escaping alone is tested)
//   folder    several files: one page, a table of contents, one section each
//   hundred   a draft with 100 findings renders in under a second
//   writer    what a writer tripped on: a doubled word stands out inside its
//             highlighted sentence; the repeated heading's "line N" links to
//             the first heading; a tooltip near the window's edge stays in
//             the window; code blocks are single-spaced; the heading's and
//             the total's file counts agree (folder); screenshots of each
//
// usage: node browser.mjs DIR CHROMIUM
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, executablePath] = process.argv.slice(2);
const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR, 'x.js'));
const { chromium } = require('playwright-core');

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; return true; }
  failed++;
  console.log(`FAIL ${what}${detail === undefined ? '' : ': ' + detail}`);
  return false;
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update',
         '--disable-sync'],
});

// A page that records every request, dialog and console error.
async function open(file, viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const log = { requests: [], dialogs: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', async (d) => { log.dialogs.push(d.message()); await d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, log, url };
}

// ---- every finding at its place ---------------------------------------
// Markdown punctuation the reader does not see, for comparing source with
// rendered text (spaces collapsed and trimmed).
const norm = (s) => s.replace(/\]\([^()\s]*(?:\s+"[^"]*")?\)/g, ']')   // link destinations
                    .replace(/[\[\]*_`!>#]/g, '').replace(/\s+/g, ' ').trim();
// A line's list marker ("-   ", "1. ") is not text the reader sees either.
const unmark = (s) => s.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');

// Checks every finding of a report against the JSON report of the same
// draft: the badge, the mark's text, its place, the tooltip, the link from
// the summary.  Returns the open page.
async function markers(label, name) {
  const report = path.join(dir, name + '.html');
  const json = JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8'));
  const src = fs.readFileSync(path.join(dir, name + '.md'), 'utf8');
  const lines = src.split(/\r\n|\r|\n/);
  const opened = await open(report);
  const { page } = opened;
  const findings = json.diagnostics;
  check(findings.length > 0, `${label}: has findings`);
  check(await page.locator('.dl-m').count() === findings.length,
        `${label}: one badge per finding`, await page.locator('.dl-m').count());

  for (const [i, f] of findings.entries()) {
    const n = i + 1, what = `${label}: finding ${n}`;
    // What the finding covers in the source (columns are code points), and
    // the source just before it on its line.
    const line = Array.from(lines[f.line - 1]);
    const want = f.line === f.end_line
      ? line.slice(f.column - 1, f.end_column - 1).join('') : null;
    const before = norm(unmark(line.slice(0, f.column - 1).join(''))).slice(-10);
    const got = await page.evaluate((n) => {
      const badge = document.getElementById('dl-f' + n);
      if (!badge) return null;
      const marks = [...document.querySelectorAll(`mark[data-f="${n}"]`)];
      if (!marks.length) return { marks: 0 };
      const visible = (node) => {       // text without badges and tooltips
        const copy = node.cloneNode(true);
        copy.querySelectorAll('.dl-m').forEach((b) => b.remove());
        return copy.textContent;
      };
      // Nothing the reader sees between the badge and the mark.
      const between = document.createRange();
      between.setStartAfter(badge);
      between.setEndBefore(marks[0]);
      const gap = visible(between.cloneContents());
      // The block's visible text up to the mark.
      const block = marks[0].closest('p, li, h1, h2, h3, h4, h5, h6');
      let prefix = '';
      if (block) {
        const upto = document.createRange();
        upto.setStart(block, 0);
        upto.setEndBefore(marks[0]);
        prefix = visible(upto.cloneContents());
      }
      return {
        marks: marks.length,
        number: badge.firstChild && badge.firstChild.nodeValue,
        focusable: badge.tabIndex === 0,
        gap,
        rule: marks[0].dataset.rule,
        text: marks.map(visible).join(''),
        prefix,
        inPost: !!badge.closest('article.dl-post'),
        listLink: !!document.querySelector(`header a[href="#dl-f${n}"]`),
      };
    }, n);
    if (!check(got !== null, `${what}: badge #dl-f${n} exists`)) continue;
    if (!check(got.marks > 0, `${what}: its text is marked`)) continue;
    check(got.number === String(n), `${what}: badge shows its number`, got.number);
    check(got.focusable, `${what}: badge can be focused`);
    check(got.inPost, `${what}: badge is in the rendered post`);
    check(got.gap === '', `${what}: badge stands right before its mark`, JSON.stringify(got.gap));
    check(got.rule === f.rule, `${what}: mark carries its rule`, got.rule);
    if (want !== null)
      check(got.text === want || norm(got.text) === norm(want),
            `${what}: mark holds the finding's text`,
            `${JSON.stringify(got.text)} != ${JSON.stringify(want)}`);
    check(norm(got.prefix).endsWith(before),
          `${what}: mark is at line ${f.line}, column ${f.column}`,
          `text before it ends ${JSON.stringify(norm(got.prefix).slice(-20))}, ` +
          `source has ${JSON.stringify(before)}`);
    check(got.listLink, `${what}: the summary links to it`);

    // The tooltip: hidden, then shown on hover, then on keyboard focus.
    const tip = page.locator(`#dl-t${n}`);
    check(!(await tip.isVisible()), `${what}: tooltip hidden at rest`);
    await page.hover(`#dl-f${n}`);
    check(await tip.isVisible(), `${what}: hover shows the tooltip`);
    const tipText = await tip.innerText();
    check(tipText.includes(f.message), `${what}: tooltip has the message`, tipText);
    check(tipText.includes(f.rule) && tipText.includes(f.severity),
          `${what}: tooltip names rule and severity`);
    if (f.fix)
      check(tipText.includes('Fix: ') && tipText.includes(f.fix.replacement.slice(0, 40)),
            `${what}: tooltip shows the fix`, tipText);
    await page.mouse.move(0, 0);
    await page.focus(`#dl-f${n}`);
    check(await tip.isVisible(), `${what}: keyboard focus shows the tooltip`);
    await page.evaluate(() => document.activeElement.blur());
  }

  // Counts per rule in the summary table.
  const perRule = {};
  for (const f of findings) perRule[f.rule] = (perRule[f.rule] || 0) + 1;
  for (const [rule, n] of Object.entries(perRule)) {
    const total = await page.evaluate((rule) => {
      for (const tr of document.querySelectorAll('.dl-counts tbody tr'))
        if (tr.querySelector('th').textContent === rule)
          return Number(tr.lastElementChild.textContent);
      return null;
    }, rule);
    check(total === n, `${label}: summary counts ${n} for ${rule}`, total);
  }
  // Each rule its own colour.
  const colours = await page.evaluate(() => [...document.querySelectorAll('.dl-counts tbody tr')]
    .map((tr) => getComputedStyle(tr.querySelector('.dl-sw')).backgroundColor));
  check(new Set(colours).size === colours.length, `${label}: one colour per rule`, colours.join(' '));
  return { ...opened, findings };
}

async function links() {
  const { context, log, url } = await markers('links', 'links');
  check(log.requests.every((u) => u === url), 'links: nothing fetched', log.requests.join(' '));
  await context.close();
}

// ---- the seed draft ----------------------------------------------------
async function seed() {
  const { context, page, log, url, findings } = await markers('seed', 'seed');
  // A link in the summary scrolls to the badge and opens its tooltip.
  const last = findings.length;
  await page.click(`header a[href="#dl-f${last}"]`);
  check(await page.evaluate(() => location.hash) === `#dl-f${last}`,
        'summary link navigates to the badge');
  check(await page.locator(`#dl-t${last}`).isVisible(), 'the target badge shows its tooltip');
  const inView = await page.evaluate((n) => {
    const r = document.getElementById('dl-f' + n).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, last);
  check(inView, 'the target badge is scrolled into view');

  // Self-contained: the page asked for nothing but itself, ran no script.
  check(log.requests.every((u) => u === url), 'seed: nothing fetched', log.requests.join(' '));
  check(await page.evaluate(() => document.scripts.length) === 0, 'seed: no script element');
  check(log.errors.length === 0, 'seed: no console errors', log.errors.join(' | '));

  // Artifacts: the whole page, and the view the README shows (the summary,
  // then the post with a tooltip open).
  await page.goto(url);
  await page.screenshot({ path: path.join(dir, 'seed-full.png'), fullPage: true });
  await page.setViewportSize({ width: 900, height: 1300 });
  await page.hover('#dl-f2');
  const bottom = await page.evaluate((n) =>
    document.getElementById('dl-f' + n).closest('p, li').getBoundingClientRect().bottom
      + scrollY, findings.length);
  await page.screenshot({ path: path.join(dir, 'seed.png'), fullPage: true,
                          clip: { x: 0, y: 0, width: 900, height: Math.ceil(bottom) + 48 } });
  const pdf = await page.pdf({ path: path.join(dir, 'seed.pdf') }).catch((e) => e);
  check(!(pdf instanceof Error) && fs.statSync(path.join(dir, 'seed.pdf')).size > 1000,
        'seed: prints to PDF', pdf instanceof Error ? pdf.message : undefined);
  await context.close();
}

// ---- a hostile draft --------------------------------------------------
async function hostile(file, label) {
  const { context, page, log, url } = await open(file);
  const state = async () => page.evaluate(() => ({
    pwned: window.__pwned,
    title: document.title,
    shown: getComputedStyle(document.body).display !== 'none',
  }));
  let s = await state();
  check(s.pwned === undefined, `${label}: nothing ran on load`, s.pwned);
  check(s.title.startsWith('draftlint:'), `${label}: title untouched`, s.title);
  check(s.shown, `${label}: the draft's <style> did not apply`);

  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      dangerous: all.filter((e) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'IMG',
                                    'FORM', 'BASE', 'LINK', 'BUTTON'].includes(e.tagName.toUpperCase())
                             || (e.tagName === 'META' && e.httpEquiv.toLowerCase() === 'refresh')
                             || (e.tagName === 'STYLE' && e.parentElement !== document.head))
                .map((e) => e.tagName),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))
                                                    .map((a) => `${e.tagName}@${a.name}`)),
      jsLinks: all.flatMap((e) => [...e.attributes]
                .filter((a) => /^\s*(javascript|vbscript|data):/i.test(a.value)
                               && ['href', 'src', 'action', 'data', 'formaction'].includes(a.name))
                .map((a) => `${e.tagName}@${a.name}=${a.value}`)),
      text: document.body.innerText,
    };
  });
  check(dom.dangerous.length === 0, `${label}: no script, frame, object, image, form or foreign style`,
        dom.dangerous.join(' '));
  check(dom.handlers.length === 0, `${label}: no event-handler attribute`, dom.handlers.join(' '));
  check(dom.jsLinks.length === 0, `${label}: no javascript:/data: URL in any link`, dom.jsLinks.join(' '));
  check(dom.text.includes("<script>window.__pwned = 'script block'"),
        `${label}: raw HTML is shown as text`);
  check(dom.text.includes(`heading 'Hostile <img src=x onerror="window.__pwned='message'"> draft' repeats`),
        `${label}: a message with markup in it reads as text`);

  // Touch everything: hover and focus every badge, click every link and
  // every element that had a handler in the draft.
  for (const badge of await page.locator('.dl-m').all()) {
    await badge.hover();
    await badge.focus();
  }
  for (const text of ['hover me', 'a full-page trap', 'a raw anchor']) {
    const el = page.getByText(text).first();
    if (await el.count()) { await el.hover(); await el.click(); }
  }
  // draftlint's own links to its rule pages are the only way out: a click
  // on one navigates there, which is no fetch by the draft
  const rulePages = new Set(await page.locator('a.dl-rule').evaluateAll((as) => as.map((a) => a.href)));
  check(rulePages.size > 0 && [...rulePages].every((h) => /\/rules\/[a-z-]+\.md$/.test(h)),
        `${label}: the summary links each rule to its page`, [...rulePages].join(' '));
  const links = await page.locator('a').count();
  for (let i = 0; i < links; i++) {
    const a = page.locator('a').nth(i);
    if (!(await a.isVisible())) continue;
    // draftlint's own links to its rule pages leave the page by design
    if (await a.evaluate((e) => e.classList.contains('dl-rule'))) continue;
    await a.click({ modifiers: [] }).catch(() => {});
    if (page.url().split('#')[0] !== url.split('#')[0]) await page.goBack();
    s = await state();
    if (s.pwned !== undefined) break;
  }
  s = await state();
  check(s.pwned === undefined, `${label}: nothing ran after hovering and clicking everything`, s.pwned);
  check(log.dialogs.length === 0, `${label}: no dialog opened`, log.dialogs.join(' '));
  const elsewhere = log.requests.filter((u) => u.split('#')[0] !== url.split('#')[0] && !rulePages.has(u));
  check(elsewhere.length === 0, `${label}: nothing fetched`, elsewhere.join(' '));
  // A CSP report in the console means something tried to run or load and
  // only the policy stopped it: the escaping must stop it first.
  check(log.errors.length === 0, `${label}: no blocked script or load in the console`,
        log.errors.join(' | '));
  await context.close();
}

// ---- several files ----------------------------------------------------
async function folder() {
  const { context, page } = await open(path.join(dir, 'folder.html'));
  const got = await page.evaluate(() => ({
    toc: [...document.querySelectorAll('nav.dl-toc li')].map((li) => li.textContent),
    tocLinks: [...document.querySelectorAll('nav.dl-toc a')].map((a) => a.getAttribute('href')),
    sections: [...document.querySelectorAll('section.dl-file')].map((s) => s.id),
    badges: [...document.querySelectorAll('.dl-m')].map((b) => b.id),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    failures: [...document.querySelectorAll('.dl-failures li')].map((li) => li.textContent),
  }));
  check(got.toc.length === 4, 'folder: table of contents lists every input', got.toc.join(' | '));
  check(got.sections.length === 3, 'folder: one section per linted file', got.sections.join(' '));
  check(got.tocLinks.every((h) => got.sections.includes(h.slice(1))), 'folder: contents link to sections');
  check(got.badges.every((id, i) => id === `dl-f${i + 1}`), 'folder: findings numbered across files',
        got.badges.join(' '));
  check(new Set(got.ids).size === got.ids.length, 'folder: ids are unique');
  const counts = await page.evaluate(() => ({
    h1: document.querySelector('.dl-summary h1').textContent,
    total: document.querySelector('.dl-total').textContent,
  }));
  const files = /^(\d+) files$/.exec(counts.h1);
  check(files && counts.total.includes(` of ${files[1]} files`),
        'folder: the total counts from the files the heading names', `${counts.h1} / ${counts.total}`);
  await page.screenshot({ path: path.join(dir, 'folder-head.png'), clip: await page.locator('.dl-summary').boundingBox() });
  check(got.failures.length === 1 && got.failures[0].includes('not valid UTF-8'),
        'folder: the unreadable file is listed with its reason', got.failures.join(' | '));
  await page.click('nav.dl-toc a >> nth=1');
  check(await page.evaluate(() => location.hash) === '#dl-file-2', 'folder: contents link navigates');
  await context.close();
}

// ---- 100 findings -----------------------------------------------------
async function hundred() {
  const file = path.join(dir, 'hundred.html');
  const times = [];
  for (let run = 0; run < 3; run++) {
    const { context, page } = await open(file);
    const t = await page.evaluate(async () => {
      // Paint entries arrive with the frame: wait for them (buffered).
      const entry = (type, name) => new Promise((resolve) => {
        let last = null;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!name || e.name === name) last = e.startTime;
          if (name && last !== null) resolve(last);
        }).observe({ type, buffered: true });
        setTimeout(() => resolve(last), name ? 5000 : 300);
      });
      const fcp = await entry('paint', 'first-contentful-paint');
      const lcp = await entry('largest-contentful-paint');
      const nav = performance.getEntriesByType('navigation')[0];
      return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp, lcp,
               badges: document.querySelectorAll('.dl-m').length,
               marks: document.querySelectorAll('mark.dl-h[data-f]').length };
    });
    // Layout of the whole page, forced: what scrolling to the end costs.
    t.layout = await page.evaluate(() => {
      const t0 = performance.now();
      document.body.style.zoom = '1.0001';
      void document.body.scrollHeight;
      return performance.now() - t0;
    });
    times.push(t);
    await context.close();
  }
  const t = times[0];
  check(t.badges === 100, 'hundred: 100 badges', t.badges);
  check(t.marks >= 100, 'hundred: every finding marked', t.marks);
  const median = (k) => times.map((x) => x[k]).sort((a, b) => a - b)[1];
  const size = fs.statSync(file).size;
  console.log(`hundred: ${Math.round(size / 1024)} KB page with 100 findings, median of 3 loads: ` +
              `DOMContentLoaded ${median('dcl').toFixed(1)} ms, first contentful paint ` +
              `${median('fcp').toFixed(1)} ms, largest contentful paint ${median('lcp').toFixed(1)} ms, ` +
              `load ${median('load').toFixed(1)} ms, ` +
              `full relayout ${median('layout').toFixed(1)} ms (bound: 1000 ms)`);
  check(times.every((x) => x.fcp !== null && x.lcp !== null), 'hundred: paint timings recorded');
  check(median('fcp') < 1000, 'hundred: first paint within a second', median('fcp'));
  check(median('lcp') < 1000, 'hundred: largest paint within a second', median('lcp'));
  check(median('load') < 1000, 'hundred: loaded within a second', median('load'));
}

// ---- what a writer tripped on (issue 17) ------------------------------
async function writer() {
  const { context, page } = await open(path.join(dir, 'writer.html'), { width: 1000, height: 700 });
  // The doubled word: the part its fix removes stands out from the
  // sentence's highlight around it.
  const doubled = await page.evaluate(() => {
    const part = document.querySelector('mark.dl-part');
    if (!part) return null;
    const outer = part.parentElement.closest('mark.dl-h');
    const r = part.getBoundingClientRect();
    return { text: part.textContent, bg: getComputedStyle(part).backgroundColor,
             shadow: getComputedStyle(part).boxShadow, width: r.width,
             outerBg: outer && getComputedStyle(outer).backgroundColor };
  });
  if (check(doubled !== null, 'writer: the doubled word is marked inside its sentence')) {
    check(doubled.text.trim() === 'the', 'writer: the mark holds the doubled word', doubled.text);
    check(doubled.outerBg && doubled.bg !== doubled.outerBg && doubled.shadow !== 'none' && doubled.width > 5,
          'writer: the doubled word stands out from the highlighted sentence', JSON.stringify(doubled));
    await page.locator('mark.dl-part').scrollIntoViewIfNeeded();
    const p = page.locator('mark.dl-part').locator('xpath=ancestor::p[1]');
    await p.screenshot({ path: path.join(dir, 'writer-doubled-word.png') });
  }
  // The repeated heading: its tooltip links "line 3" to the first heading.
  const dup = page.locator('.dl-m.dl-sev-error', { has: page.locator('.dl-ref') }).first();
  if (check(await dup.count() === 1, 'writer: the repeated heading has a badge with a link')) {
    await dup.scrollIntoViewIfNeeded();
    await dup.hover();
    const link = dup.locator('.dl-tip .dl-ref');
    check(await link.isVisible(), 'writer: the tooltip shows the link to the first heading');
    check((await link.textContent()) === 'line 3', 'writer: the link is the line the message names',
          await link.textContent());
    await page.screenshot({ path: path.join(dir, 'writer-heading-tooltip.png') });
    await link.click();
    const at = await page.evaluate(() => {
      const target = document.querySelector(location.hash);
      const h = target && target.closest('h2');
      const r = h && h.getBoundingClientRect();
      return { hash: location.hash, heading: h && h.textContent, top: r && r.top,
               first: h === document.querySelectorAll('article h2')[0] };
    });
    check(at.first && at.heading.startsWith('Risks') && at.top >= -1 && at.top < 700,
          'writer: following it shows the first heading', JSON.stringify(at));
  }
  // A tooltip near the bottom of the window stays inside it.
  const last = page.locator('.dl-m').last();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await last.evaluate((b) => b.scrollIntoView({ block: 'end' }));
  await last.hover();
  const tip = await last.locator('.dl-tip').boundingBox();
  check(tip && tip.y >= 0 && tip.y + tip.height <= 700 && tip.x >= 0 && tip.x + tip.width <= 1000,
        'writer: a tooltip at the bottom of the window stays in the window', JSON.stringify(tip));
  await page.screenshot({ path: path.join(dir, 'writer-tooltip-bottom.png') });
  // A code block: one line of code per line of text, not double-spaced.
  const code = await page.evaluate(() => {
    const c = document.querySelector('article pre code');
    const s = getComputedStyle(c);
    return { height: c.getBoundingClientRect().height, lines: c.textContent.trimEnd().split('\n').length,
             font: parseFloat(s.fontSize) };
  });
  check(code.height / code.lines <= 1.6 * code.font, 'writer: code blocks are single-spaced',
        JSON.stringify(code));
  await page.locator('article pre').screenshot({ path: path.join(dir, 'writer-code.png') });
  await context.close();
}

try {
  await writer();
  await seed();
  await links();
  await hostile(path.join(dir, 'hostile.html'), 'hostile');
  await hostile(path.join(dir, 'hostile-no-csp.html'), 'hostile without CSP');
  await folder();
  await hundred();
} catch (e) {
  check(false, 'browser test crashed', e.stack);
} finally {
  await browser.close();
}
console.log(`html: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
