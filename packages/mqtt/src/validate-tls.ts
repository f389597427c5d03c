// tlsSet()'s argument, checked at the call as Paho's tls_set raises at the call: known keys only
// (Paho's spellings ca_certs/certfile/keyfile/keyfile_password mapped to ours), the right types,
// and no secureContext together with what a SecureContext already holds (node:tls would ignore it).
// Whether the files exist is the platform's question (Node reads them; a browser has none).
import type { TlsSettings } from './client-options.js';
import { checkKeys, checkObject, checkOptionalBoolean, checkOptionalString, checkSecureContext, invalid, refused } from './validate.js';

const TLS_KEYS: readonly (keyof TlsSettings)[] = ['ca', 'cert', 'key', 'passphrase', 'rejectUnauthorized', 'minVersion', 'maxVersion', 'ciphers', 'alpnProtocols', 'servername', 'secureContext', 'insecure'];

/** Paho 1.5's tls_set argument names, mapped onto ours. */
const PAHO_NAMES: Readonly<Record<string, keyof TlsSettings>> = { ca_certs: 'ca', certfile: 'cert', keyfile: 'key', keyfile_password: 'passphrase' };

const HINTS: Readonly<Record<string, string>> = {
  cert_reqs: 'use rejectUnauthorized: true (CERT_REQUIRED) or false (CERT_NONE)',
  tls_version: "use minVersion / maxVersion, e.g. minVersion: 'TLSv1.2'",
  caCerts: 'use ca',
  certFile: 'use cert',
  keyFile: 'use key',
  ALPNProtocols: 'use alpnProtocols',
};

const VERSIONS: readonly string[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** What a SecureContext carries: node:tls ignores these when `secureContext` is given. */
const IN_CONTEXT: readonly (keyof TlsSettings)[] = ['ca', 'cert', 'key', 'passphrase', 'ciphers', 'minVersion', 'maxVersion'];

function checkPem(value: unknown, name: string, list: boolean): void {
  if (value === undefined || typeof value === 'string' || value instanceof Uint8Array) return;
  if (list && Array.isArray(value) && value.every((item) => typeof item === 'string' || item instanceof Uint8Array)) return;
  throw invalid(name, list ? 'a path, PEM text, bytes or a list of them' : 'a path, PEM text or bytes', value);
}

function checkVersion(value: unknown, name: string): void {
  if (value !== undefined && !(typeof value === 'string' && VERSIONS.includes(value))) throw refused(`${name} must be one of ${VERSIONS.join(', ')}`);
}

/** tlsSet()'s settings, checked and with Paho's names mapped. `where` names the call in messages. */
export function checkTlsSettings(value: unknown, where = 'tlsSet()'): TlsSettings {
  if (typeof value === 'string') throw refused(`${where} takes an object, e.g. tlsSet({ ca: 'ca.pem' }) (Paho's ca_certs is ca)`);
  const given = checkObject(value, `${where} settings`);
  const settings: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(given)) {
    const ours = PAHO_NAMES[key] ?? key;
    if (ours !== key && given[ours] !== undefined) throw refused(`${where}: ${key} and ${ours} are the same setting: give one`);
    if (v !== undefined) settings[ours] = v;
  }
  checkKeys(settings, TLS_KEYS, where, HINTS);
  const tls = settings as TlsSettings;
  checkPem(tls.ca, `${where} ca`, true);
  checkPem(tls.cert, `${where} cert`, true);
  checkPem(tls.key, `${where} key`, true);
  checkOptionalString(tls.passphrase, `${where} passphrase`);
  checkOptionalBoolean(tls.rejectUnauthorized, `${where} rejectUnauthorized`);
  checkVersion(tls.minVersion, `${where} minVersion`);
  checkVersion(tls.maxVersion, `${where} maxVersion`);
  checkOptionalString(tls.ciphers, `${where} ciphers`);
  checkOptionalString(tls.servername, `${where} servername`);
  checkOptionalBoolean(tls.insecure, `${where} insecure`);
  if (tls.alpnProtocols !== undefined && !(Array.isArray(tls.alpnProtocols) && tls.alpnProtocols.every((p) => typeof p === 'string'))) {
    throw invalid(`${where} alpnProtocols`, 'a list of strings', tls.alpnProtocols);
  }
  if (tls.secureContext !== undefined) {
    checkSecureContext(tls.secureContext, `${where} secureContext`);
    const clash = IN_CONTEXT.filter((key) => tls[key] !== undefined);
    if (clash.length > 0) {
      throw refused(`${where}: secureContext already holds ${clash.join(', ')} (they would be ignored): put them in the context, or leave secureContext out`);
    }
  }
  return { ...tls };
}

