// The Eclipse Paho Python client as a peer: runs peers/paho_peer.py with the system python3
// (Debian's python3-paho-mqtt; not a pyenv shim) and reads its JSON-line events.
import { spawnProgram } from '@x/test-brokers';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PeerEndpoint, PeerMessage, PeerPublish } from './peer-message.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'peers', 'paho_peer.py');

interface PeerEvent {
  event: 'ready' | 'message' | 'done' | 'error';
  message?: string;
  topic?: string;
  payload_hex?: string;
  qos?: number;
  retain?: boolean;
  user_properties?: Array<[string, string]>;
  correlation_hex?: string | null;
}

function runPeer(spec: Record<string, unknown>, onEvent: (event: PeerEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnProgram('python3', [SCRIPT, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        if (line.trim() !== '') onEvent(JSON.parse(line) as PeerEvent);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`paho_peer.py exited ${code}: ${stderr.trim().slice(-400)}`))));
  });
}

function toMessage(e: PeerEvent): PeerMessage {
  return {
    topic: e.topic ?? '',
    payload: Buffer.from(e.payload_hex ?? '', 'hex'),
    qos: e.qos ?? -1,
    retain: e.retain ?? false,
    userProperties: (e.user_properties ?? []).map(([k, v]) => [k, v] as const),
    correlationData: e.correlation_hex ? Buffer.from(e.correlation_hex, 'hex') : undefined,
  };
}

/** Subscribes; `ready` settles after its SUBACK; `messages` after `count` messages (rejects on timeout). */
export function pythonSubscriber(at: PeerEndpoint, topic: string, qos: number, count: number, timeoutS = 8): { ready: Promise<void>; messages: Promise<PeerMessage[]> } {
  const got: PeerMessage[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const messages = runPeer({ mode: 'sub', host: at.host, port: at.port, version: at.version, topic, qos, count, timeout: timeoutS }, (e) => {
    if (e.event === 'ready') markReady();
    if (e.event === 'message') got.push(toMessage(e));
  }).then(() => got);
  messages.catch(() => markReady());
  return { ready, messages };
}

export async function pythonPublish(at: PeerEndpoint, messages: readonly PeerPublish[]): Promise<void> {
  await runPeer(
    {
      mode: 'pub',
      host: at.host,
      port: at.port,
      version: at.version,
      timeout: 8,
      messages: messages.map((m) => ({
        topic: m.topic,
        payload_hex: Buffer.from(m.payload).toString('hex'),
        qos: m.qos,
        retain: m.retain,
        user_properties: m.userProperties ?? [],
        correlation_hex: m.correlationData ? Buffer.from(m.correlationData).toString('hex') : null,
      })),
    },
    () => undefined,
  );
}
