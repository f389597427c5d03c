// The server side of SCRAM (RFC 5802 section 5) for tests, on node:crypto rather than the WebCrypto
// the client uses, so the two sides share no code: server-first for a client-first, then the
// client proof checked and server-final ("v=" signature) made.
import { createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

export interface ScramServerOptions {
  readonly username: string;
  /** The password the server knows (a wrong one makes the server's signature wrong, too). */
  readonly password: string;
  readonly hash: 'SHA-256' | 'SHA-1';
  readonly salt: Buffer;
  readonly iterations: number;
  /** The server's part of the nonce. */
  readonly nonce: () => string;
}

export class ScramServer {
  readonly #o: ScramServerOptions;
  #clientFirstBare = '';
  #serverFirst = '';
  #nonce = '';

  constructor(options: ScramServerOptions) {
    this.#o = options;
  }

  /** client-first ("n,,n=user,r=...") -> server-first ("r=...,s=...,i=..."). Throws for another user. */
  first(clientFirst: string): string {
    if (!clientFirst.startsWith('n,,')) throw new Error('no channel binding expected');
    this.#clientFirstBare = clientFirst.slice(3);
    const fields = new Map(this.#clientFirstBare.split(',').map((f) => [f.slice(0, 1), f.slice(2)] as const));
    if (fields.get('n') !== this.#o.username) throw new Error('unknown user');
    this.#nonce = `${fields.get('r') ?? ''}${this.#o.nonce()}`;
    this.#serverFirst = `r=${this.#nonce},s=${this.#o.salt.toString('base64')},i=${this.#o.iterations}`;
    return this.#serverFirst;
  }

  /** client-final -> server-final ("v=..."), or undefined when the proof is wrong. */
  final(clientFinal: string): string | undefined {
    const at = clientFinal.lastIndexOf(',p=');
    const withoutProof = clientFinal.slice(0, at);
    const proof = Buffer.from(clientFinal.slice(at + 3), 'base64');
    if (withoutProof !== `c=biws,r=${this.#nonce}`) return undefined;
    const algorithm = this.#o.hash === 'SHA-256' ? 'sha256' : 'sha1';
    const size = this.#o.hash === 'SHA-256' ? 32 : 20;
    const salted = pbkdf2Sync(this.#o.password, this.#o.salt, this.#o.iterations, size, algorithm);
    const hmac = (key: Buffer, data: string): Buffer => createHmac(algorithm, key).update(data).digest();
    const authMessage = `${this.#clientFirstBare},${this.#serverFirst},${withoutProof}`;
    const storedKey = createHash(algorithm).update(hmac(salted, 'Client Key')).digest();
    const signature = hmac(storedKey, authMessage);
    const clientKey = Buffer.from(proof.map((b, i) => b ^ (signature[i] as number)));
    if (clientKey.length !== size || !timingSafeEqual(createHash(algorithm).update(clientKey).digest(), storedKey)) return undefined;
    return `v=${hmac(hmac(salted, 'Server Key'), authMessage).toString('base64')}`;
  }
}
