// One mosquitto with every TLS listener, started per test file (vitest isolates files).

import { startMosquitto, type MosquittoBroker, type TestPki } from '@x/test-brokers';
import { afterAll, beforeAll } from 'vitest';

export type TlsBroker = MosquittoBroker<'mqtts' | 'mqttsMutual' | 'mqttsExpired' | 'mqttsWrongHost'>;

/** Starts the broker in beforeAll and stops it in afterAll; read `.broker` / `.pki` inside tests. */
export function useTlsBroker(): { readonly broker: TlsBroker; readonly pki: TestPki } {
  let broker: TlsBroker | undefined;
  beforeAll(async () => {
    broker = await startMosquitto({ listeners: ['mqtts', 'mqttsMutual', 'mqttsExpired', 'mqttsWrongHost'] });
  });
  afterAll(async () => {
    await broker?.stop();
  });
  return {
    get broker() {
      if (broker === undefined) throw new Error('broker not started');
      return broker;
    },
    get pki() {
      const pki = broker?.certs;
      if (pki === undefined) throw new Error('broker not started');
      return pki;
    },
  };
}

export const noHandlers = { onData() {}, onDrain() {}, onClose() {} };

/** The rejection of `promise` (or a failure if it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}
