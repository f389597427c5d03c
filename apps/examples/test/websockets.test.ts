// Runs src/websockets.ts on aedes behind ws, and on mosquitto's ws and wss listeners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample, type ExampleRun } from './run-example.js';

function expectBothMessages(run: ExampleRun): void {
  expect(run.code, describeRun(run)).toBe(0);
  expect(run.lines.slice(-2)).toEqual(['received "hello over WebSockets"', 'received "and goodbye"']);
}

describe('websockets: MQTT over ws:// and wss://, read with client.messages()', () => {
  let mosquitto: MosquittoBroker<'ws' | 'wss'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto({ listeners: ['ws', 'wss'] });
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  it('on the embedded aedes behind a ws server at /mqtt', async () => {
    const run = await runExample('websockets');
    expect(run.lines[0]).toMatch(/^started an embedded broker \(aedes\) at ws:\/\/127\.0\.0\.1:\d+\/mqtt$/);
    expectBothMessages(run);
  });

  it("on mosquitto's ws listener", async () => {
    const url = `ws://127.0.0.1:${mosquitto.ports.ws}/mqtt`;
    const run = await runExample('websockets', [url]);
    expect(run.lines[0]).toBe(`connected to ${url}`);
    expectBothMessages(run);
  });

  it("on mosquitto's wss listener, trusting the test CA", async () => {
    const run = await runExample('websockets', [`wss://localhost:${mosquitto.ports.wss}/mqtt`, mosquitto.certs?.ca.certFile ?? '']);
    expectBothMessages(run);
  });
});
