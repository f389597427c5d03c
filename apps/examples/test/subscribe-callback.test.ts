// Runs src/subscribe-callback.ts on aedes and mosquitto: three callbacks, then it stops.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('subscribe-callback: the callback gets userdata and each message until the signal aborts', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('subscribe-callback', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    const calls = run.lines.filter((line) => line.startsWith('on_message_print #'));
    expect(calls).toHaveLength(3);
    expect(calls.map((line) => line.replace(/: tick \d+$/, ''))).toEqual(['on_message_print #1', 'on_message_print #2', 'on_message_print #3']);
    expect(run.lines.at(-1)).toBe('stopped after 3 messages');
  });
});
