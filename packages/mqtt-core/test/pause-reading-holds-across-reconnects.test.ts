// Flow control for slow consumers (issue 13 item 5): pauseReading() pauses the transport, so
// nothing more is received or acknowledged; it stays in force for a later connection (applied
// once its CONNACK is in) until resumeReading().
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('pauses the current connection, and the next one after its CONNACK, until resumed', async () => {
  const { engine, transport, timers } = engineSetup();
  engine.pauseReading(); // not connected yet: nothing to pause, the CONNACK must still be read
  await engine.connect();
  expect(transport.flow).toEqual(['pause']);
  engine.resumeReading();
  engine.pauseReading();
  transport.drop();
  await settle();
  await timers.advance(1_000);
  expect(engine.state).toBe('connected');
  expect(transport.flow).toEqual(['pause', 'resume', 'pause', 'pause']);
  engine.resumeReading();
  expect(transport.flow.at(-1)).toBe('resume');
});
