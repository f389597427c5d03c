import { describe, expect, it } from 'vitest';
import { Harness } from './helpers/harness.js';
import { fuzzSession } from './helpers/session-fuzz.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => Number.parseInt(b, 16)));

describe('Session.receive is total', () => {
  it('a CONNECT from the broker after CONNACK (v5): Protocol Error 0x82 on the DISCONNECT, not the decoder\'s 0x84, and no throw', () => {
    const h = new Harness({ protocolVersion: 5, clientId: 'c' }).connect();
    h.clear();
    expect(() => h.deliver(hex('10 0d 00 04 4d 51 54 54 06 02 00 3c 00 00 00'))).not.toThrow();
    expect(h.of('error')[0]?.error.code).toBe('UNSUPPORTED_PROTOCOL_VERSION');
    expect(h.broker.sent('disconnect').map((d) => d.reasonCode)).toEqual([0x82]);
    expect(h.session.state).toBe('disconnected');
  });

  it('a reason code DISCONNECT allows is kept: a PUBLISH over our maximum gets 0x95', () => {
    const tooLarge = new Harness({ protocolVersion: 5, clientId: 'c', maximumPacketSize: 20 }).connect();
    tooLarge.deliver(hex('30 20 00 01 74 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00'));
    expect(tooLarge.broker.sent('disconnect').map((d) => d.reasonCode)).toEqual([0x95]);
  });

  it('seeded fuzz: random broker packets, commands, timers and drops at every protocol level; nothing escapes', () => {
    const runs = Number(process.env.SESSION_FUZZ_RUNS ?? 300);
    const steps = Number(process.env.SESSION_FUZZ_STEPS ?? 400);
    const seed = Number(process.env.SESSION_FUZZ_SEED ?? 20261203);
    let fed = 0;
    let sent = 0;
    let connected = 0;
    for (let run = 0; run < runs; run++) {
      const report = fuzzSession(seed + run, steps);
      expect(report.failure).toBeUndefined();
      fed += report.packetsFed;
      sent += report.sent;
      connected += report.connectedSteps;
    }
    // The fuzz must really exercise the session: broker input and client output, many times over.
    expect(fed).toBeGreaterThan(runs * steps * 0.1);
    expect(sent).toBeGreaterThan(runs * 5);
    expect(connected).toBeGreaterThan(runs * steps * 0.2);
  }, Math.max(60_000, Number(process.env.SESSION_FUZZ_RUNS ?? 0) * 20));
});
