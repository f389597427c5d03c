// Runs src/publish-single.ts on aedes and mosquitto: the listener must print the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('publish-single: publish.single() delivers one message that a listener receives', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  for (const broker of ['embedded', 'mosquitto'] as const) {
    it(`on ${broker}`, async () => {
      const run = await runExample('publish-single', broker === 'mosquitto' ? [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`] : []);
      expect(run.code, describeRun(run)).toBe(0);
      expect(run.lines).toContainEqual(expect.stringMatching(/^published "boo" to x-mqtt-examples\/publish-single\/\w+\/paho\/test\/single$/));
      expect(run.lines.at(-1)).toBe('the listener received "boo"');
    });
  }
});
