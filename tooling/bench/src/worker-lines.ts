// Talks to a worker process that prints one JSON object per line, each with a `kind`: waits for
// the next line of a given kind, and fails with the worker's stderr when it exits or times out first.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WorkerLine {
  readonly kind: string;
  readonly [field: string]: unknown;
}

export interface WorkerLines {
  next(kind: string, timeoutMs: number): Promise<WorkerLine>;
}

export function workerLines(child: ChildProcess, name: string): WorkerLines {
  const seen: WorkerLine[] = [];
  const waiting: Array<() => void> = [];
  let stderr = '';
  let exited: string | undefined;
  const wake = (): void => {
    for (const w of waiting.splice(0)) w();
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    seen.push(JSON.parse(line) as WorkerLine);
    wake();
  });
  child.once('exit', (code, signal) => {
    exited = `${name} exited (code ${code}, signal ${signal})`;
    wake();
  });
  return {
    async next(kind, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = seen.findIndex((l) => l.kind === kind);
        if (i >= 0) return seen.splice(i, 1)[0] as WorkerLine;
        if (exited !== undefined) throw new Error(`${exited} before "${kind}":\n${stderr}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${name}: no "${kind}" within ${timeoutMs} ms:\n${stderr}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
