// Screenshots of every theme on a desktop and a phone (not a test: for looking).
import { launch } from './lib/browser.js';
import { serveStatic } from './lib/server.js';
import { select } from './lib/selection.js';
const dist = process.argv[2] ?? '../dist';
const out = process.argv[3] ?? '/tmp/shots';
// The seeds and the same story from two sources (scripts/test builds it): "Comparer".
const next = process.argv[4] ?? '../target/e2e/dist-next';
const server = await serveStatic(new URL(dist, import.meta.url).pathname);
const nextServer = await serveStatic(new URL(next, import.meta.url).pathname);
const browser = await launch();
const views = [['desktop', { width: 1280, height: 860 }], ['phone', { width: 390, height: 800 }]];
for (const [device, viewport] of views) {
  for (const theme of ['light', 'sepia', 'dark', 'system-dark']) {
    const context = await browser.newContext({ viewport, colorScheme: theme === 'system-dark' ? 'dark' : 'light' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e));
    await page.goto(server.url);
    await page.getByRole('searchbox').waitFor();
    const t = theme === 'system-dark' ? 'system' : theme;
    await page.evaluate((t) => localStorage.setItem(`liseuse:1:${location.pathname}:settings`, JSON.stringify({ v: 1, theme: t, size: 3, px: 18, font: 'serif', width: 'normal' })), t);
    await page.reload();
    await page.locator('.result').first().waitFor();
    await page.screenshot({ path: `${out}/${device}-${theme}-home.png` });
    await page.getByRole('searchbox').fill('armée');
    await page.locator('.result').first().waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-results.png` });
    await page.locator('.result a').first().click();
    await page.locator('article.reader h1').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-reader.png` });
    // Highlights: one over a match of the search, one with a note, and the bar of a selection.
    await select(page, 'armée');
    await page.keyboard.press('h');
    const paragraph = await page.locator('article.reader .text p').nth(1).textContent();
    await select(page, paragraph.split(' ').slice(2, 9).join(' '));
    await page.getByRole('button', { name: 'Note…' }).click();
    await page.getByLabel('Votre note').fill('À comparer avec la version de Bakou.');
    await page.screenshot({ path: `${out}/${device}-${theme}-note.png` });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await select(page, paragraph.split(' ').slice(12, 16).join(' '));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-highlights.png` });
    // Citing the selection, then its paragraph's link.
    await page.getByRole('toolbar').getByRole('button', { name: 'Citer' }).click();
    await page.getByRole('dialog', { name: 'Citer ce passage' }).waitFor();
    await page.screenshot({ path: `${out}/${device}-${theme}-cite.png` });
    const [item] = JSON.parse(await page.locator('.cite-form pre').nth(3).textContent());
    await page.getByRole('button', { name: 'Fermer' }).click();
    await page.goto(item.URL);
    await page.locator('.text .cited').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${device}-${theme}-cited.png` });
    await page.locator('.highlights').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${device}-${theme}-highlights-list.png` });
    await page.getByRole('button', { name: 'Réglages de lecture' }).click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-settings.png` });
    await page.keyboard.press('Escape');
    // Who said what: a name's page, and a search among quotations.
    await page.goto(`${server.url}#/nom/antony%20blinken`);
    await page.locator('.quotations blockquote').waitFor();
    await page.locator('.quotations').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-name.png` });
    await page.goto(`${server.url}#/?q=cite%3ABlinken`);
    await page.locator('.quote-results blockquote').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-quotes.png` });
    // The same story from two sources, compared (the reader's settings are the site's: set again).
    await page.goto(`${nextServer.url}#/`);
    await page.evaluate((t) => localStorage.setItem(`liseuse:1:${location.pathname}:settings`, JSON.stringify({ v: 1, theme: t, size: 3, px: 18, font: 'serif', width: 'normal' })), t);
    await page.goto(`${nextServer.url}#/article/006_otan_gazette?comparer=007_otan_courrier`);
    await page.reload();
    await page.locator('.compare-table').waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${device}-${theme}-compare.png`, fullPage: true });
    await context.close();
  }
}
await browser.close();
await server.close();
await nextServer.close();
