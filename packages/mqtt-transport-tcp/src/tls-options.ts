// The TLS options shared by the tls transport and the ws transport's wss://, and their mapping to
// node:tls. It lives here, in the Node socket layer both of them depend on, so the one rule that
// matters is written once: verification is on unless the caller says `insecure` or
// `rejectUnauthorized: false` in so many words.

import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions, SecureContext, SecureVersion } from 'node:tls';
import { MqttError } from '@x/mqtt-codec';

/** PEM content, a file path holding it, DER/PEM bytes, or a list of those. */
export type CertificateInput = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/** The seed's `tls_set` / `tls_set_context` / `tls_insecure_set`, in node:tls terms. */
export interface TlsOptions {
  /** Trusted CA certificates (the seed's `ca_certs`). Defaults to Node's bundled root CAs. */
  readonly ca?: CertificateInput | undefined;
  /** Client certificate chain for mutual TLS (`certfile`). */
  readonly cert?: CertificateInput | undefined;
  /** Client private key (`keyfile`). */
  readonly key?: CertificateInput | undefined;
  /** Passphrase of an encrypted `key` (`keyfile_password`). */
  readonly passphrase?: string | undefined;
  /** SNI server name and the name the certificate must match. Defaults to the host, unless it is an IP address. */
  readonly servername?: string | undefined;
  /** ALPN protocol names offered, e.g. `['mqtt']` (AWS IoT on port 443 wants `x-amzn-mqtt-ca`). */
  readonly alpnProtocols?: readonly string[] | undefined;
  /** OpenSSL cipher list (`ciphers`). Defaults to Node's. */
  readonly ciphers?: string | undefined;
  /** Lowest TLS version accepted (`tls_version`). Defaults to Node's (TLSv1.2). */
  readonly minVersion?: SecureVersion | undefined;
  /** Highest TLS version accepted. Defaults to Node's (TLSv1.3). */
  readonly maxVersion?: SecureVersion | undefined;
  /** A ready-made context (the seed's `tls_set_context`); ca, cert, key and ciphers are then ignored by Node. */
  readonly secureContext?: SecureContext | undefined;
  /** Verify the certificate chain (`cert_reqs`). Defaults to true. */
  readonly rejectUnauthorized?: boolean | undefined;
  /**
   * Skip the host name check only (the seed's `tls_insecure_set(True)`): the chain is still
   * verified against `ca`, but any host name is accepted. Defaults to false. Testing only.
   */
  readonly insecure?: boolean | undefined;
}

/** node:tls connection options for connecting to `host` with `options`. */
export function toTlsConnectionOptions(host: string, options: TlsOptions = {}): ConnectionOptions {
  const servername = options.servername ?? (isIP(host) === 0 ? host : undefined);
  const result: ConnectionOptions = {
    host,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  };
  if (servername !== undefined) result.servername = servername;
  if (options.ca !== undefined) result.ca = loadPem(options.ca, 'ca');
  if (options.cert !== undefined) result.cert = loadPem(options.cert, 'cert');
  if (options.key !== undefined) result.key = loadPem(options.key, 'key');
  if (options.passphrase !== undefined) result.passphrase = options.passphrase;
  if (options.alpnProtocols !== undefined) result.ALPNProtocols = [...options.alpnProtocols];
  if (options.ciphers !== undefined) result.ciphers = options.ciphers;
  if (options.minVersion !== undefined) result.minVersion = options.minVersion;
  if (options.maxVersion !== undefined) result.maxVersion = options.maxVersion;
  if (options.secureContext !== undefined) result.secureContext = options.secureContext;
  if (options.insecure === true) result.checkServerIdentity = () => undefined;
  return result;
}

function loadPem(input: CertificateInput, what: string): Array<string | Buffer> {
  const items: ReadonlyArray<string | Uint8Array> = typeof input === 'string' || input instanceof Uint8Array ? [input] : input;
  return items.map((item) => {
    if (typeof item !== 'string') return Buffer.from(item.buffer, item.byteOffset, item.byteLength);
    if (item.includes('-----BEGIN ')) return item;
    try {
      return readFileSync(item);
    } catch (error) {
      throw new MqttError('INVALID_ARGUMENT', `cannot read the TLS ${what} file ${item}: ${(error as Error).message}`, { cause: error });
    }
  });
}
