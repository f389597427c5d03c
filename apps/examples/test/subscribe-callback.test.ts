// Runs src/subscribe-callback.ts on aedes and mosquitto: three callbacks, then it stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('subscribe-callback: the callback gets userdata and each message until the signal aborts', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  for (const broker of ['embedded', 'mosquitto'] as const) {
    it(`on ${broker}`, async () => {
      const run = await runExample('subscribe-callback', broker === 'mosquitto' ? [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`] : []);
      expect(run.code, describeRun(run)).toBe(0);
      const calls = run.lines.filter((line) => line.startsWith('on_message_print #'));
      expect(calls).toHaveLength(3);
      expect(calls.map((line) => line.replace(/: tick \d+$/, ''))).toEqual(['on_message_print #1', 'on_message_print #2', 'on_message_print #3']);
      expect(run.lines.at(-1)).toBe('stopped after 3 messages');
    });
  }
});
