// Runs src/mqtt5-request-response.ts on mosquitto (MQTT 5), without a URL, and on aedes (3.1.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAedes, startMosquitto, type AedesBroker, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('mqtt5-request-response: response topic and correlation data route each answer to its request', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  let aedes: AedesBroker;
  beforeAll(async () => {
    [mosquitto, aedes] = await Promise.all([startMosquitto(), startAedes()]);
  });
  afterAll(async () => {
    await Promise.all([mosquitto?.stop(), aedes?.close()]);
  });

  it('answers both requests on mosquitto (MQTT 5)', async () => {
    const run = await runExample('mqtt5-request-response', [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`]);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines.filter((line) => line.startsWith('responder: ')).sort()).toEqual(['responder: 12 squared is 144', 'responder: 7 squared is 49']);
    expect(run.lines.at(-1)).toBe('requester: req-1 -> 49, req-2 -> 144');
  });

  it('says that it needs a URL, and exits 2, when none is given', async () => {
    const run = await runExample('mqtt5-request-response');
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('needs an MQTT 5 broker');
    expect(run.stderr).toContain('Usage: npx -y pnpm@10.34.9 --filter @x/examples example src/mqtt5-request-response.ts mqtt://host:1883');
    expect(run.stdout).toBe('');
  });

  // aedes answers the v5 CONNECT with the 3.1.1 CONNACK 20 02 00 01 (unacceptable protocol
  // version); the client takes any non-zero code as a refusal, so connect() rejects with it.
  it('fails (exit 1) at connect() with the protocol-version refusal on a 3.1.1-only broker (aedes)', async () => {
    const run = await runExample('mqtt5-request-response', [`mqtt://127.0.0.1:${aedes.port}`]);
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toMatch(/^FAILED: .*protocol version/im);
  });
});
