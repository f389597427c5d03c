// xmqtt pub: mosquitto_pub's flags with the same meaning, plus -L, --repeat and --repeat-delay.
// Invariant: exit code 0 only when every message was accepted (QoS 0 written, QoS 1/2 acknowledged).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { MQTTv5, type MessageInfo, type QoS } from '@x/mqtt';
import { numberFlag, usageError } from './cli-error.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectClient, targetOf } from './connection.js';
import { takeProperties } from './properties.js';

/** The text `xmqtt pub --help` prints: mosquitto_pub's flags and the connection options. */
export const PUB_HELP = `Usage: xmqtt pub -t TOPIC (-m MSG | -f FILE | -l | -s | -n) [options]
Publishes to a broker, as mosquitto_pub does.

Message:
  -t TOPIC           topic (or the path of a -L mqtt:// URL)
  -m MSG             the message
  -f FILE            the file's bytes as one message
  -l                 one message per line of stdin (empty lines skipped)
  -s                 all of stdin as one message
  -n                 a zero-length message
  -q 0|1|2           QoS (default 0)
  -r                 retain
  --repeat N         publish the message N times (default 1)
  --repeat-delay S   seconds between repeats (default 0)
  -c                 no clean session (with -i)

${CONNECTION_HELP}

Exit code 0 when every message was accepted (QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP).`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  topic: { type: 'string', short: 't' },
  message: { type: 'string', short: 'm' },
  file: { type: 'string', short: 'f' },
  'stdin-line': { type: 'boolean', short: 'l' },
  'stdin-file': { type: 'boolean', short: 's' },
  'null-message': { type: 'boolean', short: 'n' },
  qos: { type: 'string', short: 'q' },
  retain: { type: 'boolean', short: 'r' },
  repeat: { type: 'string' },
  'repeat-delay': { type: 'string' },
  'disable-clean-session': { type: 'boolean', short: 'c' },
} as const;

export async function pub(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { rest, properties } = takeProperties(argv);
  const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help === true) {
    process.stdout.write(`${PUB_HELP}\n`);
    return 0;
  }
  const target = targetOf(values);
  const topic = values.topic ?? target.urlTopic;
  if (topic === undefined) throw usageError('-t TOPIC is required');
  const sources = (['message', 'file', 'stdin-line', 'stdin-file', 'null-message'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (sources.length !== 1) throw usageError('give exactly one of -m, -f, -l, -s, -n');
  const qos = numberFlag('-q', values.qos, 0, { max: 2 }) as QoS;
  const repeat = numberFlag('--repeat', values.repeat, 1, { min: 1 });
  const repeatDelayMs = numberFlag('--repeat-delay', values['repeat-delay'], 0, { integer: false }) * 1000;
  const retain = values.retain === true;
  if (values['disable-clean-session'] === true && values.id === undefined) throw usageError('-c needs -i');
  let payload: Uint8Array | string | undefined;
  if (values.message !== undefined) payload = values.message;
  else if (values['null-message'] === true) payload = new Uint8Array(0);
  else if (values.file !== undefined) {
    try {
      payload = readFileSync(values.file);
    } catch (error) {
      throw usageError(`-f: cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else if (values['stdin-file'] === true) payload = await readAll(process.stdin);
  const publishProperties = (target.protocol === MQTTv5 ? properties.publish : undefined) as never;

  const connection = await connectClient(values, properties, { cleanSession: values['disable-clean-session'] !== true });
  const { client } = connection;
  const pending: Array<Promise<unknown>> = [];
  let failed: unknown;
  const send = (body: Uint8Array | string): void => {
    const info: MessageInfo = client.publish(topic, body, qos, retain, publishProperties);
    pending.push(info.then(() => undefined, (error: unknown) => {
      failed ??= error;
    }));
  };
  try {
    if (payload !== undefined) {
      for (let i = 0; i < repeat && !signal.aborted; i++) {
        if (i > 0 && repeatDelayMs > 0) await sleep(repeatDelayMs, signal);
        send(payload);
        // keep memory bounded on long repeats: wait for this batch before queueing more
        if (pending.length >= 1000) await Promise.all(pending.splice(0));
      }
    } else {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      signal.addEventListener('abort', () => lines.close(), { once: true });
      for await (const line of lines) {
        if (line.length === 0) continue;
        send(line);
        if (pending.length >= 1000) await Promise.all(pending.splice(0));
      }
    }
    await Promise.all(pending);
  } finally {
    await connection.close();
  }
  if (failed !== undefined) throw failed;
  return signal.aborted ? 130 : 0;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  return Buffer.concat(chunks);
}
