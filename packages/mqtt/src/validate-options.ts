// Run-time checks of the Client's option objects: the constructor's options (one check per key of
// ClientOptions, so a new option cannot be added without its check: the table's type demands it),
// wsSetOptions, proxySet, reconnectDelaySet and the wait/disconnect option objects.
// Unknown keys and wrong types are INVALID_ARGUMENT naming the key; hints point Paho and MQTT.js
// users at our spelling.
import { MAXIMUM_PACKET_SIZE_LIMIT, MINIMUM_PACKET_SIZE, isReasonCodeAllowed } from '@x/mqtt-codec';
import type { ClientOptions, ProxySettings, ServerSpec, WsOptions, WsSettings } from './client-options.js';
import { DEFAULT_WS_PATH } from './client-options.js';
import {
  checkAbortSignal, checkBoolean, checkBytes, checkFunction, checkKeys, checkNumber, checkObject, checkOptionalBoolean, checkOptionalNumber,
  checkOptionalProperties, checkOptionalString, checkPort, checkString, checkStringOrBytes, invalid, isPlainObject, kindOf, refused, } from './validate.js';

type Check = (value: unknown, name: string) => unknown;

const uint16 = { integer: true, min: 0, max: 65535 } as const;

function checkProtocol(value: unknown, name: string): void {
  if (value !== 3 && value !== 4 && value !== 5) throw refused(`${name} must be MQTTv31 (3), MQTTv311 (4) or MQTTv5 (5)`);
}

function checkTransport(value: unknown, name: string): void {
  if (value === 'tcp' || value === 'websockets') return;
  const shown = typeof value === 'string' ? JSON.stringify(value) : kindOf(value);
  throw refused(`${name} must be 'tcp' or 'websockets' (TLS comes from tlsSet() or an mqtts:// URL), not ${shown}`);
}

/** A broker: a non-empty host or URL string, or `{ host, port? }` with a port in 1..65535. */
export function checkServerSpec(value: unknown, name: string): ServerSpec {
  if (typeof value === 'string') {
    if (value.trim() === '') throw refused(`${name} must name a broker, not an empty string`);
    return value;
  }
  if (!isPlainObject(value)) throw invalid(name, 'a host, a URL or { host, port }', value);
  checkKeys(value, ['host', 'port'], name);
  const host = checkString(value.host, `${name} host`);
  if (host.trim() === '') throw refused(`${name} host must not be empty`);
  if (value.port !== undefined) checkPort(value.port, `${name} port`);
  return value as ServerSpec;
}

function checkServers(value: unknown, name: string): void {
  if (!Array.isArray(value)) throw invalid(name, 'a list of brokers', value);
  value.forEach((server, i) => checkServerSpec(server, `${name}[${i}]`));
}

function checkStore(value: unknown, name: string): void {
  const store = value as { load?: unknown; apply?: unknown } | null;
  if (typeof store !== 'object' || store === null || typeof store.load !== 'function' || typeof store.apply !== 'function') {
    throw invalid(name, 'a SessionStore (load() and apply())', value);
  }
}

function checkAuthenticator(value: unknown, name: string): void {
  const auth = value as { method?: unknown; challenge?: unknown; initialData?: unknown; start?: unknown; complete?: unknown } | null;
  if (typeof auth !== 'object' || auth === null || typeof auth.method !== 'string' || typeof auth.challenge !== 'function') {
    throw invalid(name, 'an Authenticator ({ method, challenge() })', value);
  }
  if (auth.initialData !== undefined && !(auth.initialData instanceof Uint8Array)) throw invalid(`${name} initialData`, 'bytes', auth.initialData);
  for (const hook of ['start', 'complete'] as const) {
    if (auth[hook] !== undefined && typeof auth[hook] !== 'function') throw invalid(`${name} ${hook}`, 'a function', auth[hook]);
  }
}

/** The constructor's will: { topic, payload?, qos?, retain?, properties? } (topic and QoS are checked as willSet checks them). */
function checkWillOption(value: unknown, name: string): void {
  if (!isPlainObject(value)) throw invalid(name, 'an object { topic, payload, qos, retain, properties }', value);
  checkKeys(value, ['topic', 'payload', 'qos', 'retain', 'properties'], name);
  checkOptionalBoolean(value.retain, `${name} retain`);
  checkOptionalProperties(value.properties, `${name} properties`);
}

/** One check per option: adding a key to ClientOptions without a check here is a compile error. */
const OPTION_CHECKS: { readonly [K in keyof ClientOptions]-?: Check } = {
  clientId: checkString,
  cleanSession: checkBoolean,
  userdata: () => undefined,
  protocol: checkProtocol,
  transport: checkTransport,
  servers: checkServers,
  keepalive: (v, n) => checkNumber(v, n, uint16),
  connectTimeout: (v, n) => checkNumber(v, n, { above: 0 }),
  properties: checkOptionalProperties,
  sessionStore: checkStore,
  authenticator: checkAuthenticator,
  credentials: checkFunction,
  autoReconnect: checkBoolean,
  externalLoop: checkBoolean,
  resubscribe: checkBoolean,
  manualAck: checkBoolean,
  maxUnackedInbound: (v, n) => checkNumber(v, n, { integer: true, min: 1 }),
  emptyClientId: checkBoolean,
  topicAliasMaximum: (v, n) => checkNumber(v, n, uint16),
  autoTopicAlias: checkBoolean,
  maximumPacketSize: (v, n) => checkNumber(v, n, { integer: true, min: MINIMUM_PACKET_SIZE, max: MAXIMUM_PACKET_SIZE_LIMIT }),
  suppressExceptions: checkBoolean,
  username: checkString,
  password: checkStringOrBytes,
  will: checkWillOption,
  // true, false or settings: the settings are the platform's to check (Platform.checkTls), when ClientSettings applies them
  tls: () => undefined,
  ws: (v, n) => checkWsOptions(v, undefined, n),
};

/** What people coming from MQTT.js or Paho write, and what it is called here. */
const OPTION_HINTS: Readonly<Record<string, string>> = {
  client_id: 'use clientId',
  clean_session: 'use cleanSession',
  clean: 'use cleanSession',
  protocolVersion: 'use protocol: MQTTv31, MQTTv311 or MQTTv5',
  reconnectPeriod: 'use reconnectDelaySet(minDelay, maxDelay), in seconds, or autoReconnect: false',
  host: 'give the broker to connect(), or use servers',
  hostname: 'give the broker to connect(), or use servers',
  port: 'give the port to connect(), or use servers',
  ca: 'use tls: { ca }',
  cert: 'use tls: { cert }',
  key: 'use tls: { key }',
  rejectUnauthorized: 'use tls: { rejectUnauthorized }',
  wsOptions: 'use ws: { path, headers }',
  keepAlive: 'use keepalive',
  userData: 'use userdata',
  auth: 'use username and password',
};

const OPTION_KEYS = Object.keys(OPTION_CHECKS);

/** The constructor's (and reinitialise()'s) options, checked key by key; returns them ({} for undefined). */
export function checkClientOptions<T extends ClientOptions>(value: T | undefined, where = 'Client options'): T {
  if (value === undefined) return {} as T;
  const given: unknown = value;
  if (!isPlainObject(given)) throw invalid(where, 'an object', given);
  checkKeys(given, OPTION_KEYS, where, OPTION_HINTS);
  for (const key of OPTION_KEYS as (keyof ClientOptions)[]) {
    const v = given[key];
    if (v !== undefined) OPTION_CHECKS[key](v, key);
  }
  return value;
}

/** wsSetOptions({ path, headers }) or Paho's positional wsSetOptions(path, headers). */
export function checkWsOptions(options: unknown, headers: unknown, name = 'wsSetOptions()'): WsSettings {
  let given: Record<string, unknown>;
  if (typeof options === 'string') given = { path: options, headers };
  else {
    if (headers !== undefined) throw refused(`${name}: headers go in the options object, or use the positional form (path, headers)`);
    given = checkObject(options, name);
    checkKeys(given, ['path', 'headers'], name);
  }
  const path = checkOptionalString(given.path, `${name} path`) ?? DEFAULT_WS_PATH;
  if (!path.startsWith('/')) throw refused(`${name} path must start with "/"`);
  const h = given.headers;
  if (h !== undefined && h !== null && typeof h !== 'function') {
    if (!isPlainObject(h) || !Object.values(h).every((v) => typeof v === 'string')) throw invalid(`${name} headers`, 'an object of strings or a function', h);
  }
  return { path, headers: (h ?? undefined) as WsOptions['headers'] };
}

export function checkProxy(value: unknown): ProxySettings {
  if (!isPlainObject(value)) throw invalid('proxySet() settings', 'an object { type, host, port, username, password }', value);
  checkKeys(value, ['type', 'host', 'port', 'username', 'password'], 'proxySet()');
  if (value.type !== 'socks5' && value.type !== 'http') throw refused("proxySet() type must be 'socks5' or 'http'");
  if (checkString(value.host, 'proxySet() host') === '') throw refused('proxySet() host must not be empty');
  if (value.port !== undefined) checkPort(value.port, 'proxySet() port');
  checkOptionalString(value.username, 'proxySet() username');
  checkOptionalString(value.password, 'proxySet() password');
  return { ...value } as unknown as ProxySettings;
}

/** reconnectDelaySet(min, max) or reconnectDelaySet({ minDelay, maxDelay }), seconds; defaults 1 and 120. */
export function checkReconnectDelay(minDelay: unknown, maxDelay: unknown): { minDelay: number; maxDelay: number } {
  let min = minDelay;
  let max = maxDelay;
  if (typeof minDelay === 'object' || minDelay === null) {
    const o = checkObject(minDelay ?? null, 'reconnectDelaySet() options');
    checkKeys(o, ['minDelay', 'maxDelay'], 'reconnectDelaySet()', { min_delay: 'use minDelay', max_delay: 'use maxDelay' });
    min = o.minDelay;
    max = o.maxDelay;
  }
  const lo = checkOptionalNumber(min, 'reconnectDelaySet() minDelay', { above: 0 }) ?? 1;
  const hi = checkOptionalNumber(max, 'reconnectDelaySet() maxDelay', { above: 0 }) ?? 120;
  if (hi < lo) throw refused('reconnectDelaySet(): need minDelay <= maxDelay');
  return { minDelay: lo, maxDelay: hi };
}

/** `{ signal, timeoutMs }` of subscribe(), unsubscribe() and friends. */
export function checkWaitOptions(value: unknown, name: string): { signal?: AbortSignal; timeoutMs?: number } {
  const o = checkObject(value, name);
  checkKeys(o, ['signal', 'timeoutMs'], name);
  checkAbortSignal(o.signal, `${name} signal`);
  checkOptionalNumber(o.timeoutMs, `${name} timeoutMs`, { min: 0 });
  return o as { signal?: AbortSignal; timeoutMs?: number };
}

/** `{ data, signal, timeoutMs }` of reauthenticate(). */
export function checkReauthenticateOptions(value: unknown, name: string): { data?: Uint8Array; signal?: AbortSignal; timeoutMs?: number } {
  const o = checkObject(value, name);
  checkKeys(o, ['data', 'signal', 'timeoutMs'], name);
  if (o.data !== undefined) checkBytes(o.data, `${name} data`);
  checkAbortSignal(o.signal, `${name} signal`);
  checkOptionalNumber(o.timeoutMs, `${name} timeoutMs`, { min: 0 });
  return o as { data?: Uint8Array; signal?: AbortSignal; timeoutMs?: number };
}

/** `{ signal }` of reconnect(). */
export function checkSignalOptions(value: unknown, name: string): void {
  const o = checkObject(value, name);
  checkKeys(o, ['signal'], name);
  checkAbortSignal(o.signal, `${name} signal`);
}

/** loopForever({ retryFirstConnection }). */
export function checkLoopForeverOptions(value: unknown): void {
  const o = checkObject(value, 'loopForever() options');
  checkKeys(o, ['retryFirstConnection'], 'loopForever()', { retry_first_connection: 'use retryFirstConnection' });
  checkOptionalBoolean(o.retryFirstConnection, 'loopForever() retryFirstConnection');
}

/** connect()/connectAsync()'s positional arguments and options (the broker itself is checked by ClientSettings). */
export function checkConnectArgs(host: unknown, port: unknown, keepalive: unknown, bindAddress: unknown, options: unknown, where: string): void {
  if (host !== undefined) {
    if (Array.isArray(host)) {
      if (host.length === 0) throw refused(`${where}: an empty list of brokers`);
      host.forEach((server, i) => checkServerSpec(server, `${where} servers[${i}]`));
    } else checkServerSpec(host, `${where} host`);
    if (typeof host !== 'string' && port !== undefined) throw refused(`${where}: port goes with a host name, not a list of brokers`);
  }
  if (port !== undefined) checkPort(port, `${where} port`);
  if (keepalive !== undefined) checkNumber(keepalive, `${where} keepalive`, uint16);
  if (bindAddress !== undefined) checkString(bindAddress, `${where} bindAddress`);
  const o = checkObject(options, `${where} options`);
  checkKeys(o, ['cleanStart', 'bindAddress', 'properties', 'signal', 'dnsServers'], `${where} options`, { clean_start: 'use cleanStart' });
  if (o.cleanStart !== undefined && typeof o.cleanStart !== 'boolean' && o.cleanStart !== 3) {
    throw refused(`${where} cleanStart must be true, false or MQTT_CLEAN_START_FIRST_ONLY`);
  }
  checkOptionalString(o.bindAddress, `${where} options.bindAddress`);
  checkOptionalProperties(o.properties, `${where} options.properties`);
  checkAbortSignal(o.signal, `${where} options.signal`);
  if (o.dnsServers !== undefined && !(Array.isArray(o.dnsServers) && o.dnsServers.every((s) => typeof s === 'string'))) {
    throw invalid(`${where} options.dnsServers`, 'a list of strings', o.dnsServers);
  }
}

/** disconnect(reasonCode?, properties?) or disconnect({ reasonCode, properties, flush, timeoutMs }). */
export function checkDisconnectArgs(reasonCode: unknown, properties: unknown): void {
  let code = reasonCode;
  if (typeof reasonCode === 'object' && reasonCode !== null) {
    const o = checkObject(reasonCode, 'disconnect() options');
    checkKeys(o, ['reasonCode', 'properties', 'flush', 'timeoutMs'], 'disconnect()');
    checkOptionalBoolean(o.flush, 'disconnect() flush');
    checkOptionalNumber(o.timeoutMs, 'disconnect() timeoutMs', { min: 0 });
    checkOptionalProperties(o.properties, 'disconnect() properties');
    code = o.reasonCode;
  }
  if (code !== undefined && code !== null) {
    checkNumber(code, 'disconnect() reasonCode', { integer: true, min: 0, max: 255 });
    if (!isReasonCodeAllowed('disconnect', code as number)) throw refused(`disconnect() reasonCode 0x${(code as number).toString(16)} is not a DISCONNECT reason code`);
  }
  checkOptionalProperties(properties, 'disconnect() properties');
}

/** messages(filter, { signal, bufferSize }). */
export function checkStreamOptions(value: unknown): void {
  const o = checkObject(value, 'messages() options');
  checkKeys(o, ['signal', 'bufferSize', 'manualAck'], 'messages()');
  checkAbortSignal(o.signal, 'messages() signal');
  checkOptionalBoolean(o.manualAck, 'messages() manualAck');
  checkOptionalNumber(o.bufferSize, 'messages() bufferSize', { integer: true, min: 1 });
}

/** enableLogger(logger): anything with console's error, warn, info and debug. */
export function checkLogger(value: unknown): void {
  const logger = value as Record<string, unknown> | null;
  if (typeof logger !== 'object' || logger === null) throw invalid('enableLogger() logger', 'a logger (error, warn, info, debug)', value);
  for (const method of ['error', 'warn', 'info', 'debug']) checkFunction(logger[method], `enableLogger() logger.${method}`);
}
