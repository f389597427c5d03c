// Runs src/subscribe-simple.ts on aedes and mosquitto: the retained message comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('subscribe-simple: subscribe.simple({ retained: true }) returns the retained message', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  for (const broker of ['embedded', 'mosquitto'] as const) {
    it(`on ${broker}`, async () => {
      const run = await runExample('subscribe-simple', broker === 'mosquitto' ? [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`] : []);
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.lines).toContain('subscribe.simple returned "the last known value" (retained: true)');
      expect(run.lines.at(-1)).toBe('cleared the retained message');
    });
  }
});
