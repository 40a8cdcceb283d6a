// The reader on a phone-sized screen: nothing wider than the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReader } from '../lib/fixture.js';

const reader = useReader({ viewport: { width: 360, height: 740 } });

async function assertNoSideways(r) {
  const { scrollWidth, innerWidth } = await r.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

/** A phone's reader on the first article found for "Karabakh", its text in. */
async function firstArticle() {
  const r = await reader.newReader({ isMobile: true, hasTouch: true });
  await r.open('#/?q=Karabakh');
  await r.results().first().locator('a').tap();
  await r.reader().locator('.text > *').first().waitFor();
  return r;
}

const scrolled = (r) => r.page.evaluate(() => window.scrollY);

test('results and articles fit a phone screen', async () => {
  const r = await reader.newReader({ isMobile: true, hasTouch: true });
  await r.open();
  await r.type('Karabakh');
  await r.results().first().waitFor();
  await assertNoSideways(r);
  await r.screenshot('phone-results');
  await r.results().first().locator('a').tap();
  await r.reader().waitFor();
  await assertNoSideways(r);
  await r.screenshot('phone-reader');
});

test('a name’s page and "Mes articles" open at their top, wherever the page before was scrolled', async () => {
  const r = await firstArticle();
  // The names are at the foot of the article.
  const names = r.page.getByRole('navigation', { name: 'Noms de l’article' });
  await names.scrollIntoViewIfNeeded();
  assert.ok((await scrolled(r)) > 300, 'scrolled down to the names');
  await names.getByRole('link').first().tap();
  await r.page.locator('.name h1').waitFor();
  await r.page.waitForTimeout(100);
  assert.equal(await scrolled(r), 0, 'the name’s page opens at its top');
  // Scrolled down a list, then to "Mes articles".
  await r.page.goto(`${r.baseUrl}#/`);
  await r.results().nth(3).scrollIntoViewIfNeeded();
  assert.ok((await scrolled(r)) > 300, 'scrolled down the list');
  // (By the address: a tap on a link above would scroll up to it first.)
  await r.page.evaluate(() => { location.hash = '#/mes-articles'; });
  await r.page.locator('h1', { hasText: 'Mes articles' }).waitFor();
  await r.page.waitForTimeout(100);
  assert.equal(await scrolled(r), 0, '"Mes articles" opens at its top');
  assert.deepEqual(r.errors, []);
});

test('on a phone the last lines of an article scroll above the bar of its matches', async () => {
  const r = await firstArticle();
  const bar = r.page.getByRole('navigation', { name: 'Occurrences' });
  await bar.waitFor();
  await r.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await r.page.waitForTimeout(100);
  const { last, top } = await r.page.evaluate(() => {
    const content = [...document.querySelectorAll('article.reader > *')].filter((e) => getComputedStyle(e).position !== 'fixed');
    return {
      last: Math.max(...content.map((e) => e.getBoundingClientRect().bottom)),
      top: document.querySelector('.matches').getBoundingClientRect().top,
    };
  });
  // With room to spare (16 px): it ended 4 px above the bar, its last
  // line touching it.
  assert.ok(last + 16 <= top, `the article ends at ${last}px, the bar starts at ${top}px`);
  assert.deepEqual(r.errors, []);
});

test('on a phone the search box’s placeholder fits in it, not cut', async () => {
  const r = await reader.newReader({ isMobile: true, hasTouch: true });
  await r.open();
  const box = r.page.getByRole('searchbox');
  await box.waitFor();
  const { text, width, room } = await box.evaluate((input) => {
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: input.placeholder, width: context.measureText(input.placeholder).width, room };
  });
  assert.ok(width <= room, `« ${text} » needs ${Math.ceil(width)}px, the box has ${room}px`);
  assert.deepEqual(r.errors, []);
});
