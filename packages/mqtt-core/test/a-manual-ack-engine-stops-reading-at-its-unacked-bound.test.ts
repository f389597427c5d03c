// manualAck back-pressure in the engine: reading pauses while maxUnackedInbound messages wait for
// their ack (v5: the smaller of that and our Receive Maximum) and resumes below it, without undoing
// a pauseReading() of the application's.
import { expect, it } from 'vitest';
import type { InboundMessage } from '../src/session/effects.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

const publish = (packetId: number) => ({ type: 'publish', topic: 't', payload: new Uint8Array(1), qos: 1, retain: false, dup: false, packetId }) as const;

it('pauses at the bound, resumes when an ack brings it below, and keeps a pauseReading() in force', async () => {
  const { engine, transport, broker } = engineSetup({ manualAck: true, maxUnackedInbound: 2 });
  const received: InboundMessage[] = [];
  engine.on('message', (m) => received.push(m));
  await engine.connect();
  const send = (id: number) => transport.current?.handlers.onData(broker.encode(publish(id)));
  send(1);
  expect(transport.flow).toEqual([]);
  send(2);
  expect(transport.flow).toEqual(['pause']);
  expect(engine.ack(received[1] as InboundMessage)).toBe('held');
  expect(transport.flow).toEqual(['pause']);
  expect(engine.ack(received[0] as InboundMessage)).toBe('sent');
  expect(transport.flow).toEqual(['pause', 'resume']);
  expect(broker.received.filter((p) => p.type === 'puback').map((p) => (p as { packetId: number }).packetId)).toEqual([1, 2]);

  engine.pauseReading();
  send(3);
  send(4);
  engine.resumeReading(); // the unacked bound still holds reading
  expect(transport.flow).toEqual(['pause', 'resume', 'pause', 'pause']);
  expect(engine.ack(received[2] as InboundMessage, { reasonCode: 0 })).toBe('sent');
  expect(transport.flow).toEqual(['pause', 'resume', 'pause', 'pause', 'resume']);
  engine.pauseReading();
  send(5);
  send(6);
  engine.ack(received[3] as InboundMessage);
  engine.ack(received[4] as InboundMessage); // below the bound, but pauseReading() holds reading
  expect(transport.flow).toEqual(['pause', 'resume', 'pause', 'pause', 'resume', 'pause', 'pause']);
  engine.resumeReading();
  expect(transport.flow.at(-1)).toBe('resume');
});

it('uses the Receive Maximum when it is smaller (v5), and forgets the pause with the connection', async () => {
  const { engine, transport, broker, timers } = engineSetup({ version: 5, manualAck: true, receiveMaximum: 1 });
  const received: InboundMessage[] = [];
  engine.on('message', (m) => received.push(m));
  await engine.connect();
  transport.current?.handlers.onData(broker.encode(publish(1)));
  expect(transport.flow).toEqual(['pause']);
  transport.drop();
  await settle();
  await timers.advance(1_000);
  expect(engine.state).toBe('connected');
  expect(engine.ack(received[0] as InboundMessage)).toBe('stale');
  expect(transport.flow).toEqual(['pause']);
  transport.current?.handlers.onData(broker.encode(publish(1)));
  expect(transport.flow).toEqual(['pause', 'pause']);
  expect(engine.ack(received[1] as InboundMessage)).toBe('sent');
  expect(transport.flow).toEqual(['pause', 'pause', 'resume']);
});
