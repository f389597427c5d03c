// One helper call's connection, start to end: connect, run the work, recover from a lost
// connection (the engine reconnects and resends; the work renews what it needs) within
// `timeoutMs` of the loss, and always finish with a clean disconnect. Invariant: every call
// settles, with the work's result, a typed MqttError, or ABORTED by the caller's signal.
import { MqttError } from '@x/mqtt-codec';
import type { MqttEngine } from '@x/mqtt-core';
import { DEFAULT_HELPER_TIMEOUT_MS, helperEngine, type HelperOptions } from './options.js';

/** What the work of a helper call can do besides using the engine. */
export interface HelperRun {
  /** The engine of this call (connected when the work starts; it reconnects after a loss). */
  readonly engine: MqttEngine;
  /** Ends the call with `error` (e.g. SUBSCRIBE_FAILED). */
  fail(error: MqttError): void;
  /** The work is whole again after a loss (its subscription renewed): the loss's deadline is lifted. */
  recovered(): void;
  /** Runs `renew` after every later CONNACK that accepted a connection (to subscribe again). */
  onReconnect(renew: () => void): void;
}

/** Errors that mean "the connection went away", which the run handles, not the work. */
const LOSSES: ReadonlySet<string> = new Set(['CONNECTION_CLOSED', 'NOT_CONNECTED']);

/** True when `error` only says the connection was lost (the run reconnects or fails the call itself). */
export function isLoss(error: unknown): boolean {
  return error instanceof MqttError && LOSSES.has(error.code);
}

/** Connects, runs `work`, and disconnects whatever happened. */
export async function runHelper<T, Tls>(options: HelperOptions<Tls>, work: (run: HelperRun) => Promise<T>): Promise<T> {
  const engine = helperEngine(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_HELPER_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new MqttError('INVALID_ARGUMENT', 'timeoutMs must be > 0');
  let fail: (error: MqttError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const recovered = (): void => {
    clearTimeout(deadline);
    deadline = undefined;
  };
  const offLost = engine.on('disconnect', ({ error }) => {
    if (error === undefined) return; // our own disconnect()
    if (options.reconnect === false) return fail(error);
    deadline ??= setTimeout(() => fail(new MqttError('TIMEOUT', `not done within ${timeoutMs} ms of losing the connection (${error.message})`, { cause: error })), timeoutMs);
  });
  const onAbort = (): void => fail(new MqttError('ABORTED', 'aborted'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const renewals: Array<() => void> = [];
  let first = true;
  const offConnect = engine.on('connect', () => {
    if (engine.state !== 'connected') return;
    if (first) first = false;
    else for (const renew of renewals) renew();
  });
  try {
    await Promise.race([engine.connect(options.signal !== undefined ? { signal: options.signal } : {}), failed]);
    const run: HelperRun = { engine, fail: (error) => fail(error), recovered, onReconnect: (renew) => renewals.push(renew) };
    return await Promise.race([work(run), failed]);
  } finally {
    recovered();
    options.signal?.removeEventListener('abort', onAbort);
    offLost();
    offConnect();
    // What the work published last (a reply from subscribe.callback) is acknowledged before DISCONNECT.
    await engine.disconnect({ flush: true, timeoutMs }).catch(() => undefined);
  }
}
