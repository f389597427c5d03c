// SCRAM (RFC 5802, RFC 7677) client side as an MQTT 5 Authenticator: client-first in CONNECT or
// AUTH 0x19, client-final (with the proof) in answer to the broker's server-first (AUTH 0x18), and
// the server signature checked in the CONNACK or AUTH 0x00 that ends the exchange.
// Invariant: WebCrypto only (globalThis.crypto), so it runs in browsers and Node alike; one
// exchange at a time, each started afresh by start() with a new client nonce.
import { MqttError } from '@x/mqtt-codec';
import type { Authenticator } from '@x/mqtt-core';

/** The hash functions SCRAM is defined with here: SCRAM-SHA-256 (RFC 7677) and SCRAM-SHA-1 (RFC 5802). */
export type ScramHash = 'SHA-256' | 'SHA-1';

/** What scramAuthenticator() takes. */
export interface ScramOptions {
  /** The user name, sent as `n=` (with `=` and `,` escaped as RFC 5802 says); used as given, without SASLprep. */
  readonly username: string;
  /** The password, UTF-8 encoded as given (no SASLprep), never sent: only a proof of it is. */
  readonly password: string;
  /** Defaults to 'SHA-256' (method "SCRAM-SHA-256"); 'SHA-1' gives "SCRAM-SHA-1". */
  readonly hash?: ScramHash;
  /** The fewest PBKDF2 iterations accepted from the broker. Defaults to 4096 (RFC 7677 section 4). */
  readonly minIterations?: number;
  /** Makes the client nonce (printable ASCII without ','); defaults to 18 random bytes in base64. For tests. */
  readonly nonce?: () => string;
}

/** The fewest iterations accepted unless `minIterations` says otherwise: RFC 7677's SHOULD. */
export const DEFAULT_SCRAM_MIN_ITERATIONS = 4096;

/** The gs2-header of a client without channel binding, and its base64 ("biws") for `c=`. */
const GS2_HEADER = 'n,,';

interface Exchange {
  readonly nonce: string;
  readonly clientFirstBare: string;
  /** Set once client-final went out: the signature the server must show. */
  serverSignature?: Uint8Array;
  /** The server signature was seen and matched (in an AUTH 0x18). */
  verified?: boolean;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

const authError = (message: string, cause?: unknown): MqttError => new MqttError('AUTH_ERROR', `SCRAM: ${message}`, cause === undefined ? {} : { cause });

/**
 * A SCRAM client for MQTT 5 enhanced authentication and re-authentication (method "SCRAM-SHA-256"
 * or "SCRAM-SHA-1"). Give it as `authenticator`; a server signature that does not match, a server
 * error (`e=`), a nonce that does not extend ours, or too few iterations fail with AUTH_ERROR.
 *
 * @example
 * ```ts
 * const client = new Client('mqtt://127.0.0.1:1883', 'id', { protocolVersion: 5, authenticator: scramAuthenticator({ username: 'user', password: 'pencil' }) });
 * ```
 */
export function scramAuthenticator(options: ScramOptions): Authenticator {
  const hash = options.hash ?? 'SHA-256';
  if (hash !== 'SHA-256' && hash !== 'SHA-1') throw new MqttError('INVALID_ARGUMENT', `SCRAM hash must be 'SHA-256' or 'SHA-1', not ${String(hash)}`);
  if (typeof options.username !== 'string' || typeof options.password !== 'string') throw new MqttError('INVALID_ARGUMENT', 'SCRAM needs a username and a password (strings)');
  const minIterations = options.minIterations ?? DEFAULT_SCRAM_MIN_ITERATIONS;
  const makeNonce = options.nonce ?? randomNonce;
  let exchange: Exchange | undefined;

  return {
    method: `SCRAM-${hash}`,
    start() {
      const nonce = makeNonce();
      if (nonce === '' || !/^[\x21-\x2b\x2d-\x7e]+$/.test(nonce)) throw authError('a client nonce is printable ASCII without commas');
      const clientFirstBare = `n=${saslName(options.username)},r=${nonce}`;
      exchange = { nonce, clientFirstBare };
      return utf8.encode(GS2_HEADER + clientFirstBare);
    },
    async challenge(data) {
      const current = exchange;
      if (current === undefined) throw authError('a challenge came before the exchange started');
      const message = text(data);
      if (current.serverSignature !== undefined) {
        // Some brokers send server-final in an AUTH 0x18 and wait for an empty answer.
        verify(current, message);
        current.verified = true;
        return undefined;
      }
      const first = parse(message);
      const combined = first.get('r');
      const salt = first.get('s');
      const iterations = Number(first.get('i'));
      if (first.has('m')) throw authError('the server asks for an extension this client does not know (m=)');
      if (combined === undefined || !combined.startsWith(current.nonce) || combined.length === current.nonce.length) throw authError('the server nonce does not extend the client nonce');
      if (salt === undefined || !Number.isInteger(iterations) || iterations < 1) throw authError('server-first needs s= (salt) and i= (iterations)');
      if (iterations < minIterations) throw authError(`${iterations} iterations is below the minimum of ${minIterations}`);
      const withoutProof = `c=${btoa(GS2_HEADER)},r=${combined}`;
      const authMessage = utf8.encode(`${current.clientFirstBare},${message},${withoutProof}`);
      const salted = await pbkdf2(hash, utf8.encode(options.password), fromBase64(salt), iterations);
      const clientKey = await hmac(hash, salted, utf8.encode('Client Key'));
      const storedKey = new Uint8Array(await crypto.subtle.digest(hash, clientKey as BufferSource));
      const clientSignature = await hmac(hash, storedKey, authMessage);
      const proof = clientKey.map((byte, i) => byte ^ (clientSignature[i] as number));
      current.serverSignature = await hmac(hash, await hmac(hash, salted, utf8.encode('Server Key')), authMessage);
      return utf8.encode(`${withoutProof},p=${toBase64(proof)}`);
    },
    complete(data) {
      const current = exchange;
      exchange = undefined;
      if (current?.verified === true && data === undefined) return;
      if (current?.serverSignature === undefined) throw authError('the broker ended the exchange before SCRAM finished (no server-first seen)');
      verify(current, text(data));
    },
  };
}

/** Checks server-final ("v=" signature, or "e=" error) against the signature computed for this exchange. */
function verify(exchange: Exchange, message: string): void {
  const final = parse(message);
  const error = final.get('e');
  if (error !== undefined) throw authError(`the server refused: ${error}`);
  const shown = final.get('v');
  if (shown === undefined) throw authError('server-final carries no signature (v=)');
  if (!equal(fromBase64(shown), exchange.serverSignature as Uint8Array)) throw authError('the server signature does not match: the broker does not know the password');
}

function text(data: Uint8Array | undefined): string {
  if (data === undefined || data.length === 0) throw authError('the broker sent no Authentication Data');
  try {
    return fromUtf8.decode(data);
  } catch (cause) {
    throw authError('the broker sent Authentication Data that is not UTF-8', cause);
  }
}

/** "a=1,b=2" -> Map; values keep any '=' after the first. */
function parse(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part.slice(0, 1), part.slice(2));
  }
  return out;
}

/** RFC 5802 saslname: '=' as '=3D' and ',' as '=2C'. */
function saslName(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

function randomNonce(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(18)));
}

async function pbkdf2(hash: ScramHash, password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt: salt as BufferSource, iterations }, key, hash === 'SHA-256' ? 256 : 160);
  return new Uint8Array(bits);
}

async function hmac(hash: ScramHash, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, data as BufferSource));
}

/** Constant time in the length compared: no early exit on the first differing byte. */
function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(value: string): Uint8Array {
  try {
    return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  } catch (cause) {
    throw authError('the broker sent base64 that does not decode', cause);
  }
}
