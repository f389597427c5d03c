import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('v5 topic aliases', () => {
  it('are assigned to outgoing topics within the broker maximum, the topic sent only the first time', () => {
    const h = new Harness({ protocolVersion: 5 }, { connack: { sessionPresent: false, reasonCode: 0, properties: { topicAliasMaximum: 1 } } }).connect();
    for (const t of ['a/b', 'a/b', 'c', 'c', 'a/b']) h.run(h.session.publish({ topic: t, payload: text('x') }, h.now).effects);
    expect(h.broker.sent('publish').map((p) => [p.topic, p.properties?.topicAlias])).toEqual([
      ['a/b', 1],
      ['', 1],
      ['c', 1],
      ['', 1],
      ['a/b', 1],
    ]);
    expect(h.broker.topics).toEqual(['a/b', 'a/b', 'c', 'c', 'a/b']);
  });

  it('are not used when the broker allows none', () => {
    const h = new Harness({ protocolVersion: 5 }).connect();
    h.run(h.session.publish({ topic: 'a', payload: text('x') }, h.now).effects);
    expect(h.broker.sent('publish')[0]?.properties).toBeUndefined();
  });

  it('from the broker are resolved, and an unknown or too large alias closes with DISCONNECT 0x94', () => {
    const h = new Harness({ protocolVersion: 5, topicAliasMaximum: 5 }).connect();
    expect(h.broker.sent('connect')[0]?.properties).toEqual({ topicAliasMaximum: 5 });
    h.brokerSends({ type: 'publish', topic: 'long/topic', payload: text('1'), qos: 0, retain: false, dup: false, properties: { topicAlias: 2 } });
    h.brokerSends({ type: 'publish', topic: '', payload: text('2'), qos: 0, retain: false, dup: false, properties: { topicAlias: 2 } });
    expect(h.of('message').map((m) => m.message.topic)).toEqual(['long/topic', 'long/topic']);
    h.brokerSends({ type: 'publish', topic: '', payload: text('3'), qos: 0, retain: false, dup: false, properties: { topicAlias: 3 } });
    expect(h.broker.sent('disconnect')).toEqual([{ type: 'disconnect', reasonCode: 0x94 }]);
    expect(h.of('error')[0]?.error.code).toBe('TOPIC_ALIAS_INVALID');
    expect(h.session.state).toBe('disconnected');
  });
});
