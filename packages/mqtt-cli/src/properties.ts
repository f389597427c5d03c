// mosquitto's `-D <command> <property> <value>` (user-property takes a name and a value), turned
// into @x/mqtt Properties per packet. util.parseArgs takes one value per option, so the -D words are
// taken out of argv first; everything else is left to parseArgs.
import type { Properties } from '@x/mqtt';
import { usageError } from './cli-error.js';

export type PropertyCommand = 'connect' | 'publish' | 'subscribe' | 'unsubscribe' | 'disconnect' | 'will';
const COMMANDS: readonly PropertyCommand[] = ['connect', 'publish', 'subscribe', 'unsubscribe', 'disconnect', 'will'];

type Kind = 'number' | 'string' | 'bytes' | 'boolean' | 'byte01';
/** mosquitto's property names -> our property, its kind, and the packets it may ride on [MQTT-2.2.2]. */
const PROPERTIES: Readonly<Record<string, { key: keyof Properties; kind: Kind; on: readonly PropertyCommand[] }>> = {
  'payload-format-indicator': { key: 'payloadFormatIndicator', kind: 'byte01', on: ['publish', 'will'] },
  'message-expiry-interval': { key: 'messageExpiryInterval', kind: 'number', on: ['publish', 'will'] },
  'content-type': { key: 'contentType', kind: 'string', on: ['publish', 'will'] },
  'response-topic': { key: 'responseTopic', kind: 'string', on: ['publish', 'will'] },
  'correlation-data': { key: 'correlationData', kind: 'bytes', on: ['publish', 'will'] },
  'subscription-identifier': { key: 'subscriptionIdentifiers', kind: 'number', on: ['subscribe'] },
  'session-expiry-interval': { key: 'sessionExpiryInterval', kind: 'number', on: ['connect', 'disconnect'] },
  'authentication-method': { key: 'authenticationMethod', kind: 'string', on: ['connect'] },
  'authentication-data': { key: 'authenticationData', kind: 'bytes', on: ['connect'] },
  'request-problem-information': { key: 'requestProblemInformation', kind: 'boolean', on: ['connect'] },
  'will-delay-interval': { key: 'willDelayInterval', kind: 'number', on: ['will'] },
  'request-response-information': { key: 'requestResponseInformation', kind: 'boolean', on: ['connect'] },
  'receive-maximum': { key: 'receiveMaximum', kind: 'number', on: ['connect'] },
  'topic-alias-maximum': { key: 'topicAliasMaximum', kind: 'number', on: ['connect'] },
  'topic-alias': { key: 'topicAlias', kind: 'number', on: ['publish'] },
  'maximum-packet-size': { key: 'maximumPacketSize', kind: 'number', on: ['connect'] },
  'user-property': { key: 'userProperties', kind: 'string', on: COMMANDS },
};

export type PropertySets = Partial<Record<PropertyCommand, Properties>>;

/** Removes every `-D cmd prop value...` from argv; returns the rest and the properties per command. */
export function takeProperties(argv: readonly string[]): { rest: string[]; properties: PropertySets } {
  const rest: string[] = [];
  const properties: PropertySets = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word !== '-D' && word !== '--property') {
      rest.push(word);
      continue;
    }
    const command = argv[i + 1] as PropertyCommand | undefined;
    const name = argv[i + 2];
    if (command === undefined || !COMMANDS.includes(command)) throw usageError(`-D: '${command ?? ''}' is not one of ${COMMANDS.join(', ')}`);
    const spec = name === undefined ? undefined : PROPERTIES[name];
    if (spec === undefined) throw usageError(`-D ${command}: '${name ?? ''}' is not a property (${Object.keys(PROPERTIES).join(', ')})`);
    if (!spec.on.includes(command)) throw usageError(`-D ${command}: ${name} is not allowed on ${command}`);
    const values = argv.slice(i + 3, i + (name === 'user-property' ? 5 : 4));
    if (values.length < (name === 'user-property' ? 2 : 1)) throw usageError(`-D ${command} ${name}: missing value`);
    i += 2 + values.length;
    const target = (properties[command] ??= {}) as Record<string, unknown>;
    const value = values[0]!;
    if (name === 'user-property') {
      ((target.userProperties ??= []) as Array<[string, string]>).push([value, values[1]!]);
    } else if (spec.key === 'subscriptionIdentifiers') {
      target.subscriptionIdentifiers = [toNumber(name!, value)];
    } else if (spec.kind === 'number') target[spec.key] = toNumber(name!, value);
    else if (spec.kind === 'byte01') target[spec.key] = toNumber(name!, value, 1);
    else if (spec.kind === 'boolean') target[spec.key] = toNumber(name!, value, 1) === 1;
    else if (spec.kind === 'bytes') target[spec.key] = new TextEncoder().encode(value);
    else target[spec.key] = value;
  }
  return { rest, properties };
}

function toNumber(name: string, value: string, max = 4_294_967_295): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) throw usageError(`-D ${name}: '${value}' is not an integer in 0..${max}`);
  return n;
}
