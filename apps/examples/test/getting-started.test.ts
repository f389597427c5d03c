// Runs src/getting-started.ts on aedes and on mosquitto and checks the $SYS lines it prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { describeRun, runExample } from './run-example.js';

describe('getting-started prints the $SYS messages that arrive within 3 s, then exits 0', () => {
  let mosquitto: MosquittoBroker<'mqtt'>;
  beforeAll(async () => {
    mosquitto = await startMosquitto();
  });
  afterAll(async () => {
    await mosquitto?.stop();
  });

  it('on the embedded aedes: its heartbeat', async () => {
    const run = await runExample('getting-started');
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines).toContain('Connected with result code 0');
    expect(run.lines.filter((line) => /^\$SYS\/[0-9a-f-]+\/heartbeat [0-9a-f-]+$/.test(line)).length).toBeGreaterThanOrEqual(2);
    expect(run.lines.at(-1)).toMatch(/^\d+ \$SYS messages, disconnected$/);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('on mosquitto given by URL: its retained broker statistics', async () => {
    const run = await runExample('getting-started', [`mqtt://127.0.0.1:${mosquitto.ports.mqtt}`]);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).not.toContain('embedded broker');
    expect(run.lines).toContainEqual(expect.stringMatching(/^\$SYS\/broker\/version mosquitto version \d/));
  });
});
