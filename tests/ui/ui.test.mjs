// ui.test.mjs - drives the real web UI in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core) against a running
// `rasd serve`. Usage: node tests/ui/ui.test.mjs URL SHOT_DIR
// Prints "ok - NAME" / "not ok - NAME: why" per test and a closing line
// "ui: N passed, N failed"; exits non-zero when any test failed.
import {createRequire} from 'node:module';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
// playwright-core is a devDependency of web/ (installed by tools/setup.sh).
const require = createRequire(path.join(repo, 'web', 'package.json'));
const {chromium} = require('playwright-core');

const base = process.argv[2];
const shots = process.argv[3] || path.join(repo, 'build', 'ui');
if (!base) {
  console.error('usage: node tests/ui/ui.test.mjs URL SHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, {recursive: true});

const ARABIC = /[\u0600-\u06FF]/;
let passed = 0;
let failed = 0;

function assert(cond, msg) { if (!cond) throw new Error(msg); }

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok - ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${String(e && e.message || e).split('\n')[0]}`);
  }
}

// Wait until the app has finished rendering a view (app.js sets
// body[data-ready] after every route).
async function ready(page, view) {
  await page.waitForFunction((v) => document.body.dataset.ready === v, view, {timeout: 20000});
}

// Run an action that starts a render (a click, a hash change, a page load)
// and wait for that render to finish: body[data-render] must differ from the
// one before, so a view still marked ready from the previous render does not
// count (the hashchange that starts the new one fires asynchronously).
async function act(page, view, action) {
  const before = await page.evaluate(() => document.body.dataset.render || '');
  await action();
  try {
    await page.waitForFunction(([v, b]) => document.body.dataset.render !== b
      && document.body.dataset.ready === v, [view, before], {timeout: 20000});
  } catch (e) {
    const st = await page.evaluate(() => `${document.body.dataset.render}/${document.body.dataset.ready}`);
    throw new Error(`no new '${view}' render after the action (render/ready ${st}, url ${page.url()})`);
  }
}

// Go to a URL and wait for its render; a URL already shown starts none.
async function visit(page, url, view) {
  if (page.url() === url) return ready(page, view);
  return act(page, view, () => page.goto(url));
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({path: path.join(shots, `${name}.png`), fullPage});
}

// A fresh profile per run: playwright takes it as the persistent context's
// user-data-dir (it refuses --user-data-dir among the flags).
const profile = mkdtempSync(path.join(tmpdir(), 'rasd-ui-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: {width: 1360, height: 900},
  locale: 'ar',
});
const page = context.pages()[0] || await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
// Resource failures are judged from the responses below, not the console.
page.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
});
const badResponses = [];
page.on('response', (r) => { if (r.status() >= 400) badResponses.push(`${r.status()} ${r.url()}`); });
// Requests may only go to the server under test.
const origin = new URL(base).origin;
const foreign = [];
page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });

try {
  await test('overview loads in Arabic (RTL) with data', async () => {
    await act(page, 'overview', () => page.goto(base, {waitUntil: 'load'}));
    const html = await page.evaluate(() => ({dir: document.documentElement.dir, lang: document.documentElement.lang}));
    assert(html.dir === 'rtl' && html.lang === 'ar', `html dir/lang ${html.dir}/${html.lang}`);
    const rows = await page.locator('#ev-body tr[data-event]').count();
    assert(rows > 0, 'no event rows');
    const stats = await page.locator('#stats').textContent();
    assert(/\d/.test(stats), `stats "${stats}"`);
    const heading = await page.locator('#panel-events h2').textContent();
    assert(ARABIC.test(heading), `heading not Arabic: ${heading}`);
    await shot(page, 'overview-ar');
    await shot(page, 'overview-ar-top', false);
  });

  await test('timeline drawn with Chart.js, coloured by quad', async () => {
    const info = await page.evaluate(() => {
      const c = window.Chart && window.Chart.getChart(document.getElementById('timeline'));
      return c ? {labels: c.data.labels.length, sets: c.data.datasets.map((d) => d.backgroundColor)} : null;
    });
    assert(info, 'no chart');
    assert(info.labels > 0, 'no periods');
    assert(info.sets.length === 5, `datasets ${info.sets.length}`);
    assert(new Set(info.sets.slice(0, 4)).size === 4, 'quad colours not distinct');
  });

  await test('actor network drawn with cytoscape', async () => {
    const n = await page.evaluate(() => Number(document.body.dataset.networkNodes));
    const e = await page.evaluate(() => Number(document.body.dataset.networkEdges));
    assert(n > 1, `nodes ${n}`);
    assert(e > 0, `edges ${e}`);
    assert(await page.locator('#network canvas').count() > 0, 'no network canvas');
  });

  await test('filter by category narrows the table', async () => {
    await page.selectOption('#f-category', 'CONSULT');
    await act(page, 'overview', () => page.click('#f-apply'));
    const chips = await page.locator('#ev-body tr[data-event] .chip').allTextContents();
    assert(chips.length > 0, 'no rows for CONSULT');
    assert(chips.every((c) => c.includes('CONSULT')), `other categories: ${chips.join(' | ')}`);
    assert(page.url().includes('category=CONSULT'), 'filter not kept in the URL');
  });

  await test('filter by actor', async () => {
    await visit(page, `${base}#/?actor=TUR`, 'overview');
    const rows = await page.locator('#ev-body tr[data-event]').allTextContents();
    assert(rows.length > 0, 'no rows for TUR');
    assert(rows.every((r) => /TUR|Turkey|ترك/.test(r)), 'a row without Turkey');
    assert(await page.inputValue('#f-actor') === 'TUR', 'form not filled from the URL');
  });

  await test('a malformed filter shows the server error', async () => {
    await visit(page, `${base}#/`, 'overview');
    await page.fill('#f-from', '2024-13-01');
    await act(page, 'overview', () => page.click('#f-apply'));
    const err = page.locator('#error');
    assert(await err.isVisible(), 'no error shown');
    assert((await err.textContent()).includes('from'), 'error does not name the parameter');
    await page.fill('#f-from', '');
  });

  let eventUrl = '';
  await test('open an event: every mention with Arabic evidence highlighted', async () => {
    await visit(page, `${base}#/?category=CONSULT`, 'overview');
    await act(page, 'event', () => page.locator('#ev-body tr[data-event]').first().click());
    eventUrl = page.url();
    const mentions = page.locator('#event-detail li.mention');
    assert(await mentions.count() > 0, 'no mentions');
    const p = mentions.first().locator('p.sentence');
    assert(await p.getAttribute('dir') === 'rtl', 'sentence not dir=rtl');
    const text = await p.textContent();
    assert(ARABIC.test(text), 'sentence not Arabic');
    assert(await p.locator('mark.trigger').count() > 0, 'trigger not highlighted');
    assert(await p.locator('mark.src, mark.tgt').count() > 0, 'no actor highlighted');
    const direction = await p.evaluate((e) => getComputedStyle(e).direction);
    assert(direction === 'rtl', `computed direction ${direction}`);
    const meta = await mentions.first().locator('.meta').textContent();
    assert(/\d{4}-\d{2}/.test(meta), 'no date in the mention');
    assert(await mentions.first().locator('a.doc-link').count() === 1, 'no article link');
    await shot(page, 'event-ar');
  });

  await test('an event reported more than once lists every mention', async () => {
    const res = await page.request.get(`${base}api/events?limit=1000&mentions=1`);
    const events = (await res.json()).events;
    const multi = events.filter((e) => e.num_mentions > 1).sort((a, b) => b.num_mentions - a.num_mentions)[0];
    if (!multi) return; // a store without merged events has nothing to show here
    await visit(page, `${base}#/event/${multi.id}`, 'event');
    const n = await page.locator('#event-detail li.mention').count();
    assert(n === multi.num_mentions, `${n} mentions shown, ${multi.num_mentions} stored`);
    for (const p of await page.locator('#event-detail li.mention p.sentence').all())
      assert(ARABIC.test(await p.textContent()), 'a mention without Arabic evidence');
    await shot(page, 'event-multi-ar');
    await visit(page, eventUrl, 'event');
  });

  await test('article view from the event, sentence in focus', async () => {
    await act(page, 'doc', () => page.locator('#event-detail a.doc-link').first().click());
    const body = page.locator('#doc-detail .doc-text');
    assert(await body.getAttribute('dir') === 'rtl', 'article not dir=rtl');
    assert(ARABIC.test(await body.textContent()), 'article not Arabic');
    assert(await page.locator('#doc-detail .sent.focus').count() === 1, 'no focused sentence');
    assert(await page.locator('#doc-detail .doc-events li').count() > 0, 'no events listed');
    await shot(page, 'doc-ar');
  });

  await test('English labels with the language toggle; Arabic content stays RTL', async () => {
    await visit(page, eventUrl || base, 'event');
    await act(page, 'event', () => page.click('#lang-toggle'));
    const html = await page.evaluate(() => ({dir: document.documentElement.dir, lang: document.documentElement.lang}));
    assert(html.dir === 'ltr' && html.lang === 'en', `html dir/lang ${html.dir}/${html.lang}`);
    assert((await page.locator('aside h2').first().textContent()) === 'Filters', 'labels not English');
    const p = page.locator('#event-detail p.sentence').first();
    assert(await p.evaluate((e) => getComputedStyle(e).direction) === 'rtl', 'Arabic evidence not RTL');
    await shot(page, 'event-en');
    await visit(page, base, 'overview');
    await shot(page, 'overview-en');
    await act(page, 'overview', () => page.click('#lang-toggle'));
    assert(await page.evaluate(() => document.documentElement.dir) === 'rtl', 'not back to Arabic');
  });

  await test('article search finds Arabic text', async () => {
    await page.fill('#s-q', 'غزة');
    await act(page, 'search', () => page.locator('#search-form button').click());
    const items = page.locator('#search-results li a');
    assert(await items.count() > 0, 'no results');
    assert(await page.locator('#search-results mark').count() > 0, 'search term not marked');
    await act(page, 'doc', () => items.first().click());
  });

  await test('network: tapping a node filters by that actor', async () => {
    await visit(page, base, 'overview');
    const node = await page.evaluate(() => {
      const cy = window.rasdNetwork;
      // A node whose centre no other node or label covers, so the click
      // cannot land on a neighbour drawn on top of it.
      const inside = (bb, p) => p.x >= bb.x1 && p.x <= bb.x2 && p.y >= bb.y1 && p.y <= bb.y2;
      const all = cy.nodes();
      const free = all.filter((a) => all.every((b) => b.same(a)
        || !inside(b.renderedBoundingBox({includeLabels: true}), a.renderedPosition())));
      const n = free.length ? free.first() : all.first();
      const box = document.getElementById('network').getBoundingClientRect();
      const p = n.renderedPosition();
      return {id: n.id(), x: box.left + p.x, y: box.top + p.y};
    });
    await act(page, 'overview', () => page.mouse.click(node.x, node.y));
    assert(decodeURIComponent(page.url()).includes(`actor=${node.id}`), `url ${page.url()}`);
    assert(await page.inputValue('#f-actor') === node.id, 'actor field not set');
    await shot(page, 'network-pick');
  });

  await test('API errors and path traversal over HTTP', async () => {
    const r1 = await page.request.get(`${base}api/events?limit=abc`);
    assert(r1.status() === 400, `limit=abc: ${r1.status()}`);
    assert((await r1.json()).error.includes('limit'), 'no error message');
    const r2 = await page.request.get(`${base}api/nothing`);
    assert(r2.status() === 404, `unknown route: ${r2.status()}`);
    // (The client normalises %2e%2e away; the raw forms are in test_serve.c.)
    const r3 = await page.request.get(`${base}%2e%2e/%2e%2e/etc/passwd`);
    assert(r3.status() === 400 || r3.status() === 404, `traversal: ${r3.status()}`);
    assert(!(await r3.text()).includes('root:'), 'traversal served a file');
    const r4 = await page.request.get(`${base}vendor/cytoscape.min.js`);
    assert(r4.status() === 200 && r4.headers()['content-type'].startsWith('text/javascript'), 'vendor file');
  });

  await test('no script errors and no requests off the server', async () => {
    assert(pageErrors.length === 0, pageErrors.join(' | '));
    // The only failed requests are the deliberate bad filter (400).
    const unexpected = badResponses.filter((r) => !r.includes('from=2024-13-01'));
    assert(unexpected.length === 0, unexpected.join(' | '));
    assert(foreign.length === 0, foreign.join(' '));
  });
} finally {
  await context.close();
  rmSync(profile, {recursive: true, force: true});
}

console.log(`screenshots: ${shots}`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
