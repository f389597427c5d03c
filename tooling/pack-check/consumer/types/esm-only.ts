// Compiled by the pack check (node16 from ESM, and bundler): the ESM-only package and the browser
// entries, which a CommonJS file cannot import.
import { main } from '@x/mqtt-cli';
import { Client as BrowserClient } from '@x/mqtt/browser';
import { wsTransport as browserWsTransport } from '@x/mqtt-transport-ws/browser';

const exitCode: Promise<number> = main(['--help']);
const browserClient = new BrowserClient({ clientId: 'browser' });
const transport = browserWsTransport({ url: 'wss://broker.example/mqtt' });

export const used = [exitCode, browserClient, transport];
