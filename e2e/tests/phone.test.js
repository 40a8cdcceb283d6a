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
