// EngineCore.onEvery(): one listener told of every engine event by name (the facade's one closure
// per client), before the on() listeners; its remover stops it.
import { expect, it } from 'vitest';
import { engineSetup } from './helpers/engine-setup.js';

it('tells the every-event listener of socketOpen, connect and disconnect, in order, until removed', async () => {
  const { engine } = engineSetup();
  const heard: string[] = [];
  engine.on('connect', () => heard.push('on connect'));
  const off = engine.onEvery((event) => {
    if (event !== 'log') heard.push(event);
  });
  await engine.connect();
  await engine.disconnect();
  off();
  await engine.connect();
  expect(heard).toEqual(['socketOpen', 'connect', 'on connect', 'disconnect', 'socketClose', 'on connect']);
});
