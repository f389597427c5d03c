// Issue 11 item 17: the reconnect back-off restarts from its minimum only after a connection that
// stayed up for backoffResetAfter seconds (default 10); a broker that accepts and drops at once
// sees the delay double instead of reconnects at the minimum delay forever.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('connections dropped at once double the delay; one that stayed up 10 s resets it', async () => {
  const { engine, transport, timers } = engineSetup({ reconnectDelay: { minDelay: 1, maxDelay: 120 } });
  await engine.connect();
  const delays: number[] = [];
  for (let i = 0; i < 4; i++) {
    const before = transport.connections;
    transport.drop();
    await settle();
    expect(engine.state).toBe('reconnect-wait');
    const start = timers.time;
    while (transport.connections === before) await timers.advance(250);
    delays.push(timers.time - start);
    await settle();
    expect(engine.state).toBe('connected');
  }
  expect(delays).toEqual([1000, 2000, 4000, 8000]);
  await timers.advance(10_000); // stays up: the next loss starts again from 1 s
  const before = transport.connections;
  transport.drop();
  await settle();
  const start = timers.time;
  while (transport.connections === before) await timers.advance(250);
  expect(timers.time - start).toBe(1000);
});
