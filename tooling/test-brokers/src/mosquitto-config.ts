// Writes a mosquitto 2.0 configuration: one listener per requested kind, all on 127.0.0.1.
// Pure text building, no I/O: the caller writes the files this returns.

import type { TestPki } from './pki.js';

/** The listeners startMosquitto can open. Keys of `ports` in what it returns. */
export type ListenerName =
  | 'mqtt' // plain TCP
  | 'mqtts' // TLS, server certificate for localhost / 127.0.0.1
  | 'mqttsMutual' // TLS, client certificate required (signed by the test CA)
  | 'mqttsExpired' // TLS with an expired server certificate
  | 'mqttsWrongHost' // TLS with a certificate for wrong.example
  | 'ws' // WebSockets
  | 'wss'; // secure WebSockets, server certificate for localhost / 127.0.0.1

export const TLS_LISTENERS: readonly ListenerName[] = ['mqtts', 'mqttsMutual', 'mqttsExpired', 'mqttsWrongHost', 'wss'];

export interface ConfigInput {
  readonly ports: Readonly<Partial<Record<ListenerName, number>>>;
  readonly pki: TestPki | undefined;
  readonly allowAnonymous: boolean;
  readonly persistence: boolean;
  readonly dir: string;
  readonly passwordFile: string | undefined;
  readonly aclFile: string | undefined;
  readonly runAsRoot: boolean;
  readonly extra: string | undefined;
  /**
   * A plain TCP listener that nobody is told about. mosquitto 2.0.11 exits with "Unable to start
   * any listening sockets" when all its listeners are WebSockets ones, so one is added then.
   */
  readonly anchorPort?: number | undefined;
}

export function mosquittoConfig(input: ConfigInput): string {
  const lines = [
    '# written by @x/test-brokers',
    'per_listener_settings false',
    `allow_anonymous ${input.allowAnonymous}`,
    `persistence ${input.persistence}`,
    ...(input.persistence ? [`persistence_location ${input.dir}/`] : []),
    'log_dest stdout',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    'connection_messages true',
    'log_timestamp_format %H:%M:%S',
  ];
  if (input.runAsRoot) lines.push('user root');
  if (input.passwordFile !== undefined) lines.push(`password_file ${input.passwordFile}`);
  if (input.aclFile !== undefined) lines.push(`acl_file ${input.aclFile}`);
  for (const [name, port] of Object.entries(input.ports) as Array<[ListenerName, number]>) {
    lines.push('', `listener ${port} 127.0.0.1`, `protocol ${name === 'ws' || name === 'wss' ? 'websockets' : 'mqtt'}`);
    if (!TLS_LISTENERS.includes(name)) continue;
    const pki = input.pki;
    if (pki === undefined) throw new Error(`listener ${name} needs a PKI`);
    const serverPair = name === 'mqttsExpired' ? pki.expired : name === 'mqttsWrongHost' ? pki.wrongHost : pki.server;
    lines.push(`cafile ${pki.ca.certFile}`, `certfile ${serverPair.certFile}`, `keyfile ${serverPair.keyFile}`);
    if (name === 'mqttsMutual') lines.push('require_certificate true');
  }
  if (input.anchorPort !== undefined) lines.push('', `listener ${input.anchorPort} 127.0.0.1`, 'protocol mqtt');
  if (input.extra !== undefined) lines.push('', input.extra);
  return `${lines.join('\n')}\n`;
}

/** An ACL that lets everyone (anonymous and each user) read and write everything except `denied`. */
export function aclFile(usernames: readonly string[], denied: readonly string[]): string {
  const grants = ['topic readwrite #', ...denied.map((topic) => `topic deny ${topic}`)];
  const sections = [grants, ...usernames.map((user) => [`user ${user}`, ...grants])];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
