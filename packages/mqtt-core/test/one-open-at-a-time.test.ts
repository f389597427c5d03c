// Issue 11 items 6 and 8: never two opens. reconnect() during connect() joins that attempt; a
// second connect() is refused with INVALID_STATE before it changes anything.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('connect(); reconnect() opens one connection and both resolve with its CONNACK', async () => {
  const { engine, transport } = engineSetup();
  const first = engine.connect();
  const second = engine.reconnect();
  await expect(first).resolves.toMatchObject({ reasonCode: 0 });
  await expect(second).resolves.toMatchObject({ reasonCode: 0 });
  expect(transport.connections).toBe(1);
  expect(engine.state).toBe('connected');
});

it('a second connect() while the first is in progress rejects INVALID_STATE and the first still connects', async () => {
  const { engine, transport } = engineSetup();
  const first = engine.connect();
  await expect(engine.connect()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  await expect(first).resolves.toMatchObject({ reasonCode: 0 });
  await settle();
  expect(transport.connections).toBe(1);
});

it('reconnect() while connected replaces the connection: one open at the end', async () => {
  const { engine, transport } = engineSetup();
  await engine.connect();
  await engine.reconnect();
  await settle();
  expect(transport.connections).toBe(2);
  expect(transport.open).toBe(1);
  expect(engine.state).toBe('connected');
});
