// Runs src/tls.ts on aedes behind node:tls and on mosquitto's TLS listener (right and wrong CA).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('tls: connects over TLS, verifying the broker against the CA given as the 2nd argument', () => {
  let mosquitto: MosquittoBroker<'mqtts'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto({ listeners: ['mqtts'] });
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  it('on the embedded aedes behind node:tls, with its throw-away certificate', async () => {
    const run = await runExample('tls');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines[0]).toMatch(/^started an embedded broker \(aedes\) at mqtts:\/\/localhost:\d+$/);
    expect(run.lines).toContainEqual(expect.stringMatching(/^connected over TLSv1\.[23], certificate verified: true$/));
    expect(run.lines.at(-1)).toBe('received "hello over TLS"');
  });

  it('on mosquitto, trusting the test CA', async () => {
    const run = await runExample('tls', [`mqtts://localhost:${mosquitto.ports.mqtts}`, mosquitto.certs?.ca.certFile ?? '']);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines.at(-1)).toBe('received "hello over TLS"');
  });

  it('fails (exit 1) on mosquitto when given a CA that did not sign its certificate', async () => {
    const run = await runExample('tls', [`mqtts://localhost:${mosquitto.ports.mqtts}`, mosquitto.certs?.otherCa.certFile ?? '']);
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toMatch(/^FAILED: .*certificate/im);
    expect(run.stdout).not.toContain('received');
  });
});
