import { expect, it } from 'vitest';
import { MQTT_LOG_DEBUG, type Logger } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ users: [{ username: 'bob', password: 'pw-never-logged' }] });

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
}

it('enableLogger maps Paho levels to logger methods, never logs the password, and disableLogger stops it', async () => {
  const logger = recordingLogger();
  const levels: number[] = [];
  const client = newClient();
  client.onLog = (_c, _u, level) => levels.push(level);
  client.enableLogger(logger);
  client.usernamePwSet('bob', 'pw-never-logged');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  expect(logger.lines.some((l) => l.startsWith('debug Sending CONNECT'))).toBe(true);
  expect(levels).toContain(MQTT_LOG_DEBUG);
  expect(logger.lines.join('\n')).not.toContain('pw-never-logged');
  client.disableLogger();
  const [linesBefore, levelsBefore] = [logger.lines.length, levels.length];
  await client.subscribe('after/disable', 0);
  expect(logger.lines.length).toBe(linesBefore);
  // As in the seed, disabling the logger leaves onLog alone.
  expect(levels.length).toBeGreaterThan(levelsBefore);
});

it('userDataSet replaces the userdata passed to callbacks; socket callbacks see open and close', async () => {
  const client = newClient({ userdata: 'first' });
  const seen: unknown[] = [];
  const sockets: string[] = [];
  client.onSocketOpen = (_c, _u, sock) => sockets.push(`open ${sock !== undefined}`);
  client.onSocketClose = () => sockets.push('close');
  client.onConnect = (_c, userdata) => seen.push(userdata);
  client.usernamePwSet('bob', 'pw-never-logged');
  await client.connect('127.0.0.1', env.broker.ports.mqtt);
  client.userDataSet({ second: true });
  await client.reconnect();
  await client.disconnect();
  expect(seen).toEqual(['first', { second: true }]);
  expect(sockets).toEqual(['open true', 'close', 'open true', 'close']);
});
