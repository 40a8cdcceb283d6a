// Holds back the requests of a page whose address matches `pattern` (a glob
// or a RegExp, as Playwright's route takes it) until the returned function
// is called: what the page shows before a file arrives (the app's wasm, say).
export async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
