// Issue 11 item 5: disconnect() during connect() aborts the open; nothing connects afterwards.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

it('disconnect() while waiting for CONNACK rejects connect() with ABORTED and leaves no connection', async () => {
  const { engine, broker, transport } = engineSetup();
  const answer = broker.answer.bind(broker);
  broker.answer = () => [];
  const pending = engine.connect();
  const outcome = pending.then(() => 'connected', (e: { code?: string }) => e.code);
  await settle();
  expect(transport.open).toBe(1);
  broker.answer = answer; // a CONNACK arriving late must not revive the connection
  await engine.disconnect();
  expect(await outcome).toBe('ABORTED');
  await settle();
  expect(transport.open).toBe(0);
  expect(engine.state).toBe('idle');
});

it('disconnect() before the transport has opened aborts it too', async () => {
  const { engine, transport } = engineSetup();
  const pending = engine.connect();
  await engine.disconnect();
  await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  await settle();
  expect(transport.open).toBe(0);
  expect(engine.state).toBe('idle');
});
