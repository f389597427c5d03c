import { describe, expect, it } from 'vitest';
import { Harness, text } from './helpers/harness.js';

describe('explicit and automatic outgoing topic aliases together never deliver to the wrong topic', () => {
  it('an explicit alias rebinding an automatic one: the next automatic publish resends its topic', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { topicAliasMaximum: 2 } } }).connect();
    const publish = (topic: string, properties?: { topicAlias: number }) => h.run(h.session.publish({ topic, payload: text(topic), properties }, h.now).effects);
    publish('y/Y'); // automatic alias 1
    publish('y/X', { topicAlias: 1 }); // rebinds alias 1 at the broker (3.3.2.3.4)
    publish('y/Y');
    publish('y/Y');
    publish('z');
    // the broker resolves each PUBLISH to the topic the application asked for
    expect(h.broker.topics).toEqual(['y/Y', 'y/X', 'y/Y', 'y/Y', 'z']);
  });

  it('an explicit alias in a gap of the automatic table is not handed out again automatically', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }, { connack: { sessionPresent: false, reasonCode: 0, properties: { topicAliasMaximum: 3 } } }).connect();
    const publish = (topic: string, properties?: { topicAlias: number }) => h.run(h.session.publish({ topic, payload: text(topic), properties }, h.now).effects);
    publish('e', { topicAlias: 2 });
    publish('a'); // alias 1
    publish('b'); // must not take 2
    publish('e');
    publish('a');
    publish('b');
    expect(h.broker.topics).toEqual(['e', 'a', 'b', 'e', 'a', 'b']);
    expect(new Set(h.broker.sent('publish').map((p) => p.properties?.topicAlias)).size).toBe(3);
  });
});
