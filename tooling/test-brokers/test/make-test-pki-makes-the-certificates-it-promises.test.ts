import { mkdtemp, rm } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeTestPki, type TestPki } from '../src/index.js';

let dir: string;
let pki: TestPki;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x-mqtt-pki-'));
  pki = await makeTestPki(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cert = (pem: string): X509Certificate => new X509Certificate(pem);

test('the server certificate is signed by the CA and names localhost and 127.0.0.1', () => {
  const server = cert(pki.server.cert);
  expect(server.verify(cert(pki.ca.cert).publicKey)).toBe(true);
  expect(server.checkHost('localhost')).toBe('localhost');
  expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
});

test('the client certificate is signed by the CA; the other client certificate is not', () => {
  expect(cert(pki.client.cert).verify(cert(pki.ca.cert).publicKey)).toBe(true);
  expect(cert(pki.otherClient.cert).verify(cert(pki.ca.cert).publicKey)).toBe(false);
});

test('the expired certificate is past its notAfter date', () => {
  expect(new Date(cert(pki.expired.cert).validTo).getTime()).toBeLessThan(Date.now());
});

test('the wrong-host certificate does not name localhost', () => {
  expect(cert(pki.wrongHost.cert).checkHost('localhost')).toBeUndefined();
});

test('the other CA did not sign the server certificate', () => {
  expect(cert(pki.server.cert).verify(cert(pki.otherCa.cert).publicKey)).toBe(false);
});
