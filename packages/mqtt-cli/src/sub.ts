// xmqtt sub: mosquitto_sub's common flags with the same meaning, and -F formats including json.
// Invariant: output goes to stdout, one message per line (unless -N), in arrival order; the
// process ends with DISCONNECT on -C, -W, -E, -U, or Ctrl-C.
import { parseArgs } from 'node:util';
import { MQTTv5, topicMatchesSub, type MqttMessage, type QoS } from '@x/mqtt';
import { numberFlag, usageError } from './cli-error.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectClient, targetOf } from './connection.js';
import { formatMessage, jsonLine } from './format.js';
import { takeProperties } from './properties.js';

/** The text `xmqtt sub --help` prints: mosquitto_sub's flags and the connection options. */
export const SUB_HELP = `Usage: xmqtt sub -t FILTER [-t FILTER ...] [options]
Subscribes and prints messages, as mosquitto_sub does.

  -t FILTER          a filter to subscribe to (repeatable)
  -T FILTER          do not print messages matching this filter (repeatable)
  -q 0|1|2           QoS of the subscriptions (default 0)
  -v                 print the topic before the payload
  -F FORMAT          output format: json (one object per line), or %t topic, %p payload, %q QoS,
                     %r retain, %m packet id, %l length, %x hex payload, %P properties (JSON),
                     %j the json line, %U unix time, %I ISO time, %% and \\n \\t
  -N                 no newline after each message
  -C COUNT           exit after COUNT messages
  -W SECONDS         exit after SECONDS (exit code 27 when no -C count was reached, as mosquitto_sub)
  -R                 do not print retained messages (stale ones, sent at subscribe)
  --retained-only    print only retained messages; exit at the first non-retained one
  -E                 exit once subscribed
  -U FILTER          unsubscribe from FILTER (with -c and -i, a persistent session), then exit
  -c                 no clean session (with -i)

${CONNECTION_HELP}`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  topic: { type: 'string', short: 't', multiple: true },
  'filter-out': { type: 'string', short: 'T', multiple: true },
  qos: { type: 'string', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'F' },
  'no-newline': { type: 'boolean', short: 'N' },
  count: { type: 'string', short: 'C' },
  timeout: { type: 'string', short: 'W' },
  'no-retained': { type: 'boolean', short: 'R' },
  'retained-only': { type: 'boolean' },
  'exit-after-subscribe': { type: 'boolean', short: 'E' },
  unsubscribe: { type: 'string', short: 'U', multiple: true },
  'disable-clean-session': { type: 'boolean', short: 'c' },
} as const;

/** mosquitto_sub's exit code when -W ran out. */
const TIMED_OUT = 27;

export async function sub(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { rest, properties } = takeProperties(argv);
  const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help === true) {
    process.stdout.write(`${SUB_HELP}\n`);
    return 0;
  }
  const target = targetOf(values);
  const filters = values.topic ?? (target.urlTopic !== undefined ? [target.urlTopic] : []);
  const unsubscribe = values.unsubscribe ?? [];
  if (filters.length === 0 && unsubscribe.length === 0) throw usageError('-t FILTER (or -U FILTER) is required');
  const qos = numberFlag('-q', values.qos, 0, { max: 2 }) as QoS;
  const count = numberFlag('-C', values.count, 0, { min: 1 });
  const timeoutMs = numberFlag('-W', values.timeout, 0, { integer: false }) * 1000;
  const filterOut = values['filter-out'] ?? [];
  if (values['disable-clean-session'] === true && values.id === undefined) throw usageError('-c needs -i');
  const format = values.format;
  const render = format === 'json' ? jsonLine : format !== undefined ? (m: MqttMessage) => formatMessage(format, m) : values.verbose === true ? (m: MqttMessage) => `${m.topic} ${m.text()}` : (m: MqttMessage) => m.text();
  const newline = values['no-newline'] === true ? '' : '\n';
  const v5 = target.protocol === MQTTv5;

  let printed = 0;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const connection = await connectClient(values, properties, { cleanSession: values['disable-clean-session'] !== true });
  const { client } = connection;
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  try {
    signal.addEventListener('abort', () => finish(0), { once: true });
    if (signal.aborted) finish(0);
    client.onMessage = (_c, _u, m) => {
      if (count > 0 && printed >= count) return;
      if (values['retained-only'] === true && !m.retain) return finish(0);
      if (values['no-retained'] === true && m.retain) return;
      if (filterOut.some((f) => topicMatchesSub(f, m.topic))) return;
      process.stdout.write(`${render(m)}${newline}`);
      printed++;
      if (count > 0 && printed >= count) finish(0);
    };
    if (unsubscribe.length > 0) {
      await client.unsubscribe(unsubscribe, (v5 ? properties.unsubscribe : undefined) as never);
      if (filters.length === 0) return 0;
    }
    const result = await client.subscribe(filters.map((f) => [f, qos] as [string, QoS]), 0, (v5 ? properties.subscribe : undefined) as never);
    const refused = result.reasonCodes.findIndex((rc) => rc >= 0x80);
    if (refused >= 0) throw usageError(`subscription to '${filters[refused]}' refused by the broker (reason code 0x${result.reasonCodes[refused]!.toString(16)})`);
    if (values['exit-after-subscribe'] === true) return 0;
    if (timeoutMs > 0) timers.push(setTimeout(() => finish(TIMED_OUT), timeoutMs));
    client.onDisconnect = (_c, _u, rc) => {
      if (rc !== 0) finish(1);
    };
    const code = await done;
    if (code === 1) throw usageError('the connection to the broker was lost');
    return code;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await drainStdout();
    await connection.close();
  }
}

function drainStdout(): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.writableNeedDrain) process.stdout.once('drain', () => resolve());
    else resolve();
  });
}
