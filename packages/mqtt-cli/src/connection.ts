// The flags every command shares (broker, identity, TLS, will, protocol, -d) and the one function
// that turns them into a connected @x/mqtt Client. Invariant: a refused or failed connection throws
// an MqttError (one stderr line in main), and no client is left open behind it.
import { readFileSync } from 'node:fs';
import { Client, MQTT_LOG_DEBUG, MQTTv31, MQTTv311, MQTTv5, type ConnectResult, type MqttProtocol, type QoS } from '@x/mqtt';
import { numberFlag, usageError } from './cli-error.js';
import type { PropertySets } from './properties.js';

/** util.parseArgs option definitions shared by pub, sub and bench. */
export const CONNECTION_OPTIONS = {
  host: { type: 'string', short: 'h' },
  port: { type: 'string', short: 'p' },
  url: { type: 'string', short: 'L' },
  id: { type: 'string', short: 'i' },
  username: { type: 'string', short: 'u' },
  pw: { type: 'string', short: 'P' },
  keepalive: { type: 'string', short: 'k' },
  'protocol-version': { type: 'string', short: 'V' },
  debug: { type: 'boolean', short: 'd' },
  cafile: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  insecure: { type: 'boolean' },
  'will-topic': { type: 'string' },
  'will-payload': { type: 'string' },
  'will-qos': { type: 'string' },
  'will-retain': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const CONNECTION_HELP = `Broker and connection:
  -h HOST            broker host (default localhost)
  -p PORT            broker port (default 1883, 8883 with --cafile/--cert)
  -L URL             mqtt[s]://[user[:password]@]host[:port]/topic, ws[s]://host[:port]/path
  -i ID              client id (default: random)
  -u USER, -P PASS   username and password
  -k SECONDS         keepalive (default 60)
  -V 31|311|5        protocol version (default 311)
  --cafile FILE      CA certificate(s) to verify the broker: turns TLS on
  --cert FILE --key FILE   client certificate and key (mutual TLS)
  --insecure         do not check the broker's host name (the chain is still verified)
  --will-topic T --will-payload P --will-qos Q --will-retain
  -D CMD PROP VALUE  MQTT 5 property (connect, publish, subscribe, unsubscribe, disconnect, will)
  -d                 print every packet sent and received to stderr (credentials masked)
  --help             this text`;

export type ConnectionValues = { [K in keyof typeof CONNECTION_OPTIONS]?: (typeof CONNECTION_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export interface Target {
  readonly protocol: MqttProtocol;
  /** What connect() is given: a URL. */
  readonly url: string;
  /** The topic a -L URL carried, if any. */
  readonly urlTopic: string | undefined;
}

/** -V: mosquitto's 31, 311, 5 (also mqttv31, mqttv311, mqttv5). */
export function protocolOf(value: string | undefined): MqttProtocol {
  switch (value?.replace(/^mqttv/i, '')) {
    case undefined:
    case '311':
      return MQTTv311;
    case '31':
      return MQTTv31;
    case '5':
      return MQTTv5;
    default:
      throw usageError(`-V: '${value}' is not 31, 311 or 5`);
  }
}

export function targetOf(values: ConnectionValues): Target {
  const protocol = protocolOf(values['protocol-version']);
  const tls = values.cafile !== undefined || values.cert !== undefined;
  if (values.url !== undefined) {
    if (values.host !== undefined || values.port !== undefined) throw usageError('-L cannot be combined with -h or -p');
    let parsed: URL;
    try {
      parsed = new URL(values.url);
    } catch {
      throw usageError(`-L: '${values.url}' is not a URL`);
    }
    if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(parsed.protocol)) throw usageError(`-L: scheme ${parsed.protocol} is not mqtt, mqtts, ws or wss`);
    // mosquitto's -L: the path of an mqtt(s) URL is the topic; a ws(s) URL keeps its path.
    const isWs = parsed.protocol.startsWith('ws');
    const topic = isWs ? undefined : decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
    if (!isWs) parsed.pathname = '';
    return { protocol, url: parsed.toString(), urlTopic: topic };
  }
  const host = values.host ?? 'localhost';
  const port = numberFlag('-p', values.port, tls ? 8883 : 1883, { min: 1, max: 65535 });
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return { protocol, url: `${tls ? 'mqtts' : 'mqtt'}://${hostPart}:${port}`, urlTopic: undefined };
}

function readPem(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export interface ConnectedClient {
  readonly client: Client;
  readonly connack: ConnectResult;
  /** Sends DISCONNECT (with -D disconnect properties) and waits for the socket to close. */
  close(): Promise<void>;
}

/** Builds a Client from the flags, with -d tracing, and connects it; throws one-line MqttErrors. */
export async function connectClient(values: ConnectionValues, properties: PropertySets, options: { cleanSession?: boolean; clientId?: string; quiet?: boolean } = {}): Promise<ConnectedClient> {
  const target = targetOf(values);
  const client = makeClient(values, properties, target, options);
  const keepalive = numberFlag('-k', values.keepalive, 60, { min: 0, max: 65535 });
  try {
    const connack = await client.connect(target.url, undefined, keepalive);
    return {
      client,
      connack,
      close: async () => {
        await client.disconnect(undefined, properties.disconnect as never).catch(() => undefined);
      },
    };
  } catch (error) {
    await client.disconnect().catch(() => undefined);
    throw error;
  }
}

/** The client, not yet connected: TLS, credentials, will and -d applied. */
export function makeClient(values: ConnectionValues, properties: PropertySets, target: Target, options: { cleanSession?: boolean; clientId?: string } = {}): Client {
  const client = new Client({
    clientId: options.clientId ?? values.id ?? '',
    cleanSession: options.cleanSession ?? true,
    protocol: target.protocol,
    autoReconnect: false,
    ...(target.protocol === MQTTv5 && properties.connect !== undefined ? { properties: properties.connect } : {}),
  });
  if (values.cafile !== undefined || values.cert !== undefined || values.key !== undefined || target.url.startsWith('mqtts:') || target.url.startsWith('wss:')) {
    if ((values.cert === undefined) !== (values.key === undefined)) throw usageError('--cert and --key go together');
    client.tlsSet({
      ...(values.cafile !== undefined ? { ca: readPem('--cafile', values.cafile) } : {}),
      ...(values.cert !== undefined ? { cert: readPem('--cert', values.cert) } : {}),
      ...(values.key !== undefined ? { key: readPem('--key', values.key) } : {}),
    });
    if (values.insecure === true) client.tlsInsecureSet(true);
  }
  if (values.username !== undefined) client.usernamePwSet(values.username, values.pw);
  else if (values.pw !== undefined) throw usageError('-P needs -u');
  if (values['will-topic'] !== undefined) {
    const qos = numberFlag('--will-qos', values['will-qos'], 0, { max: 2 }) as QoS;
    client.willSet(values['will-topic'], values['will-payload'] ?? '', qos, values['will-retain'] === true, (target.protocol === MQTTv5 ? properties.will : undefined) as never);
  } else if (values['will-payload'] !== undefined || values['will-qos'] !== undefined || values['will-retain'] === true) {
    throw usageError('--will-payload, --will-qos and --will-retain need --will-topic');
  }
  if (values.debug === true) traceTo(client, (line) => process.stderr.write(`${line}\n`));
  return client;
}

/**
 * -d: every packet sent and received, from the client's DEBUG log ("Sending ...", "Received ...",
 * with credentials and payloads never shown there), as mosquitto_pub -d prints them.
 */
function traceTo(client: Client, write: (line: string) => void): void {
  client.onLog = (_c, _u, level, buf) => {
    if (level !== MQTT_LOG_DEBUG) return;
    if (buf.startsWith('Sending') || buf.startsWith('Received')) write(`Client ${client.clientId} ${buf.replace(/^Sending/, 'sending').replace(/^Received/, 'received')}`);
  };
}
