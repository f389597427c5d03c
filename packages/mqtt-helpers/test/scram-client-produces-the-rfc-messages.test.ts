// The SCRAM client against the RFCs' own example exchanges, nonce injected: RFC 7677 section 3
// (SCRAM-SHA-256, user "user", password "pencil") and RFC 5802 section 5 (SCRAM-SHA-1). Each
// message the client makes is checked byte for byte, and the server's final signature is accepted.
import { expect, it } from 'vitest';
import { scramAuthenticator } from '../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

it.each([
  {
    hash: 'SHA-256' as const,
    method: 'SCRAM-SHA-256',
    nonce: 'rOprNGfwEbeRWgbNEkqO',
    clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
    serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
    clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
    serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
  },
  {
    hash: 'SHA-1' as const,
    method: 'SCRAM-SHA-1',
    nonce: 'fyko+d2lbbFgONRv9qkxdawL',
    clientFirst: 'n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL',
    serverFirst: 'r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096',
    clientFinal: 'c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=',
    serverFinal: 'v=rmF9pqV8S7suAoZWja4dJRkFsKQ=',
  },
])('$method: the exact client-first and client-final, and the server signature accepted', async (v) => {
  const auth = scramAuthenticator({ username: 'user', password: 'pencil', hash: v.hash, nonce: () => v.nonce });
  expect(auth.method).toBe(v.method);
  expect(dec(await auth.start?.())).toBe(v.clientFirst);
  expect(dec(await auth.challenge(enc(v.serverFirst), undefined))).toBe(v.clientFinal);
  expect(() => auth.complete?.(enc(v.serverFinal), undefined)).not.toThrow();
});

it('defaults to SCRAM-SHA-256 with a random nonce, new for each exchange, and escapes = and , in the user name', async () => {
  const auth = scramAuthenticator({ username: 'a=b,c', password: 'p' });
  expect(auth.method).toBe('SCRAM-SHA-256');
  const one = dec(await auth.start?.());
  const two = dec(await auth.start?.());
  expect(one).toMatch(/^n,,n=a=3Db=2Cc,r=[A-Za-z0-9+/=]{24}$/);
  expect(two).not.toBe(one);
});
