// The real proof of @x/mqtt-store-indexeddb: in headless Chromium, the browser Client publishes
// QoS 1 and QoS 2 through a proxy that holds the broker's PUBACK / PUBREC (or PUBCOMP) back, the
// page reloads before they arrive, and the reloaded page finds the messages in IndexedDB, resumes
// the session (cleanSession false) and completes them: a subscriber on mosquitto gets the QoS 1
// message at least once and the QoS 2 message exactly once. A reload in the middle of a stream of
// writes leaves a whole prefix of them.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@x/mqtt';
import { programPath, startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import type { StartOptions } from '../src/session-page.js';
import { PacketType, startAckHoldingProxy, type AckHoldingProxy, type ProxiedConnection } from './ack-holding-proxy.js';
import { buildSessionPage, serveSessionPage, type SessionPageServer } from './session-page-server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** How long the test keeps listening for a duplicate once the session completed. */
const DUPLICATE_WINDOW_MS = 750;

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A Node client subscribed (QoS 2) straight to mosquitto, counting each payload it receives. */
async function subscriber(port: number, topic: string): Promise<{ count(text: string): number; close(): Promise<void> }> {
  const counts = new Map<string, number>();
  const client = new Client();
  client.onMessage = (_client, _userdata, message) => counts.set(message.text(), (counts.get(message.text()) ?? 0) + 1);
  await client.connect(`mqtt://127.0.0.1:${port}`);
  await client.subscribe(topic, 2);
  return { count: (text) => counts.get(text) ?? 0, close: async () => void (await client.disconnect()) };
}

describe('an IndexedDbSessionStore in headless Chromium', () => {
  let mosquitto: MosquittoBroker<'ws' | 'mqtt'>;
  let proxy: AckHoldingProxy;
  let server: SessionPageServer;
  let browser: Browser;
  let forbidden: string[];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [forbidden, mosquitto, server] = await Promise.all([buildSessionPage(), startMosquitto({ listeners: ['ws', 'mqtt'] }), serveSessionPage()]);
    proxy = await startAckHoldingProxy(mosquitto.ports.ws);
    browser = await chromium.launch({ executablePath: programPath('chromium'), args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await proxy?.close();
    await server?.close();
    await mosquitto?.stop();
  });

  /** A fresh browser profile (its own IndexedDB) with the test page open. */
  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    return { page, errors };
  }

  const start = (page: Page, options: StartOptions) => page.evaluate((o) => window.sessionHarness.start(o), options);
  const publish = (page: Page, topic: string, text: string, qos: 1 | 2) => page.evaluate(([t, x, q]) => window.sessionHarness.publish(t, x, q), [topic, text, qos] as const);
  const outgoing = (page: Page) => page.evaluate(() => window.sessionHarness.outgoing());
  const latestConnection = (): ProxiedConnection => proxy.connections.at(-1)!;

  it('is built for the browser without Node modules', () => {
    expect(forbidden).toEqual([]);
  });

  for (const protocol of [4, 5] as const) {
    it(`MQTT ${protocol === 5 ? '5' : '3.1.1'}: after a reload before PUBACK and PUBREC, the QoS 1 message arrives at least once and the QoS 2 message exactly once`, async () => {
      const id = `idb-${protocol}-${crypto.randomUUID().slice(0, 8)}`;
      const topic = `x-mqtt/idb/${id}`;
      const options: StartOptions = { url: `ws://127.0.0.1:${proxy.port}/mqtt`, clientId: id, database: `session-${id}`, protocol };
      const sub = await subscriber(mosquitto.ports.mqtt, topic);
      const { page, errors } = await openPage();
      try {
        proxy.holdOn([PacketType.PUBACK, PacketType.PUBREC]);
        expect((await start(page, options)).restored).toEqual([]);
        const qos1 = await publish(page, topic, 'at least once', 1);
        const qos2 = await publish(page, topic, 'exactly once', 2);
        const before = latestConnection();
        await waitUntil('the broker to answer both PUBLISHes', () => before.held.includes(PacketType.PUBACK) && before.held.includes(PacketType.PUBREC));
        expect(before.forwarded).not.toContain(PacketType.PUBACK);
        expect(before.forwarded).not.toContain(PacketType.PUBREC);
        expect(await outgoing(page)).toMatchObject([
          { mid: qos1, qos: 1, state: 'wait-puback' },
          { mid: qos2, qos: 2, state: 'wait-pubrec' },
        ]);

        proxy.holdOn([]);
        await page.reload();
        const resumed = await start(page, options);
        expect(resumed.damage).toBeUndefined();
        expect(resumed.restored).toMatchObject([
          { mid: qos1, topic, qos: 1, state: 'wait-puback' },
          { mid: qos2, topic, qos: 2, state: 'wait-pubrec' },
        ]);
        await waitUntil('the resumed session to complete both messages', async () => (await outgoing(page)).length === 0);
        const after = latestConnection();
        expect(after).not.toBe(before);
        expect(after.forwarded).toEqual(expect.arrayContaining([PacketType.PUBACK, PacketType.PUBREC, PacketType.PUBCOMP]));
        await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS));
        expect(sub.count('at least once')).toBeGreaterThanOrEqual(1);
        expect(sub.count('exactly once')).toBe(1);

        // Committed, not just in memory: a reloaded page finds the database empty.
        await page.reload();
        expect(await page.evaluate((name) => window.sessionHarness.inspect(name), options.database)).toMatchObject({ mids: [], damage: undefined });
        expect(await page.evaluate(() => window.sessionHarness.errors)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await sub.close();
      }
    });
  }

  it('MQTT 3.1.1: after a reload before PUBCOMP, the QoS 2 message arrives exactly once', async () => {
    const id = `idb-pubcomp-${crypto.randomUUID().slice(0, 8)}`;
    const topic = `x-mqtt/idb/${id}`;
    const options: StartOptions = { url: `ws://127.0.0.1:${proxy.port}/mqtt`, clientId: id, database: `session-${id}`, protocol: 4 };
    const sub = await subscriber(mosquitto.ports.mqtt, topic);
    const { page, errors } = await openPage();
    try {
      proxy.holdOn([PacketType.PUBCOMP]);
      await start(page, options);
      const mid = await publish(page, topic, 'exactly once', 2);
      const before = latestConnection();
      await waitUntil('the broker to send PUBCOMP', () => before.held.includes(PacketType.PUBCOMP));
      expect(before.forwarded).toContain(PacketType.PUBREC);
      await waitUntil('the subscriber to get the message', () => sub.count('exactly once') === 1);
      expect(await outgoing(page)).toMatchObject([{ mid, qos: 2, state: 'wait-pubcomp' }]);

      proxy.holdOn([]);
      await page.reload();
      const resumed = await start(page, options);
      expect(resumed.restored).toMatchObject([{ mid, qos: 2, state: 'wait-pubcomp' }]);
      await waitUntil('the resumed session to complete the message', async () => (await outgoing(page)).length === 0);
      expect(latestConnection().forwarded).toContain(PacketType.PUBCOMP);
      await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS));
      expect(sub.count('exactly once')).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await sub.close();
    }
  });

  it('refuses a second store on the same database while the first is open (Web Lock)', async () => {
    const { page } = await openPage();
    expect(await page.evaluate(() => window.sessionHarness.lockTwice('locked'))).toEqual({ refused: 'SESSION_STORE_ERROR', afterClose: true });
  });

  it('leaves a whole prefix of its writes when the page reloads in the middle of them', async () => {
    const { page, errors } = await openPage();
    const database = `burst-${crypto.randomUUID().slice(0, 8)}`;
    const count = 2000;
    const reloadAfter = 200;
    await Promise.all([page.waitForEvent('load'), page.evaluate(([d, c, r]) => window.sessionHarness.burst(d, c, r), [database, count, reloadAfter] as const)]);
    const found = await page.evaluate((name) => window.sessionHarness.inspect(name), database);
    const kept = found.mids.length;
    expect(found.damage).toBeUndefined();
    expect(kept).toBeGreaterThanOrEqual(reloadAfter);
    expect(kept).toBeLessThan(count); // the reload did cut the stream of writes
    expect(found.mids).toEqual(Array.from({ length: kept }, (_, i) => i + 1));
    expect(found.nextMid).toBe(kept + 1);
    expect(errors).toEqual([]);
  });
});
