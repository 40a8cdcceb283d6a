// "Écouter": an article read aloud sentence by sentence in a voice of its
// language, the sentence being read marked and kept in view, with pause,
// resume and stop; no button when the browser has no voice for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, useReader } from '../lib/fixture.js';
import { fakeSpeech, FRENCH, ENGLISH } from '../lib/speech.js';

const seeds = useReader({ dist: DIST });
const phone = useReader({ dist: DIST, viewport: { width: 390, height: 700 } });
const ARTICLE = '#/article/000_1a8f4e49545b7e53';

/** What is marked as being read: the highlight's text, and whether it is on screen. */
const marked = (page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('speaking');
    if (!highlight) return null;
    const [range] = highlight;
    const rect = range.getBoundingClientRect();
    return { text: range.toString(), inView: rect.top >= 60 && rect.bottom <= innerHeight };
  });

test('Écouter reads the article sentence by sentence in a French voice, marked and in view; pause, resume, stop', async () => {
  const r = await seeds.newReader();
  await r.page.addInitScript(fakeSpeech, [ENGLISH, FRENCH]);
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.getByRole('button', { name: 'Écouter' }).click();
  const bar = r.page.getByRole('group', { name: 'Lecture à voix haute' });
  await bar.waitFor();
  const first = await r.page.evaluate(() => window.__speech.spoken[0]);
  assert.equal(first.voice, 'Amélie', 'the French voice, not the default English one');
  assert.equal(first.lang, 'fr-FR');
  assert.match(first.text, /^Le ministère azerbaïdjanais de la Défense a déclaré que jusqu.à 3 000 soldats .*selon l.AFP\.$/);
  assert.deepEqual(await marked(r.page), { text: first.text, inView: true });
  assert.match(await bar.innerText(), /Phrase 1 sur \d+/);

  // Each sentence when the one before ends; far down the article, still in view.
  for (let i = 0; i < 8; i++) await r.page.evaluate(() => window.__speech.end());
  await r.page.waitForFunction(() => window.__speech.spoken.length === 9);
  const ninth = await r.page.evaluate(() => window.__speech.spoken[8].text);
  await r.page.waitForTimeout(100);
  assert.deepEqual(await marked(r.page), { text: ninth, inView: true });
  assert.match(await bar.innerText(), /Phrase 9 sur 12/);

  await bar.getByRole('button', { name: 'Pause' }).click();
  await bar.getByRole('button', { name: 'Reprendre' }).click();
  await bar.getByRole('button', { name: 'Pause' }).waitFor();
  await bar.getByRole('button', { name: 'Arrêter' }).click();
  await bar.waitFor({ state: 'detached' });
  assert.deepEqual(await r.page.evaluate(() => window.__speech.calls), ['cancel', 'pause', 'resume', 'cancel']);
  assert.equal(await marked(r.page), null, 'nothing marked once stopped');
  await r.page.evaluate(() => window.__speech.end());
  assert.equal(await r.page.evaluate(() => window.__speech.spoken.length), 9, 'nothing spoken after stop');
  // Started again, it reads to the end and the bar goes.
  await r.page.getByRole('button', { name: 'Écouter' }).click();
  for (let i = 0; i < 12; i++) await r.page.evaluate(() => window.__speech.end());
  await bar.waitFor({ state: 'detached' });
  assert.equal(await marked(r.page), null);
  assert.deepEqual(r.errors, []);
});

test('no Écouter without a voice for the article’s language; leaving the article silences it', async () => {
  const none = await seeds.newReader();
  await none.page.addInitScript(fakeSpeech, [ENGLISH]);
  await none.open(ARTICLE);
  await none.reader().locator('.text > *').first().waitFor();
  await none.page.getByRole('button', { name: /Garder/ }).waitFor();
  assert.equal(await none.page.getByRole('button', { name: 'Écouter' }).count(), 0, 'an English voice only');

  // Voices that come after the page (voiceschanged).
  const late = await seeds.newReader();
  await late.page.addInitScript(fakeSpeech, []);
  await late.open(ARTICLE);
  await late.reader().locator('.text > *').first().waitFor();
  assert.equal(await late.page.getByRole('button', { name: 'Écouter' }).count(), 0, 'no voice at all');
  await late.page.evaluate((voice) => {
    window.__speech.voices = [voice];
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  }, FRENCH);
  await late.page.getByRole('button', { name: 'Écouter' }).click();
  await late.page.getByRole('group', { name: 'Lecture à voix haute' }).waitFor();
  await late.page.getByRole('link', { name: '← Tous les articles' }).click();
  await late.page.locator('.result').first().waitFor();
  assert.deepEqual(await late.page.evaluate(() => window.__speech.calls), ['cancel', 'cancel']);
  assert.deepEqual([...none.errors, ...late.errors], []);
});

test('on a phone the listening bar is above the match bar, and the last lines scroll above both', async () => {
  const r = await phone.newReader();
  await r.page.addInitScript(fakeSpeech, [FRENCH]);
  await r.open(`${ARTICLE}?q=armée`);
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.getByRole('button', { name: 'Écouter' }).click();
  const bar = r.page.getByRole('group', { name: 'Lecture à voix haute' });
  const listen = await bar.boundingBox();
  const matches = await r.page.getByRole('navigation', { name: 'Occurrences' }).boundingBox();
  assert.ok(listen.y + listen.height <= matches.y, `listening bar ${JSON.stringify(listen)} above ${JSON.stringify(matches)}`);
  assert.ok(listen.x >= 0 && listen.x + listen.width <= 390, 'within the screen');
  // Scrolled to the end: the article's last lines are above both bars.
  await r.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await r.page.waitForTimeout(100);
  const last = await r.page.evaluate(() => {
    const kept = [...document.querySelectorAll('article.reader > *')].filter(
      (e) => !['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.getBoundingClientRect().height > 0,
    );
    return kept.at(-1).getBoundingClientRect().bottom;
  });
  const barTop = (await bar.boundingBox()).y;
  assert.ok(last <= barTop, `the last lines end at ${last}, the bars start at ${barTop}`);
  await r.screenshot('phone-listening');
  assert.deepEqual(r.errors, []);
});
