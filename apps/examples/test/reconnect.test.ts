// Runs src/reconnect.ts on aedes and mosquitto: the exact connect/disconnect sequence.
import { describe, expect } from 'vitest';
import { describeRun, onEachBroker, runExample } from './run-example.js';

describe('reconnect: after a cut connection the client reconnects and onConnect renews the subscription', () => {
  onEachBroker(async (brokerUrl) => {
    const run = await runExample('reconnect', brokerUrl);
    expect(run.code, describeRun(run)).toBe(0);
    const events = run.lines.filter((line) => !line.startsWith('started'));
    // rc 7 is MQTT_ERR_CONN_LOST; rc 0 the final disconnect().
    expect(events).toEqual([
      'connected (rc 0)',
      'cutting the connection',
      'disconnected (rc 7)',
      'connected (rc 0)',
      'received "after the reconnect"',
      'disconnected (rc 0)',
    ]);
    expect(run.ms).toBeLessThan(8000); // the first retry waits reconnectDelaySet's minimum, 1 s
  });
});
