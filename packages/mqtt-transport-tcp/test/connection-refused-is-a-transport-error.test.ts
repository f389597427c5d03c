import { freePort } from '@x/test-brokers';
import { expect, test } from 'vitest';
import { tcpTransport } from '../src/index.js';

test('connecting to a closed port fails with TRANSPORT_ERROR naming ECONNREFUSED, the Node error as cause', async () => {
  const port = await freePort();
  const failure = await tcpTransport({ host: '127.0.0.1', port }).connect({ onData() {}, onDrain() {}, onClose() {} }).catch((error: unknown) => error);
  expect(failure).toMatchObject({ name: 'MqttError', code: 'TRANSPORT_ERROR' });
  expect((failure as Error).message).toContain('ECONNREFUSED');
  expect((failure as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
});
