// The SCRAM client fails with AUTH_ERROR when the server cannot be trusted or the exchange is
// broken: a wrong server signature, a server error (e=), a nonce that does not extend ours, too
// few iterations, an unknown extension, no server-first, data that is missing or not UTF-8.
import { expect, it } from 'vitest';
import { scramAuthenticator } from '../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const SERVER_FIRST = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
const authError = (text: string) => expect.objectContaining({ code: 'AUTH_ERROR', message: expect.stringContaining(text) });

async function afterClientFinal() {
  const auth = scramAuthenticator({ username: 'user', password: 'pencil', nonce: () => 'rOprNGfwEbeRWgbNEkqO' });
  await auth.start?.();
  await auth.challenge(enc(SERVER_FIRST), undefined);
  return auth;
}

it('a server signature that does not match', async () => {
  const auth = await afterClientFinal();
  expect(() => auth.complete?.(enc('v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4='), undefined)).toThrow(authError('does not match'));
  const short = await afterClientFinal();
  expect(() => short.complete?.(enc('v=AAAA'), undefined)).toThrow(authError('does not match'));
});

it('a server error, a server-final without v=, no data, base64 that does not decode, bytes that are not UTF-8', async () => {
  await expect(afterClientFinal().then((a) => a.complete?.(enc('e=invalid-proof'), undefined))).rejects.toThrow(authError('invalid-proof'));
  await expect(afterClientFinal().then((a) => a.complete?.(enc('x=1'), undefined))).rejects.toThrow(authError('no signature'));
  await expect(afterClientFinal().then((a) => a.complete?.(undefined, undefined))).rejects.toThrow(authError('no Authentication Data'));
  await expect(afterClientFinal().then((a) => a.complete?.(enc('v=*'), undefined))).rejects.toThrow(authError('base64'));
  await expect(afterClientFinal().then((a) => a.complete?.(new Uint8Array([0xff]), undefined))).rejects.toThrow(authError('not UTF-8'));
});

it('a server-first it must not answer', async () => {
  const cases: Array<[string, string]> = [
    ['r=someoneElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096', 'does not extend'],
    ['r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096', 'does not extend'],
    ['r=rOprNGfwEbeRWgbNEkqOx,i=4096', 's= (salt)'],
    ['r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=zero', 'i= (iterations)'],
    ['r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1024', 'below the minimum'],
    ['m=ext,r=rOprNGfwEbeRWgbNEkqOx,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096', 'extension'],
  ];
  for (const [serverFirst, why] of cases) {
    const auth = scramAuthenticator({ username: 'user', password: 'pencil', nonce: () => 'rOprNGfwEbeRWgbNEkqO' });
    await auth.start?.();
    await expect(auth.challenge(enc(serverFirst), undefined)).rejects.toThrow(authError(why));
  }
});

it('an exchange out of order: a challenge before start(), an end before server-first', async () => {
  const auth = scramAuthenticator({ username: 'user', password: 'pencil' });
  await expect(auth.challenge(enc(SERVER_FIRST), undefined)).rejects.toThrow(authError('before the exchange started'));
  await auth.start?.();
  expect(() => auth.complete?.(undefined, undefined)).toThrow(authError('before SCRAM finished'));
});

it('server-final in an AUTH 0x18 is checked there and answered with nothing; the end may then carry no data', async () => {
  const auth = await afterClientFinal();
  expect(await auth.challenge(enc('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4='), undefined)).toBeUndefined();
  expect(() => auth.complete?.(undefined, undefined)).not.toThrow();
});

it('bad options are INVALID_ARGUMENT; a bad injected nonce is AUTH_ERROR', async () => {
  expect(() => scramAuthenticator({ username: 'u', password: 'p', hash: 'MD5' as 'SHA-1' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  expect(() => scramAuthenticator({ username: 'u', password: undefined as unknown as string })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  expect(() => scramAuthenticator({ username: 'u', password: 'p', nonce: () => 'a,b' }).start?.()).toThrow(authError('nonce'));
});
