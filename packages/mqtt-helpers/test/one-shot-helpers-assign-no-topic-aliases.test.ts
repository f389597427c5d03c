// A one-message connection gains nothing from a topic alias (issue 12 item 9): the helpers send the
// topic name and no Topic Alias, although the peer's CONNACK allows 10 aliases; `autoTopicAlias`
// turns automatic aliases back on for publish.multiple.
import type { Packet } from '@x/mqtt-codec';
import { tcpTransport } from '@x/mqtt-transport-tcp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publish, type HelperTarget } from '../src/index.js';
import { startClosingPeer, type ClosingPeer } from './support/closing-peer.js';

let peer: ClosingPeer;
beforeAll(async () => {
  // closeOnConnections 0: a peer that acknowledges everything.
  peer = await startClosingPeer({ protocolVersion: 5, closeAfter: 'publish', closeOnConnections: 0 });
});
afterAll(async () => {
  await peer.close();
});

const options = () => ({
  hostname: '127.0.0.1',
  port: peer.port,
  protocol: 5 as const,
  createTransport: (target: HelperTarget<unknown>) => tcpTransport({ host: target.hostname, port: target.port }),
});

function publishesOn(connection: number): Array<{ topic: string; alias: number | undefined }> {
  return peer.received.flatMap(({ connection: c, packet }: { connection: number; packet: Packet }) =>
    c === connection && packet.type === 'publish' ? [{ topic: packet.topic, alias: packet.properties?.topicAlias }] : [],
  );
}

it('publish.single sends the topic name without a Topic Alias', async () => {
  await publish.single('alias/one', 'x', { ...options(), qos: 1 });
  expect(publishesOn(peer.connections)).toEqual([{ topic: 'alias/one', alias: undefined }]);
});

it('publish.multiple sends no Topic Alias either, unless autoTopicAlias is set', async () => {
  await publish.multiple([['alias/many', 'a', 1], ['alias/many', 'b', 1]], options());
  expect(publishesOn(peer.connections)).toEqual([{ topic: 'alias/many', alias: undefined }, { topic: 'alias/many', alias: undefined }]);
  await publish.multiple([['alias/many', 'a', 1], ['alias/many', 'b', 1]], { ...options(), autoTopicAlias: true });
  expect(publishesOn(peer.connections)).toEqual([{ topic: 'alias/many', alias: 1 }, { topic: '', alias: 1 }]);
});
