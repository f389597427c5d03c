// A tiny static file server for the test: serves index.html and the built bundle from the app
// directory, on 127.0.0.1 and a free port. Only the files listed here can be fetched.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dist/page.js': { file: 'dist/page.js', type: 'text/javascript; charset=utf-8' },
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveApp(): Promise<StaticServer> {
  const root = new URL('..', import.meta.url);
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
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
