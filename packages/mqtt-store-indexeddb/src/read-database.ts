// open()'s read of a session database: every record, checked, in one readonly transaction; then,
// when some were damaged, one readwrite transaction that deletes them, so the next open is clean.

import type { StoredMessage } from '@x/mqtt-core';
import { requestResult, storeError, transactionDone } from './idb.js';
import type { DamagedRecord, Durability } from './options.js';
import { INCOMING, isMid, META, NEXT_MID, OUTGOING, readIncoming, readOutgoing, STORES } from './records.js';

export interface DatabaseContents {
  readonly messages: readonly { readonly message: StoredMessage; readonly order: number }[];
  readonly incoming: readonly number[];
  readonly nextMid: number;
  readonly damaged: readonly DamagedRecord[];
}

export async function readDatabase(db: IDBDatabase): Promise<DatabaseContents> {
  for (const name of STORES) {
    if (!db.objectStoreNames.contains(name)) throw storeError(`database ${JSON.stringify(db.name)} has no object store ${JSON.stringify(name)}: it is not a session store`);
  }
  const transaction = db.transaction([...STORES], 'readonly');
  const outgoing = transaction.objectStore(OUTGOING);
  const incoming = transaction.objectStore(INCOMING);
  const [outKeys, outValues, inKeys, inValues, nextMidValue] = await Promise.all([
    requestResult(outgoing.getAllKeys()),
    requestResult(outgoing.getAll()),
    requestResult(incoming.getAllKeys()),
    requestResult(incoming.getAll()),
    requestResult<unknown>(transaction.objectStore(META).get(NEXT_MID)),
    transactionDone(transaction),
  ]);

  const damaged: DamagedRecord[] = [];
  const messages: { message: StoredMessage; order: number }[] = [];
  // getAllKeys() and getAll() of one transaction list the same records in the same (key) order.
  outKeys.forEach((key, index) => {
    const read = readOutgoing(key, outValues[index]);
    if ('reason' in read) damaged.push({ store: OUTGOING, key, reason: read.reason });
    else messages.push(read);
  });
  const packetIds: number[] = [];
  inKeys.forEach((key, index) => {
    const read = readIncoming(key, inValues[index]);
    if ('reason' in read) damaged.push({ store: INCOMING, key, reason: read.reason });
    else packetIds.push(read.packetId);
  });
  let nextMid = 1;
  if (isMid(nextMidValue)) nextMid = nextMidValue;
  else if (nextMidValue !== undefined) damaged.push({ store: META, key: NEXT_MID, reason: `nextMid ${String(nextMidValue)} is not a positive safe integer` });
  for (const { message } of messages) nextMid = Math.max(nextMid, message.mid + 1);
  return { messages, incoming: packetIds, nextMid, damaged };
}

/** Deletes the damaged records (and writes a good nextMid in place of a damaged one). */
export async function deleteDamaged(db: IDBDatabase, damaged: readonly DamagedRecord[], nextMid: number, durability: Durability): Promise<void> {
  const transaction = db.transaction([...STORES], 'readwrite', { durability });
  for (const record of damaged) {
    if (record.store === META) transaction.objectStore(META).put(nextMid, NEXT_MID);
    else transaction.objectStore(record.store).delete(record.key);
  }
  await transactionDone(transaction);
}
