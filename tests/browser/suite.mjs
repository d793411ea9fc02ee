// Verder browser suite: Debian's headless Chromium, driven by playwright-core, checks every page
// type against the website issue's quality bar — axe-core (WCAG 2.1 A/AA) with 0 violations at
// phone and desktop width, 320 px without horizontal scrolling, requests only to our own origin,
// no cookies, keyboard use (skip link, focus order, search), every function with JavaScript off,
// and our autocomplete with it on, and — with JavaScript on and off — that no page type asks any
// other host or sets a cookie. Screenshots of each page type go to SCREENSHOT_DIR.
// Usage: BASE_URL=http://127.0.0.1:PORT node suite.mjs   (tests/browser/run-suite starts verder)
//   env SCREENSHOT_DIR (default build/browser-screenshots), ONLY=page,page, CHROMIUM (binary)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// Every page type is one line. `from` + `link`: the page is the first such link on another page
// (a path, or the name of a page type above). `status`: the HTTP status to expect (default 200).
// E.g. { name: 'compare', from: 'course', link: 'a[href^="/vergelijken"]' }
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'home-en', path: '/en/' },
  { name: 'results', path: '/zoeken?q=zorg' },
  { name: 'results-en', path: '/en/search?q=care' },
  { name: 'results-filtered', path: '/zoeken?q=zorg&level=mbo-4&mode=classroom&sort=price' },
  { name: 'results-near', path: '/zoeken?q=zorg&near=3511&radius_km=25&sort=distance' },
  { name: 'results-none', path: '/zoeken?q=xyzzyq' },
  { name: 'course', from: '/zoeken?q=zorg', link: '.result-list h3 a' },
  { name: 'course-en', from: '/en/search?q=care', link: '.result-list h3 a' },
  // Nearest to 's-Hertogenbosch: a long place name in the offerings table.
  { name: 'course-near', from: '/zoeken?q=zorg&near=5211&sort=distance', link: '.result-list h3 a' },
  { name: 'about', path: '/over' },
  { name: 'privacy', path: '/privacy' },
  { name: 'accessibility', path: '/toegankelijkheid' },
  { name: 'funding', path: '/betalen' },
  { name: 'help', path: '/hulp' },
  { name: 'help-near', path: '/hulp?postcode=3511' },
  { name: 'help-near-en', path: '/en/help?postcode=9711' },
  { name: 'help-bad-postcode', path: '/hulp?postcode=12ab', status: 400 },
  { name: 'home-popular', path: '/?postcode=3511' },
  { name: 'compare', path: '/vergelijken?id=1388&id=1397&id=20' },
  { name: 'compare-en', path: '/en/compare?id=1388&id=1397' },
  { name: 'compare-empty', path: '/vergelijken' },
  { name: 'funding-answers', path: '/betalen?age=34&education=mbo2&work=employee-permanent&sector=care-welfare&postcode=3511' },
  { name: 'funding-answers-en', path: '/en/funding?age=57&education=hbo&work=self-employed&sector=culture' },
  { name: 'funding-wrong', path: '/betalen?age=abc&stap_used=veel' },
  { name: 'funding-restore', path: '/betalen/ophalen' },
  { name: 'funding-restore-en', path: '/en/funding/restore' },
  { name: 'results-net-cost', path: '/zoeken?q=zorg&age=34&work=employee-permanent&net_max=500&sort=net' },
  { name: 'course-net-cost', from: '/zoeken?q=zorg&age=34&work=employee-permanent', link: '.result-list h3 a' },
  { name: 'compare-net-cost', path: '/vergelijken?id=1388&id=17000&age=34&work=employee-permanent' },
  { name: 'developers', path: '/ontwikkelaars' },
  { name: 'developers-en', path: '/en/developers' },
  { name: 'complaint', from: '/zoeken?q=zorg', link: '.result-list h3 a', suffix: '/melden' },
  { name: 'complaint-en', from: '/en/search?q=care', link: '.result-list h3 a', suffix: '/report' },
  { name: 'not-found', path: '/bestaat-niet', status: 404 },
  { name: 'bad-request', path: '/zoeken?price_max=veel', status: 400 },
];
const VIEWPORTS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };
const NARROW = { width: 320, height: 740 };  // WCAG 1.4.10 reflow: no sideways scrolling
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BASE = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const ORIGIN = new URL(BASE).origin;
const SHOTS = process.env.SCREENSHOT_DIR ??
  fileURLToPath(new URL('../../build/browser-screenshots', import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // Playwright gives each launch a fresh profile of its own under TMPDIR (--user-data-dir).
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

// ---- a tiny runner: every check prints one line; failures print why, and the run goes on ----
const started = Date.now();
const tally = { passed: 0, failed: 0, types: 0, pages: 0, axe: 0, shots: [], report: [] };
async function check(name, fn) {
  try {
    await fn();
    tally.passed++;
    console.log(`ok    ${name}`);
  } catch (e) {
    tally.failed++;
    console.log(`FAIL  ${name}\n      ${String(e.message ?? e).split('\n').join('\n      ')}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

// ---- helpers ----
// A context that records what a page asks for, so we can prove it stays on our own origin.
async function open(browser, viewport, options = {}) {
  const context = await browser.newContext({ viewport, baseURL: BASE, ...options });
  context.setDefaultTimeout(15000);
  const seen = { requests: [], errors: [] };
  context.on('request', (r) => seen.requests.push(r.url()));
  context.on('page', (p) => {
    p.on('pageerror', (e) => seen.errors.push(`script error: ${e.message}`));
    // CSP violations show up as console errors; "Failed to load resource" is judged by status.
    p.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') &&
      seen.errors.push(m.text()));
    p.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' &&
      seen.errors.push(`${r.status()} for ${r.url()}`));
  });
  return { context, page: await context.newPage(), seen };
}

async function expectClean(context, seen) {
  const foreign = seen.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== ORIGIN);
  expect(foreign.length === 0, `requests to other origins:\n${foreign.join('\n')}`);
  const cookies = await context.cookies();
  expect(cookies.length === 0, `cookies set: ${cookies.map((c) => c.name).join(', ')}`);
  expect(seen.errors.length === 0, `errors in the page:\n${seen.errors.join('\n')}`);
}

// axe goes in through the DevTools protocol (page.evaluate): the page's strict CSP stays on.
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`) }));
  }, AXE_TAGS);
}
function expectNoViolations(violations) {
  const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`);
  expect(violations.length === 0, `${violations.length} axe violation(s):\n${text.join('\n')}`);
}

async function go(page, path, status = 200) {
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response && response.status() === status, `${path}: status ${response?.status()}, want ${status}`);
}
const count = async (page) => Number((await page.locator('[role=status]').first().innerText()).match(/\d+/)?.[0]);
const param = (page, key) => new URL(page.url()).searchParams.get(key);

// ---- every page type, at phone and desktop width, and at 320 px ----
async function resolvePaths(browser) {
  const { context, page } = await open(browser, VIEWPORTS.desktop);
  for (const p of PAGES.filter((p) => p.from)) {
    await go(page, PAGES.find((q) => q.name === p.from)?.path ?? p.from).catch(() => {});
    const href = await page.locator(p.link).first().getAttribute('href').catch(() => null);
    p.path = href && href + (p.suffix ?? '');
  }
  await context.close();
}

// One page per width, reused from page type to page type (a new context costs about a second).
async function checkPageTypes(browser, pages) {
  tally.types = pages.length;
  for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
    const { context, page, seen } = await open(browser, viewport);
    for (const p of pages) {
      const row = { page: p.name, viewport: vp, path: p.path, violations: null };
      let loaded = false;  // later checks must not judge the page type before
      seen.requests.length = seen.errors.length = 0;
      await check(`${p.name} ${vp}: loads ${p.path} with own origin only, no cookie, no error`, async () => {
        expect(p.path, `no path (no "${p.link}" link on ${p.from})`);
        const response = await page.goto(p.path, { waitUntil: 'load' });
        loaded = true;
        expect(response?.status() === (p.status ?? 200), `status ${response?.status()}, want ${p.status ?? 200}`);
        const shot = `${SHOTS}/${p.name}-${vp}.png`;
        await page.screenshot({ path: shot, fullPage: true });
        tally.shots.push(shot);
        await expectClean(context, seen).finally(() => context.clearCookies());
      });
      await check(`${p.name} ${vp}: axe finds no WCAG 2.1 A/AA violation`, async () => {
        expect(loaded, 'page did not load');
        const violations = await axeViolations(page);
        row.violations = violations.map((v) => ({ id: v.id, targets: v.nodes.length }));
        tally.axe += violations.length;
        expectNoViolations(violations);
      });
      tally.pages++;
      tally.report.push(row);
      if (vp === 'phone') {
        await check(`${p.name} 320px: no horizontal scrolling`, async () => {
          expect(loaded, 'page did not load');
          await page.setViewportSize(NARROW);
          try {
            await expectNoSidewaysScroll(page);
          } finally {
            await page.setViewportSize(viewport);
          }
        });
      }
    }
    await context.close();
  }
}

async function expectNoSidewaysScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width <= NARROW.width) return;
  // Name the culprits: the innermost boxes that stick out, or whose text does, outside any
  // scrolling box of their own.
  const wide = await page.evaluate((limit) => {
    const out = [...document.querySelectorAll('body *')].filter((e) => {
      const spills = e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'visible';
      if (e.getBoundingClientRect().right <= limit + 0.5 && !spills) return false;
      // An absolutely placed box is clipped only from its containing block (offsetParent) up.
      const from = getComputedStyle(e).position === 'absolute' ? e.offsetParent : e.parentElement;
      for (let a = from; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return false;
      return true;
    });
    return out.filter((e) => !out.some((o) => o !== e && e.contains(o))).slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}` +
        ` "${e.textContent.trim().slice(0, 30)}"`);
  }, NARROW.width);
  throw new Error(`scrollWidth ${width} > ${NARROW.width}; too wide: ${wide.join(', ')}`);
}

// ---- keyboard ----
// Tabs through the whole page and returns where focus went, with positions in the document.
async function tabSequence(page, max = 80) {
  const seq = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return { desc: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.innerText ?? el.value ?? '').trim().slice(0, 30)}"`,
        q: el.id === 'q',
        submit: el.matches('form[role=search] button[type=submit]'),
        top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX };
    });
    if (!f || (seq.length && f.desc === seq[0].desc)) break;  // left the page, or wrapped round
    seq.push(f);
  }
  return seq;
}

// Focus must not jump back: the next element may not lie wholly above, or on the same line wholly
// to the left of, the one before (WCAG 2.4.3 focus order, 1.3.2 meaningful sequence).
function expectVisualOrder(seq) {
  for (let i = 1; i < seq.length; i++) {
    const [a, b] = [seq[i - 1], seq[i]];
    const sameLine = b.top < a.bottom && b.bottom > a.top;
    expect(!(b.bottom <= a.top) && !(sameLine && b.right <= a.left),
      `focus goes back from ${a.desc} to ${b.desc}\n  order: ${seq.map((f) => f.desc).join(' → ')}`);
  }
}

async function checkKeyboard(browser) {
  for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
    const { context, page } = await open(browser, viewport);
    await check(`keyboard ${vp}: first Tab is a skip link; Enter moves focus to the main content`, async () => {
      await go(page, '/');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement.matches('.skip-link')),
        'first Tab does not focus the skip link');
      expect(await page.locator('.skip-link').isVisible(), 'the skip link is not visible when focused');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('main').contains(document.activeElement));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement.id === 'q'),
        'Tab after the skip link does not go to the search box');
    });
    await check(`keyboard ${vp}: Tab reaches search box, then its button, in visual order`, async () => {
      await go(page, '/');
      const seq = await tabSequence(page);
      const q = seq.findIndex((f) => f.q);
      const submit = seq.findIndex((f) => f.submit);
      expect(q > 0 && submit > q, `search box at ${q}, button at ${submit} in: ${seq.map((f) => f.desc).join(' → ')}`);
      expectVisualOrder(seq);
    });
    await check(`keyboard ${vp}: search with the keyboard only (type + Enter)`, async () => {
      await go(page, '/');
      for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement.id === 'q')); i++)
        await page.keyboard.press('Tab');
      await page.keyboard.type('zorg');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/zoeken\?/);
      expect(param(page, 'q') === 'zorg', `landed on ${page.url()}`);
      expect((await count(page)) > 0, 'no results counted');
    });
    await context.close();
  }
}

// ---- without JavaScript: search, filter, page, open a course ----
async function checkWithoutJavaScript(browser) {
  const { context, page, seen } = await open(browser, VIEWPORTS.desktop, { javaScriptEnabled: false });
  const state = {};
  await check('no JS: search from home lands on results', async () => {
    await go(page, '/');
    expect(await page.locator('#q').getAttribute('role') === null, 'JavaScript seems to be on');
    await page.fill('#q', 'zorg');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/\/zoeken\?/);
    expect(param(page, 'q') === 'zorg', `landed on ${page.url()}`);
    state.total = await count(page);
    expect(state.total > 10, `only ${state.total} results for zorg`);
  });
  await check('no JS: tick a filter and apply: URL and count follow', async () => {
    // The first filter option that narrows the results but still leaves more than one page.
    const options = await page.locator('.filters input[type=checkbox]').evaluateAll((boxes) => boxes.map((b) => ({
      id: b.id, name: b.name, value: b.value,
      n: Number(document.querySelector(`label[for="${b.id}"] .count`)?.textContent.match(/\d+/)?.[0]) })));
    const pick = options.find((o) => o.n > 10 && o.n < state.total);
    expect(pick, `no filter option between 10 and ${state.total} results`);
    await page.check(`#${pick.id}`);
    await page.click('.filters button[type=submit]');
    await page.waitForURL((u) => u.searchParams.getAll(pick.name).includes(pick.value));
    expect(await page.isChecked(`#${pick.id}`), 'the ticked filter is not ticked on the new page');
    const n = await count(page);
    expect(n === pick.n, `count says ${n}, the filter promised ${pick.n}`);
    state.filter = pick;
  });
  await check('no JS: sort by price and apply: URL and form keep the choice', async () => {
    await page.selectOption('#sort', 'price');
    await page.click('.filters button[type=submit]');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'price');
    if (state.filter) expect(param(page, state.filter.name) !== null, `filter lost: ${page.url()}`);
    expect(await page.inputValue('#sort') === 'price', 'the sort choice is not kept on the new page');
  });
  await check('no JS: the next-page link gives page 2 with the filter kept', async () => {
    const first = await page.locator('.result-list h3 a').first().getAttribute('href');
    await page.click('a[rel=next]');
    await page.waitForURL((u) => u.searchParams.get('page') === '2');
    if (state.filter) expect(param(page, state.filter.name) !== null, `filter lost: ${page.url()}`);
    expect(await page.locator('a[rel=prev]').count() === 1, 'no previous-page link on page 2');
    const again = await page.locator('.result-list h3 a').first().getAttribute('href');
    expect(again && again !== first, 'page 2 shows the same first result as page 1');
  });
  await check('no JS: a result link opens its course page', async () => {
    const link = page.locator('.result-list h3 a').first();
    const title = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/opleiding\/\d+$/);
    // startsWith: a demo course's h1 ends in a "demo" badge.
    expect((await page.locator('h1').innerText()).trim().startsWith(title), `course page h1 is not "${title}"`);
  });
  await check('no JS: tick two results to compare; the compare page shows both', async () => {
    await go(page, '/zoeken?q=verpleegkundige');
    const boxes = page.locator('.result-list input[type=checkbox][form=compare]');
    const ids = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.click('button[form=compare]');
    await page.waitForURL(/\/vergelijken\?/);
    const url = new URL(page.url());
    expect(JSON.stringify(url.searchParams.getAll('id')) === JSON.stringify(ids), `compare URL ${page.url()}`);
    const columns = await page.locator('table.compare thead th').count();
    expect(columns === 2, `${columns} columns for 2 chosen courses`);
    await page.locator('table.compare thead th a', { hasText: /Haal weg/ }).first().click();
    await page.waitForURL((u) => u.searchParams.getAll('id').length === 1);
  });
  await check('no JS: help near you: postcode form → the regional desk', async () => {
    await go(page, '/hulp');
    await page.fill('#postcode', '3511');
    await page.click('main form button[type=submit]');
    await page.waitForURL((u) => u.searchParams.get('postcode') === '3511');
    const desk = (await page.locator('#desk-name').innerText()).trim();
    expect(desk === 'Leerwerkloket Midden-Utrecht', `desk shown: "${desk}"`);
    await page.click('a[href="/hulp?regio=11"]');
    await page.waitForURL(/regio=11/);
    expect((await page.locator('#desk-name').innerText()).includes('Groot Amsterdam'), 'region link gives another desk');
  });
  await check('no JS: report a mistake from a course page: the form thanks you', async () => {
    await go(page, '/zoeken?q=zorg');
    await page.locator('.result-list h3 a').first().click();
    await page.waitForURL(/\/opleiding\/\d+$/);
    await page.check('#category-wrong_info');
    await page.fill('#complaint-message', 'De startdatum klopt niet.');
    await page.click('section.complaint button[type=submit]');
    await page.waitForURL(/\/melden\?sent=1$/);
    const thanks = (await page.locator('section.complaint [role=status]').innerText()).trim();
    expect(thanks.startsWith('Dank je wel'), `after sending: "${thanks}"`);
  });
  await check('no JS: save funding answers with consent, get them back with the code', async () => {
    await go(page, '/betalen?age=34&education=mbo2&work=employee-permanent&postcode=3511');
    await page.check('#consent');
    await page.click('section.save-answers button[type=submit]');
    await page.waitForURL(/\/betalen\/bewaren$/);
    const code = (await page.locator('.save-code strong').innerText()).trim();
    expect(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/.test(code), `the code shown: "${code}"`);
    await page.click(`a[href="/betalen/ophalen"]`);
    await page.waitForURL(/\/betalen\/ophalen$/);
    await page.fill('#code', code.toUpperCase());
    await page.click('main form button[value=restore]');
    await page.waitForURL((u) => u.pathname === '/betalen' && u.searchParams.get('postcode') === '3511');
    expect(await page.inputValue('#age') === '34', 'the age is not back in the form');
  });
  await check('no JS: no foreign request, cookie or error on the way', () => expectClean(context, seen));
  await context.close();
}

// ---- the page that shows a save code: reached only by a POST, so not in PAGES ----
async function checkSavedAnswersPage(browser) {
  for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
    const { context, page, seen } = await open(browser, viewport);
    await check(`${vp}: funding-saved: axe clean`, async () => {
      await go(page, '/en/funding?age=57&education=hbo&work=self-employed&sector=culture');
      await page.check('#consent');
      await page.click('section.save-answers button[type=submit]');
      await page.waitForURL(/\/en\/funding\/save$/);
      expectNoViolations(await axeViolations(page));
      const shot = `${SHOTS}/funding-saved-${vp}.png`;
      await page.screenshot({ path: shot, fullPage: true });
      tally.shots.push(shot);
    });
    await check(`${vp}: funding-saved: no foreign request, cookie or error`, () => expectClean(context, seen));
    await context.close();
  }
}

// ---- with JavaScript: our autocomplete ----
async function checkAutocomplete(browser) {
  const { context, page, seen } = await open(browser, VIEWPORTS.desktop);
  await check('JS: typing "verpleeg" shows suggestions; ArrowDown + Enter picks one', async () => {
    await go(page, '/');
    await page.locator('#q').pressSequentially('verpleeg', { delay: 40 });
    const options = page.locator('#suggestions [role=option]');
    await options.first().waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.getAttribute('#q', 'aria-expanded') === 'true', 'aria-expanded is not true');
    await page.keyboard.press('ArrowDown');
    const first = options.first();
    expect(await first.getAttribute('aria-selected') === 'true', 'ArrowDown does not select the first');
    expect(await page.getAttribute('#q', 'aria-activedescendant') === await first.getAttribute('id'),
      'aria-activedescendant does not point at the selected option');
    const chosen = (await first.innerText()).trim();
    expectNoViolations(await axeViolations(page));  // the open list is part of the page too
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?/);
    expect(param(page, 'q') === chosen, `searched "${param(page, 'q')}", picked "${chosen}"`);
  });
  await check('JS: suggestions fetched from our own origin, no cookie, no error', () => expectClean(context, seen));
  await context.close();
}

// ---- privacy: every page type, with JavaScript and without, talks to our server only ----
// Every request a page makes (documents, styles, scripts, fetches, images) must go to the server
// under test: same scheme, host and port. No data: URLs either (no page needs one), no cookie in
// the jar afterwards, and no Set-Cookie on any answer, the 404 and 400 pages included.

// data: URLs in the page's attributes and style sheets: Chromium makes no request for them.
async function inlineDataUrls(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const url = a.name === 'style' ? /url\(\s*["']?data:/i
          : /^(src|srcset|href|poster|data|action|formaction)$/.test(a.name) ? /(^|,)\s*data:/i : null;
        if (url?.test(a.value)) found.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
      }
    }
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (/url\(\s*["']?data:/i.test(rule.cssText)) found.push(`CSS ${rule.cssText.slice(0, 60)}`);
      }
    }
    return found;
  });
}

async function checkPrivacy(browser, pages) {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'JS' : 'no JS';
    const { context, page } = await open(browser, VIEWPORTS.desktop, { javaScriptEnabled });
    const requests = [];  // { from: page type, url }
    const cookieHeaders = [];  // promises of "page type: url sets ..." or null, one per answer
    let from = '';
    page.on('request', (r) => requests.push({ from, url: r.url() }));
    page.on('response', (r) => cookieHeaders.push(r.allHeaders().then((h) =>
      ('set-cookie' in h ? `${from}: ${r.url()} sets "${h['set-cookie']}"` : null), () => null)));
    await check(`own server only, ${mode}: every page type asks ${ORIGIN} only, sets no cookie`, async () => {
      const problems = [];
      for (const p of pages) {
        from = p.name;
        if (!p.path) {
          problems.push(`${p.name}: no path (no "${p.link}" link on ${p.from})`);
          continue;
        }
        try {
          await page.goto(p.path, { waitUntil: 'load' });
          for (const d of await inlineDataUrls(page)) problems.push(`${p.name}: a data: URL in ${d}`);
        } catch (e) {
          problems.push(`${p.name}: ${e.message.split('\n')[0]}`);
        }
      }
      if (javaScriptEnabled) {  // the requests our one script makes: the autocomplete's
        from = 'autocomplete';
        try {
          await go(page, '/');
          await page.locator('#q').pressSequentially('verpleeg', { delay: 40 });
          await page.locator('#suggestions [role=option]').first().waitFor({ state: 'visible', timeout: 5000 });
        } catch (e) {
          problems.push(`autocomplete: ${e.message.split('\n')[0]}`);
        }
        if (!requests.some((r) => r.url.includes('/api/v1/suggest?'))) problems.push('the autocomplete asked nothing');
      }
      if (!requests.some((r) => r.url.endsWith('/static/verder.css'))) problems.push('no style sheet request seen: is the recorder on?');
      for (const r of requests.filter((q) => q.url.startsWith('data:') || new URL(q.url).origin !== ORIGIN))
        problems.push(`${r.from}: a request to ${r.url.slice(0, 120)}`);
      for (const c of (await Promise.all(cookieHeaders)).filter((h) => h !== null)) problems.push(c);
      for (const c of await context.cookies()) problems.push(`a cookie in the jar: ${c.name} (${c.domain})`);
      expect(problems.length === 0, problems.join('\n'));
    });
    await context.close();
  }
}

// ---- main ----
mkdirSync(SHOTS, { recursive: true });
const browser = await chromium.launch(LAUNCH);
console.log(`Verder browser suite: ${BASE}, Chromium ${browser.version()}, screenshots in ${SHOTS}`);
try {
  await resolvePaths(browser);
  // ONLY=home,course: just those page types (quicker while fixing one page); flows always run.
  const only = process.env.ONLY?.split(',');
  await checkPageTypes(browser, PAGES.filter((p) => !only || only.includes(p.name)));
  await checkKeyboard(browser);
  await checkWithoutJavaScript(browser);
  await checkSavedAnswersPage(browser);
  await checkAutocomplete(browser);
  await checkPrivacy(browser, PAGES.filter((p) => !only || only.includes(p.name)));
} finally {
  await browser.close();
}
writeFileSync(`${SHOTS}/axe-results.json`, JSON.stringify(tally.report, null, 1));
console.log(`\nPages checked: ${tally.types} page types, ${tally.pages} page loads (phone + desktop)`);
console.log(`Axe violations: ${tally.axe} (per page: ${SHOTS}/axe-results.json)`);
console.log(`Screenshots written: ${tally.shots.length} in ${SHOTS}`);
console.log(`Time: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
