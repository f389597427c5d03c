// MqttEngine.observe(): an observer is told of each packet sent (with its encoded length) and
// each packet received, in wire order, while its `active` getter is true; while it is false
// (or with no observer) nothing is called and no trace of received packets is decoded.
import type { Packet } from '@x/mqtt-codec';
import { expect, it } from 'vitest';
import type { EngineObserver } from '../src/driver/engine-observer.js';
import { engineSetup } from './helpers/engine-setup.js';
import { text } from './helpers/harness.js';

function recorder(): EngineObserver & { active: boolean; seen: string[]; reads: number } {
  const seen: string[] = [];
  let active = true;
  let reads = 0;
  return {
    seen,
    get reads() {
      return reads;
    },
    get active() {
      reads++;
      return active;
    },
    set active(value: boolean) {
      active = value;
    },
    packetSent: (packet: Packet, byteLength: number) => seen.push(`sent ${packet.type} ${byteLength}`),
    packetReceived: (packet: Packet) => seen.push(`received ${packet.type}`),
  };
}

it('reports packets both ways while active, with the encoded length of what is sent (PUBLISH a/hello QoS 1: 2 + 2 + 1 + 2 + 5 = 12)', async () => {
  const { engine, transport } = engineSetup();
  const observer = recorder();
  engine.observe(observer);
  await engine.connect();
  await engine.publish('a', 'hello', { qos: 1 }).done;
  transport.current?.handlers.onData(transport.broker.encode({ type: 'publish', topic: 'a', payload: text('in'), qos: 0, retain: false, dup: false }));
  expect(observer.seen[0]).toMatch(/^sent connect \d+$/);
  expect(observer.seen.slice(1)).toEqual(['received connack', 'sent publish 12', 'received puback', 'received publish']);
});

it('calls nothing while inactive, and nothing at all once removed', async () => {
  const { engine, transport } = engineSetup();
  const observer = recorder();
  observer.active = false;
  engine.observe(observer);
  await engine.connect();
  await engine.publish('a', 'x', { qos: 1 }).done;
  expect(observer.seen).toEqual([]);
  expect(observer.reads).toBeGreaterThan(0);
  engine.observe(undefined);
  const reads = observer.reads;
  observer.active = true;
  transport.current?.handlers.onData(transport.broker.encode({ type: 'publish', topic: 'a', payload: text('in'), qos: 0, retain: false, dup: false }));
  await engine.publish('a', 'y', { qos: 1 }).done;
  expect(observer.reads).toBe(reads);
  expect(observer.seen).toEqual([]);
});
