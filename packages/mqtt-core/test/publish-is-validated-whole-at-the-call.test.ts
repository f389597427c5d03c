import { isMqttError, type Properties } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Harness, str, text } from './helpers/harness.js';

/** The typed error a publish throws, or a failure when it returns. */
function refusal(run: () => unknown): { code: string } {
  try {
    run();
  } catch (error) {
    expect(isMqttError(error)).toBe(true);
    return error as { code: string };
  }
  throw new Error('expected the publish to throw');
}

describe('publish validates everything the encoder would refuse, at the call', () => {
  const bad: ReadonlyArray<readonly [string, { topic: string; retain?: unknown; properties?: unknown }, string]> = [
    ['a lone surrogate in the topic', { topic: 'a\ud800b' }, 'INVALID_UTF8'],
    ['a topic over 65,535 UTF-8 bytes', { topic: 'é'.repeat(40_000) }, 'INVALID_PACKET'],
    ["retain: 'yes'", { topic: 't', retain: 'yes' }, 'INVALID_PACKET'],
    ['an unknown property name', { topic: 't', properties: { colour: 'red' } }, 'INVALID_PROPERTY'],
    ['topicAlias 0', { topic: 't', properties: { topicAlias: 0 } }, 'INVALID_PROPERTY'],
    ['malformed userProperties', { topic: 't', properties: { userProperties: 'k=v' } }, 'INVALID_PROPERTY'],
    ['subscriptionIdentifiers, which only a broker sets [MQTT-3.3.4-6]', { topic: 't', properties: { subscriptionIdentifiers: [1] } }, 'INVALID_PROPERTY'],
    ['a Response Topic with a wildcard [MQTT-3.3.2-14]', { topic: 't', properties: { responseTopic: 'replies/+' } }, 'INVALID_TOPIC'],
  ];

  it.each(bad)('offline, %s: a typed throw, nothing queued, and the next connect sends only good messages', (_what, request, code) => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' });
    const error = refusal(() => h.session.publish({ payload: text('x'), qos: 1, ...request } as never, h.now));
    expect(error.code).toBe(code);
    expect(h.session.queuedCount).toBe(0);
    h.run(h.session.publish({ topic: 'ok', payload: text('good'), qos: 1 }, h.now).effects);
    expect(() => h.connect()).not.toThrow();
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['good']);
    expect(h.of('published')).toHaveLength(1);
  });

  it('online with the window full: the bad publish throws at the call, and the next PUBACK is handled', () => {
    const h = new Harness({ protocolVersion: 4, clientId: 'c', maxInflightMessages: 1 }, { ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 't', payload: text('first'), qos: 1 }, h.now).effects);
    expect(() => h.session.publish({ topic: 'a\ud800b', payload: text('bad'), qos: 1 }, h.now)).toThrow(expect.objectContaining({ code: 'INVALID_UTF8' }));
    h.run(h.session.publish({ topic: 't', payload: text('second'), qos: 1 }, h.now).effects);
    const id = h.broker.sent('publish')[0]?.packetId ?? 0;
    expect(() => h.brokerSends({ type: 'puback', packetId: id })).not.toThrow();
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['first', 'second']);
    expect(h.session.state).toBe('connected');
  });

  it("an explicit topic alias above the broker's Topic Alias Maximum is refused at the call [MQTT-3.3.2-9]", () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { topicAliasMaximum: 2 } } }).connect();
    const properties: Properties = { topicAlias: 3 };
    expect(() => h.session.publish({ topic: 't', payload: text('x'), properties }, h.now)).toThrow(expect.objectContaining({ code: 'TOPIC_ALIAS_INVALID' }));
    h.run(h.session.publish({ topic: 't', payload: text('x'), properties: { topicAlias: 2 } }, h.now).effects);
    expect(h.broker.sent('publish').map((p) => p.properties?.topicAlias)).toEqual([2]);
  });

  it('a queued message with an alias the next broker does not allow fails alone when the connection comes', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { topicAliasMaximum: 1 } } });
    const aliased = h.session.publish({ topic: 't', payload: text('aliased'), qos: 1, properties: { topicAlias: 5 } }, h.now);
    h.run(aliased.effects);
    h.run(h.session.publish({ topic: 't', payload: text('plain'), qos: 1 }, h.now).effects);
    h.connect();
    expect(h.of('requestFailed')).toEqual([expect.objectContaining({ mid: aliased.mid, error: expect.objectContaining({ code: 'TOPIC_ALIAS_INVALID' }) })]);
    expect(h.broker.sent('publish').map((p) => str(p.payload))).toEqual(['plain']);
  });
});
