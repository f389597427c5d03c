// Issue 11.11: the INVALID_ARGUMENT of a bad broker URL redacts user:password, as log lines do,
// in its message, its string form, what util.inspect prints (cause chain included) and JSON.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Client, MqttError, parseBrokerUrl } from '../src/index.js';

const SECRET = 'hunter2-s3cret';

/** Everything a program might print of an error. */
function everyRendering(error: unknown): string {
  return [String(error), (error as Error).message, inspect(error, { depth: 10 }), JSON.stringify(error)].join('\n');
}

function caught(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('a broker URL that cannot be used', () => {
  it.each([
    ['unparseable (a space in the host)', `mqtt://alice:${SECRET}@bro ker:1883`],
    ['a port out of range', `mqtt://alice:${SECRET}@127.0.0.1:70000`],
    ['port 0', `mqtt://alice:${SECRET}@127.0.0.1:0`],
    ['a broken %-escape in the password', `mqtt://alice:${SECRET}%E0%A4%A@127.0.0.1`],
    ['a password holding "/" and "@" (cannot parse)', `mqtt://alice:${SECRET}/x@y@bro ker`],
  ])('%s: INVALID_ARGUMENT, and no rendering of the error holds the password', (_what, url) => {
    const error = caught(() => parseBrokerUrl(url));
    expect(error).toBeInstanceOf(MqttError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(everyRendering(error)).not.toContain(SECRET);
    expect((error as Error).message).toContain('***@');
  });

  it('through connect() and the constructor too', async () => {
    const client = new Client({ autoReconnect: false });
    const rejected: unknown = await client.connect(`mqtts://bob:${SECRET}@no host`).catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(everyRendering(rejected)).not.toContain(SECRET);
    const thrown = caught(() => new Client({ servers: [`ws://bob:${SECRET}@127.0.0.1:99999`] }));
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(everyRendering(thrown)).not.toContain(SECRET);
  });

  it('a URL without credentials is shown as given, so the mistake can be seen', () => {
    expect(caught(() => parseBrokerUrl('mqtt://bro ker:1883'))).toMatchObject({ message: expect.stringContaining('mqtt://bro ker:1883') });
  });
});
