import { encode } from '@x/mqtt-codec';
import { describe, expect, it } from 'vitest';
import { Session } from '../src/session/session.js';
import { Harness } from './helpers/harness.js';

describe('inputs that arrive when the session is not on a connection change nothing', () => {
  it('connectionClosed twice: the second answers no effect', () => {
    const h = new Harness({ clientId: 'c' }).connect();
    expect(h.session.connectionClosed(h.now).map((e) => e.type)).toContain('disconnected');
    expect(h.session.connectionClosed(h.now)).toEqual([]);
  });

  it('bytes before any connection, and bytes after a fatal error while the link closes, are dropped', () => {
    const session = new Session({ clientId: 'c' });
    const connack = encode({ type: 'connack', sessionPresent: false, reasonCode: 0 }, 4);
    expect(session.receive(connack, 0)).toEqual([]);
    session.connectionOpened(0);
    const fatal = session.receive(encode({ type: 'pingresp' }, 4), 0); // PINGRESP before CONNACK
    expect(fatal.map((e) => e.type)).toEqual(['error', 'close', 'cancelTimer']);
    expect(session.state).toBe('closing');
    expect(session.receive(connack, 0)).toEqual([]);
    expect(session.state).toBe('closing');
  });

  it('packets behind a fatal one in the same chunk are not handled', () => {
    const session = new Session({ clientId: 'c' });
    session.connectionOpened(0);
    const chunk = new Uint8Array([...encode({ type: 'pingresp' }, 4), ...encode({ type: 'connack', sessionPresent: false, reasonCode: 0 }, 4)]);
    const fx = session.receive(chunk, 0);
    expect(fx.filter((e) => e.type === 'connack')).toEqual([]);
    expect(fx.filter((e) => e.type === 'error').map((e) => e.type === 'error' && e.error.code)).toEqual(['INVALID_STATE']);
    expect(session.state).toBe('closing');
  });

  it('disconnect while disconnected or closing is a no-op; while connecting it closes without sending DISCONNECT', () => {
    const session = new Session({ clientId: 'c' });
    expect(session.disconnect({}, 0)).toEqual([]);
    session.connectionOpened(0);
    const fx = session.disconnect({}, 0);
    expect(fx.filter((e) => e.type === 'send')).toEqual([]);
    expect(fx.map((e) => e.type)).toContain('close');
    expect(session.disconnect({}, 0)).toEqual([]);
    expect(session.connectionClosed(0).find((e) => e.type === 'disconnected')).toMatchObject({ error: undefined });
  });
});
