// Runs src/will.ts on aedes and mosquitto: the monitor sees "online", then the will.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('will: the broker publishes the will when the device loses its connection', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  for (const broker of ['embedded', 'mosquitto'] as const) {
    it(`on ${broker}`, async () => {
      const run = await runExample('will', broker === 'mosquitto' ? [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`] : []);
      expect(run.code, describeRun(run)).toBe(0);
      const monitor = run.lines.filter((line) => line.startsWith('monitor: '));
      expect(monitor).toEqual(['monitor: online', 'monitor: offline']);
      expect(run.lines.at(-1)).toBe('the broker published the will');
    });
  }
});
