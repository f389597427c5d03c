// Runs src/subscribe-simple.ts on aedes and mosquitto: the retained message comes back.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('subscribe-simple: subscribe.simple({ retained: true }) returns the retained message', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('subscribe-simple', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.lines).toContain('subscribe.simple returned "the last known value" (retained: true)');
    expect(run.lines.at(-1)).toBe('cleared the retained message');
  });
});
