// Measures IndexedDbSessionStore in headless Chromium: put + delete of N QoS 1 messages (100-byte
// payload), awaited one at a time and 100 in flight, with 'strict' and 'relaxed' durability.
// A benchmark, never part of a timed test. usage: node measure-session-store.mjs [N]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const count = Number(process.argv[2] ?? 2000);
await build({ entryPoints: ['src/session-page.ts'], outfile: 'dist/session-page.js', bundle: true, format: 'esm', platform: 'browser', conditions: ['browser', 'x-mqtt-source'], target: 'es2022', absWorkingDir: here, logLevel: 'warning' });
const files = { '/session.html': ['session.html', 'text/html'], '/dist/session-page.js': ['dist/session-page.js', 'text/javascript'] };
const server = createServer(async (request, response) => {
  const entry = files[new URL(request.url, 'http://localhost').pathname];
  if (!entry) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': entry[1] }).end(await readFile(new URL(entry[0], import.meta.url)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/session.html`);
  console.log(`${count} messages, put + delete each, Chromium ${browser.version()}`);
  console.log('| durability | in flight | messages/s | µs per message | transactions per message |');
  console.log('|---|---:|---:|---:|---:|');
  for (const durability of ['strict', 'relaxed']) {
    for (const inFlight of [1, 100]) {
      const r = await page.evaluate(([d, c, f]) => window.sessionHarness.measure(d, c, f), [durability, count, inFlight]);
      const perMessage = (r.ms * 1000) / count;
      console.log(`| ${durability} | ${inFlight} | ${Math.round(count / (r.ms / 1000)).toLocaleString('en')} | ${perMessage.toFixed(1)} | ${(r.transactions / count).toFixed(2)} |`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
