import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

const withAliases = (maximum: number) => ({ connack: { sessionPresent: true, reasonCode: 0, properties: { topicAliasMaximum: maximum } } });

describe('outgoing v5 topic aliases', () => {
  it('with autoTopicAlias off, an explicit alias goes out as given and no automatic alias is added', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', autoTopicAlias: false }, withAliases(5)).connect();
    for (const [topic, alias] of [['a', 2], ['b', undefined], ['b', undefined]] as const) {
      h.run(h.session.publish({ topic, payload: text(topic), ...(alias !== undefined ? { properties: { topicAlias: alias } } : {}) }, h.now).effects);
    }
    expect(h.broker.sent('publish').map((p) => [p.topic, p.properties?.topicAlias])).toEqual([
      ['a', 2],
      ['b', undefined],
      ['b', undefined],
    ]);
  });

  it('an explicit alias taken from one automatic topic leaves the other automatic topics their aliases', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, withAliases(3)).connect();
    const publish = (topic: string, alias?: number) => h.run(h.session.publish({ topic, payload: text(topic), ...(alias !== undefined ? { properties: { topicAlias: alias } } : {}) }, h.now).effects);
    publish('a'); // automatic 1
    publish('b'); // automatic 2
    publish('x', 2); // rebinds 2 at the broker: 'b' loses it, 'a' keeps 1
    publish('a');
    publish('b');
    expect(h.broker.sent('publish').map((p) => [p.topic, p.properties?.topicAlias])).toEqual([
      ['a', 1],
      ['b', 2],
      ['x', 2],
      ['', 1],
      ['b', 3],
    ]);
    expect(h.broker.topics).toEqual(['a', 'b', 'x', 'a', 'b']);
  });

  it('automatic aliases fill the gap an explicit alias leaves, below it', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, withAliases(4)).connect();
    const publish = (topic: string, alias?: number) => h.run(h.session.publish({ topic, payload: text(topic), ...(alias !== undefined ? { properties: { topicAlias: alias } } : {}) }, h.now).effects);
    publish('a'); // automatic 1
    publish('x', 3); // explicit 3: the table holds 1 and 3
    publish('b'); // 3 is the next by count, but taken; 1 too: 2
    expect(h.broker.sent('publish').map((p) => p.properties?.topicAlias)).toEqual([1, 3, 2]);
    expect(h.broker.topics).toEqual(['a', 'x', 'b']);
  });

  it('a message with an explicit alias resent after reconnect carries its topic and alias again', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c', cleanSession: false }, { ...withAliases(5), ackPublishes: false }).connect();
    h.run(h.session.publish({ topic: 'a', payload: text('a'), qos: 1, properties: { topicAlias: 4 } }, h.now).effects);
    h.drop();
    h.clear();
    h.connect();
    expect(h.broker.sent('publish').map((p) => [p.topic, p.properties?.topicAlias, p.dup])).toEqual([['a', 4, true]]);
  });
});
