import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '@x/test-brokers';
import { newClient, useMosquitto } from './support/broker.js';
import { startSrvDnsServer } from './support/srv-dns-server.js';

const env = useMosquitto();
let server: Awaited<ReturnType<typeof startSrvDnsServer>>;

beforeAll(async () => {
  const dead = await freePort();
  server = await startSrvDnsServer({
    // priority 0 is tried first but nothing listens there; priority 5 is the real broker
    '_mqtt._tcp.example.test': [
      { priority: 5, weight: 1, port: env.broker.ports.mqtt, target: 'localhost' },
      { priority: 0, weight: 1, port: dead, target: 'localhost' },
    ],
  });
  });
afterAll(async () => {
  await server.close();
});

it('connectSrv looks up _mqtt._tcp.<domain> and fails over across the records in priority order', async () => {
  const client = newClient();
  const logs: string[] = [];
  client.onLog = (_c, _u, _l, line) => logs.push(line);
  await client.connectSrv('example.test', 30, undefined, { dnsServers: [server.address] });
  expect(client.isConnected()).toBe(true);
  expect(logs.some((line) => line.includes('trying the next server'))).toBe(true);
});

it('connectSrv with no records rejects with DNS_ERROR', async () => {
  const client = newClient();
  await expect(client.connectSrv('missing.test', 30, undefined, { dnsServers: [server.address] })).rejects.toMatchObject({ code: 'DNS_ERROR' });
});
