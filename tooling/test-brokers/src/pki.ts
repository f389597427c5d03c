// A throw-away PKI made with the openssl CLI at test time: nothing secret is checked in, and
// certificates never expire between runs. EC P-256 keys keep it fast (well under a second).

import { runProgram } from './programs.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';


/** A certificate and its key, as file paths and PEM text. */
export interface PemPair {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  readonly dir: string;
  /** The CA the brokers' certificates and the client certificate are signed by. */
  readonly ca: PemPair;
  /** Server certificate for `localhost` and IP 127.0.0.1 (subjectAltName), signed by `ca`. */
  readonly server: PemPair;
  /** Client certificate (CN `test-client`, clientAuth), signed by `ca`. */
  readonly client: PemPair;
  /** Server certificate for `localhost` / 127.0.0.1, signed by `ca`, already expired. */
  readonly expired: PemPair;
  /** Server certificate for `wrong.example` only, signed by `ca`. */
  readonly wrongHost: PemPair;
  /** A second CA that signed none of the above. */
  readonly otherCa: PemPair;
  /** Client certificate signed by `otherCa` (a broker that trusts `ca` must refuse it). */
  readonly otherClient: PemPair;
}

const SERVER_SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

/** Creates the test PKI under `dir` (created if missing). */
export async function makeTestPki(dir: string): Promise<TestPki> {
  await mkdir(dir, { recursive: true });
  const [ca, otherCa] = await Promise.all([makeCa(dir, 'ca', 'x-mqtt Test CA'), makeCa(dir, 'other-ca', 'x-mqtt Unrelated CA')]);
  const [server, client, expired, wrongHost, otherClient] = await Promise.all([
    makeLeaf(dir, 'server', 'localhost', ca, [SERVER_SAN, 'extendedKeyUsage=serverAuth'], 825),
    makeLeaf(dir, 'client', 'test-client', ca, ['extendedKeyUsage=clientAuth'], 825),
    makeLeaf(dir, 'expired', 'localhost', ca, [SERVER_SAN, 'extendedKeyUsage=serverAuth'], -1),
    makeLeaf(dir, 'wrong-host', 'wrong.example', ca, ['subjectAltName=DNS:wrong.example', 'extendedKeyUsage=serverAuth'], 825),
    makeLeaf(dir, 'other-client', 'test-client', otherCa, ['extendedKeyUsage=clientAuth'], 825),
  ]);
  return { dir, ca, server, client, expired, wrongHost, otherCa, otherClient };
}

async function makeCa(dir: string, name: string, commonName: string): Promise<PemPair> {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.crt`);
  await openssl([
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '3650', '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return readPair(certFile, keyFile);
}

/** `days` of -1 makes a certificate whose notAfter is already in the past. */
async function makeLeaf(dir: string, name: string, commonName: string, issuer: PemPair, extensions: string[], days: number): Promise<PemPair> {
  const keyFile = join(dir, `${name}.key`);
  const csrFile = join(dir, `${name}.csr`);
  const certFile = join(dir, `${name}.crt`);
  const extFile = join(dir, `${name}.ext`);
  await writeFile(extFile, ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment', ...extensions].join('\n') + '\n');
  await openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', csrFile, '-subj', `/CN=${commonName}`]);
  await openssl([
    'x509', '-req', '-in', csrFile, '-CA', issuer.certFile, '-CAkey', issuer.keyFile, '-set_serial', `0x${randomSerial()}`,
    '-out', certFile, '-days', String(days), '-extfile', extFile,
  ]);
  return readPair(certFile, keyFile);
}

async function readPair(certFile: string, keyFile: string): Promise<PemPair> {
  const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return { certFile, keyFile, cert, key };
}

function randomSerial(): string {
  return Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('').replace(/^0/, '1');
}

async function openssl(args: string[]): Promise<void> {
  try {
    await runProgram('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${stderr.trim()}`, { cause: error });
  }
}
