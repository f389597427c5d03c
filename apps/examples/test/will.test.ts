// Runs src/will.ts on aedes and mosquitto: the monitor sees "online", then the will.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('will: the broker publishes the will when the device loses its connection', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('will', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    const monitor = run.lines.filter((line) => line.startsWith('monitor: '));
    expect(monitor).toEqual(['monitor: online', 'monitor: offline']);
    expect(run.lines.at(-1)).toBe('the broker published the will');
  });
});
