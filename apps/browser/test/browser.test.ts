// Drives the demo page in headless Chromium: the bundle built by build.mjs connects to mosquitto's
// WebSocket listener, subscribes and publishes; a Node client publishes into the same topic. The
// assertions read what the page shows. BROWSER_SCREENSHOT=1 also writes screenshot.png.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@x/mqtt';
import { programPath, runNode, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { serveApp, type StaticServer } from './static-server.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

describe('the browser demo page', () => {
  let mosquitto: MosquittoBroker<'ws' | 'mqtt'>;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let buildOutput: string;
  const pageErrors: string[] = [];
  const topic = `x-mqtt/browser-test/${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const built = runNode(['build.mjs'], { cwd: appDir });
    [mosquitto, server, { stdout: buildOutput }] = await Promise.all([startMosquitto({ listeners: ['ws', 'mqtt'] }), serveApp(), built]);
    browser = await chromium.launch({ executablePath: programPath('chromium'), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 640, height: 520 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mosquitto?.stop();
  });

  it('is built without Node modules, and the build reports its size', () => {
    expect(buildOutput).toMatch(/^dist\/page\.js +\d+ B minified, +\d+ B gzipped/m);
  });

  it('connects to mosquitto over ws://, subscribes, and shows its own message', async () => {
    await page.goto(server.url);
    await page.fill('#url', `ws://127.0.0.1:${mosquitto.ports.ws}/mqtt`);
    await page.click('#connect');
    await page.waitForSelector('#status[data-state="connected"]', { timeout: 10_000 });
    expect(await page.textContent('#status')).toMatch(/^Connected to ws:\/\/127\.0\.0\.1:\d+\/mqtt as x-mqtt-\w+\.$/);

    await page.fill('#topic', topic);
    await page.click('#subscribe');
    await page.waitForSelector('#status[data-state="subscribed"]');
    expect(await page.textContent('#status')).toBe(`Subscribed to ${topic} (granted QoS 1).`);

    await page.fill('#message', 'hello from Chromium');
    await page.click('#publish');
    const item = page.locator('#messages li', { hasText: 'hello from Chromium' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getAttribute('data-topic')).toBe(topic);
    expect(await page.locator('#messages li').count()).toBe(1);
  });

  it('shows a message that a Node client publishes to the same topic', async () => {
    const node = new Client();
    await node.connect(`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`);
    await node.publish(topic, 'hello from Node <b>not bold</b>', 1);
    await node.disconnect();

    const item = page.locator('#messages li', { hasText: 'hello from Node' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toMatch(new RegExp(`${topic} hello from Node <b>not bold</b>$`));
    expect(await page.locator('#messages b').count()).toBe(0); // text, never HTML
    expect(await page.locator('#messages li').first().textContent()).toContain('hello from Node'); // newest first

    if (process.env['BROWSER_SCREENSHOT']) await page.locator('main').screenshot({ path: `${appDir}screenshot.png`, type: 'png' });
    expect(pageErrors).toEqual([]);
  });
});
