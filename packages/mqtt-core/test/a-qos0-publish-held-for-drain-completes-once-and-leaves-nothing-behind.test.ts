// A QoS 0 publish whose bytes wait for a blocked transport completes when they are written, and
// then nothing of it stays in the engine; if the connection goes before they are written, it fails
// (CONNECTION_CLOSED) instead of waiting forever. Both through the direct path (no properties) and
// through the Session's effects (v5 with properties).
import { expect, it } from 'vitest';
import type { PublishOptions } from '../src/driver/engine-types.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

for (const version of [4, 5] as const) {
  const options: PublishOptions = version === 5 ? { properties: { userProperties: [['k', 'v']] } } : {};

  it(`v${version}: held, then written: fulfilled, and the engine holds nothing of it`, async () => {
    const { engine, transport } = engineSetup({ version });
    await engine.connect();
    transport.blocked = true;
    const handles = Array.from({ length: 50 }, () => engine.publish('t', 'x', options));
    expect(handles.slice(1).every((h) => h.status === 'pending')).toBe(true);
    expect(engine.stats().writesHeld).toBe(49);
    transport.blocked = false;
    transport.current?.handlers.onDrain();
    await Promise.all(handles);
    expect(handles.every((h) => h.status === 'fulfilled')).toBe(true);
    expect(engine.stats()).toMatchObject({ requestsWaiting: 0, writesHeld: 0 });
  });

  it(`v${version}: held, then the connection drops: rejected with CONNECTION_CLOSED`, async () => {
    const { engine, transport } = engineSetup({ version, autoReconnect: false });
    await engine.connect();
    transport.blocked = true;
    engine.publish('t', 'first', options);
    const held = engine.publish('t', 'second', options);
    expect(held.status).toBe('pending');
    transport.drop();
    await expect(held.done).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    await settle();
    expect(engine.stats()).toMatchObject({ requestsWaiting: 0, writesHeld: 0 });
  });
}

it('a held publish watched by a signal stops waiting on abort, and its write still completes nothing twice', async () => {
  const { engine, transport } = engineSetup();
  await engine.connect();
  transport.blocked = true;
  engine.publish('t', 'first');
  const controller = new AbortController();
  const held = engine.publish('t', 'second', { signal: controller.signal });
  controller.abort();
  await expect(held.done).rejects.toMatchObject({ code: 'ABORTED' });
  transport.blocked = false;
  transport.current?.handlers.onDrain();
  await settle();
  expect(held.status).toBe('rejected');
  expect(engine.stats()).toMatchObject({ requestsWaiting: 0, writesHeld: 0 });
});
