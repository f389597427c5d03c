// Builds the durable-session test page (src/session-page.ts -> dist/session-page.js, as build.mjs
// builds the demo: browser condition, no Node modules) and serves it from 127.0.0.1. Only
// session.html and its bundle can be fetched.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/session.html': { file: 'session.html', type: 'text/html; charset=utf-8' },
  '/dist/session-page.js': { file: 'dist/session-page.js', type: 'text/javascript; charset=utf-8' },
};

/** Bundles the page; returns the bundle's inputs that must not be in a browser bundle (none, or the test fails). */
export async function buildSessionPage(): Promise<string[]> {
  const result = await build({
    entryPoints: ['src/session-page.ts'],
    outfile: 'dist/session-page.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser', 'x-mqtt-source'],
    target: 'es2022',
    metafile: true,
    absWorkingDir: fileURLToPath(root),
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.inputs).filter((path) => path.startsWith('node:') || /(^|\/)node_modules\/.*\/ws\//.test(path));
}

export interface SessionPageServer {
  /** URL of session.html. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveSessionPage(): Promise<SessionPageServer> {
  const server: Server = createServer((request, response) => {
    const entry = FILES[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (entry === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(fileURLToPath(new URL(entry.file, root))).then(
      (body) => response.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/session.html`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
