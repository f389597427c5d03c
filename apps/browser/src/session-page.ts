// The page of the durable-session test (session.html): a Client whose SessionStore is an
// IndexedDbSessionStore, driven from the test through window.sessionHarness. What the store held
// when the page (re)loaded is kept, so the test can see what survived a reload.
import { Client, MQTTv311, MQTTv5, type MqttProtocol } from '@x/mqtt';
import { IndexedDbSessionStore } from '@x/mqtt-store-indexeddb';

/** One stored outgoing message, as the test sees it. */
export interface OutgoingSummary {
  readonly mid: number;
  readonly topic: string;
  readonly qos: number;
  readonly state: string;
  readonly packetId: number | undefined;
}

export interface StartOptions {
  readonly url: string;
  readonly clientId: string;
  readonly database: string;
  readonly protocol: 4 | 5;
}

export interface SessionHarness {
  /** Opens the store and connects; resolves with what the store held at open. */
  start(options: StartOptions): Promise<{ restored: OutgoingSummary[]; damage: string | undefined }>;
  /** Publishes; resolves with the mid once the store holds the message (committed to IndexedDB). */
  publish(topic: string, text: string, qos: 1 | 2): Promise<number>;
  /** The outgoing messages the store holds now. */
  outgoing(): OutgoingSummary[];
  /**
   * Applies `count` puts to `database`, one per task without awaiting them (so they spread over
   * many transactions); reloads the page once `reloadAfter` have committed. Resolves at once.
   */
  burst(database: string, count: number, reloadAfter: number): Promise<void>;
  /** What a fresh store on `database` loads (the store is closed again). */
  inspect(database: string): Promise<{ mids: number[]; nextMid: number | undefined; damage: string | undefined }>;
  /** Opens `database` twice: the second open is refused (Web Lock) until the first store is closed. */
  lockTwice(database: string): Promise<{ refused: string | undefined; afterClose: boolean }>;
  /** Put + delete of `count` QoS 1 messages (100-byte payload), awaited one by one or `inFlight` at a time; for measuring, never in a timed test. */
  measure(durability: 'strict' | 'relaxed', count: number, inFlight: number): Promise<{ ms: number; transactions: number; operations: number }>;
  /** Errors seen by the page (client callbacks and rejected promises). */
  readonly errors: string[];
}

declare global {
  interface Window {
    sessionHarness: SessionHarness;
  }
}

const errors: string[] = [];
let client: Client | undefined;
let store: IndexedDbSessionStore | undefined;

function summary(database: IndexedDbSessionStore): OutgoingSummary[] {
  return (database.load()?.outgoing ?? []).map(({ mid, topic, qos, state, packetId }) => ({ mid, topic, qos, state, packetId }));
}

window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

window.sessionHarness = {
  errors,

  async start({ url, clientId, database, protocol }) {
    store = await IndexedDbSessionStore.open(database);
    const restored = summary(store);
    const version: MqttProtocol = protocol === 5 ? MQTTv5 : MQTTv311;
    client = new Client({
      clientId,
      cleanSession: false,
      protocol: version,
      sessionStore: store,
      ...(version === MQTTv5 ? { properties: { sessionExpiryInterval: 300 } } : {}),
    });
    await client.connect(url);
    return { restored, damage: store.damage?.error.message };
  },

  async publish(topic, text, qos) {
    if (client === undefined) throw new Error('start() first');
    const info = client.publish(topic, text, qos);
    await info.waitForStored();
    return info.mid;
  },

  outgoing() {
    return store === undefined ? [] : summary(store);
  },

  async burst(database, count, reloadAfter) {
    const target = await IndexedDbSessionStore.open(database, { durability: 'relaxed' });
    let committed = 0;
    let mid = 0;
    const next = (): void => {
      if (++mid > count) return;
      const message = { mid, topic: `burst/${mid}`, payload: new Uint8Array(256).fill(mid & 0xff), qos: 1 as const, retain: false, properties: undefined, packetId: undefined, state: 'queued' as const };
      target.apply({ op: 'putOutgoing', message }).then(() => {
        committed++;
        if (committed === reloadAfter) location.reload();
      }, (error: unknown) => errors.push(String(error)));
      setTimeout(next, 0);
    };
    next();
  },

  async lockTwice(database) {
    const first = await IndexedDbSessionStore.open(database);
    const refused = await IndexedDbSessionStore.open(database).then(
      async (second) => {
        await second.close();
        return undefined;
      },
      (error: unknown) => (error as { code?: string }).code,
    );
    await first.close();
    const again = await IndexedDbSessionStore.open(database);
    await again.close();
    return { refused, afterClose: true };
  },

  async measure(durability, count, inFlight) {
    const database = `measure-${crypto.randomUUID()}`;
    const target = await IndexedDbSessionStore.open(database, { durability });
    const payload = new Uint8Array(100).fill(1);
    const one = async (mid: number): Promise<void> => {
      await target.apply({ op: 'putOutgoing', message: { mid, topic: 'bench/t', payload, qos: 1, retain: false, properties: undefined, packetId: (mid % 65535) + 1, state: 'wait-puback' } });
      await target.apply({ op: 'deleteOutgoing', mid });
    };
    const started = performance.now();
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next <= count) await one(next++);
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const ms = performance.now() - started;
    const { transactions, operations } = target.stats;
    await target.close();
    await IndexedDbSessionStore.delete(database);
    return { ms, transactions, operations };
  },

  async inspect(database) {
    const opened = await IndexedDbSessionStore.open(database);
    const snapshot = opened.load();
    const result = { mids: (snapshot?.outgoing ?? []).map((m) => m.mid), nextMid: snapshot?.nextMid, damage: opened.damage?.error.message };
    await opened.close();
    return result;
  },
};
