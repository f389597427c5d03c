// Runs src/publish-multiple.ts on aedes and mosquitto: all three messages, each at its QoS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('publish-multiple: publish.multiple() delivers every message of the list, at its QoS', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  for (const broker of ['embedded', 'mosquitto'] as const) {
    it(`on ${broker}`, async () => {
      const run = await runExample('publish-multiple', broker === 'mosquitto' ? [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`] : []);
      expect(run.code, describeRun(run)).toBe(0);
      const received = run.lines.filter((line) => line.startsWith('received ')).sort();
      expect(received).toEqual(['received "multiple 1" qos 0', 'received "multiple 2" qos 1', 'received "multiple 3" qos 2']);
      expect(run.lines.at(-1)).toBe('all 3 arrived: multiple 1, multiple 2, multiple 3');
    });
  }
});
