// Runs src/publish-multiple.ts on aedes and mosquitto: all three messages, each at its QoS.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('publish-multiple: publish.multiple() delivers every message of the list, at its QoS', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('publish-multiple', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    const received = run.lines.filter((line) => line.startsWith('received ')).sort();
    expect(received).toEqual(['received "multiple 1" qos 0', 'received "multiple 2" qos 1', 'received "multiple 3" qos 2']);
    expect(run.lines.at(-1)).toBe('all 3 arrived: multiple 1, multiple 2, multiple 3');
  });
});
