import { expect, it } from 'vitest';
import { encode } from '../src/index.js';
import { expectRejected } from './support/fixtures.js';

it('a repeated non-repeatable property is DUPLICATE_PROPERTY (0x82 Protocol Error)', () => {
  // PUBLISH with Message Expiry Interval twice
  expectRejected('300f0001740a0200000001020000000278', { code: 'DUPLICATE_PROPERTY', reasonCode: 0x82, protocolVersion: 5 });
  // SUBSCRIBE with two Subscription Identifiers (allowed on PUBLISH, once on SUBSCRIBE)
  expectRejected('820b000104 0b010b02 00016100'.replace(/ /g, ''), { code: 'DUPLICATE_PROPERTY', reasonCode: 0x82, protocolVersion: 5 });
  const subscribe = { type: 'subscribe', packetId: 1, subscriptions: [{ topicFilter: 'a', qos: 0 }], properties: { subscriptionIdentifiers: [1, 2] } } as const;
  expect(() => encode({ ...subscribe, subscriptions: [...subscribe.subscriptions], properties: { subscriptionIdentifiers: [1, 2] } }, 5)).toThrow(expect.objectContaining({ code: 'DUPLICATE_PROPERTY' }));
});
