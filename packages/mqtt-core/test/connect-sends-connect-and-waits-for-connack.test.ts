import { encode } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Session } from '../src/session/session.js';

describe('opening a connection', () => {
  it('sends CONNECT with the options and arms the CONNACK timer, then CONNACK arms keepalive', () => {
    const session = new Session({ clientId: 'c1', keepalive: 30, username: 'u', password: 'secret', cleanSession: false });
    const opened = session.connectionOpened(1000);
    expect(opened.map((e) => e.type)).toEqual(['send', 'setTimer']);
    expect(opened[0]).toMatchObject({ type: 'send', packet: { type: 'connect', clientId: 'c1', keepalive: 30, cleanStart: false, username: 'u', protocolVersion: 4 } });
    expect(opened[1]).toEqual({ type: 'setTimer', timer: 'connect', at: 31_000 });
    expect(session.state).toBe('connecting');

    const acked = session.receive(encode({ type: 'connack', sessionPresent: true, reasonCode: 0 }, 4), 1500);
    expect(acked).toEqual([
      { type: 'connack', sessionPresent: true, reasonCode: 0, properties: undefined },
      { type: 'cancelTimer', timer: 'connect' },
      { type: 'setTimer', timer: 'keepalive', at: 31_500 },
    ]);
    expect(session.state).toBe('connected');
  });

  it('answers a CONNACK that never comes with CONNECT_TIMEOUT and a close', () => {
    const session = new Session({ connectTimeout: 5 });
    session.connectionOpened(0);
    const fired = session.timerFired('connect', 5000);
    expect(fired.map((e) => e.type)).toEqual(['error', 'close']);
    expect(fired[0]).toMatchObject({ error: { code: 'CONNECT_TIMEOUT' } });
  });

  it('refuses commands that are not allowed in the current state', () => {
    const session = new Session();
    session.connectionOpened(0);
    expect(() => session.connectionOpened(0)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => session.restore({ version: 1, outgoing: [], incomingQos2: [], nextMid: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
