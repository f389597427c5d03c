import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../src/driver/engine-types.js';
import { MemorySessionStore } from '../src/session/session-store.js';
import type { SessionSnapshot, StoreOperation } from '../src/session/session-store.js';
import { engineSetup } from './helpers/engine-setup.js';
import { settle } from './helpers/fake-transport.js';

describe('a session store that fails', () => {
  it('load() throwing: connect() rejects SESSION_STORE_ERROR, the failure is logged, and the next connect() loads again', async () => {
    let loads = 0;
    const store = {
      load(): SessionSnapshot | undefined {
        loads++;
        if (loads === 1) throw new Error('disk gone');
        return undefined;
      },
      apply(): void {},
    };
    const { engine } = engineSetup({ store });
    const logs: LogEntry[] = [];
    engine.on('log', (entry) => logs.push(entry));
    await expect(engine.connect()).rejects.toMatchObject({ code: 'SESSION_STORE_ERROR' });
    expect(logs.map((l) => [l.level, l.message])).toContainEqual(['error', expect.stringContaining('disk gone')]);
    await engine.connect();
    expect(loads).toBe(2);
    expect(engine.state).toBe('connected');
  });

  it('apply() throwing on an operation that is no message (a delete): logged, and the publish still completes', async () => {
    const memory = new MemorySessionStore();
    const store = {
      load: () => memory.load(),
      apply(op: StoreOperation): void {
        if (op.op === 'deleteOutgoing') throw new Error('write failed');
        memory.apply(op);
      },
    };
    const { engine } = engineSetup({ store });
    const logs: LogEntry[] = [];
    engine.on('log', (entry) => logs.push(entry));
    await engine.connect();
    const handle = engine.publish('t', 'x', { qos: 1 });
    await handle.stored;
    await settle();
    await expect(handle.done).resolves.toMatchObject({ reasonCode: 0 });
    expect(logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([expect.stringContaining('write failed')]);
  });
});
