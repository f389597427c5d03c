// Topic names (PUBLISH, will) and topic filters (SUBSCRIBE, UNSUBSCRIBE): at least one character
// ([MQTT-4.7.3-1]), no wildcards in names, `+`/`#` alone in their level and `#` only last.
// Invariant: pure functions on strings; UTF-8 rules are checked separately by utf8.ts.
import { fail, REASON_TOPIC_FILTER_INVALID, REASON_TOPIC_NAME_INVALID } from './fail.js';

const PLUS = 0x2b;
const HASH = 0x23;
const SLASH = 0x2f;

/** One message shape for every topic error: which kind, the topic itself, the rule it breaks. */
function invalid(kind: 'name' | 'filter', topic: string, rule: string): never {
  return fail('INVALID_TOPIC', `topic ${kind} ${JSON.stringify(topic)}: ${rule}`, kind === 'name' ? REASON_TOPIC_NAME_INVALID : REASON_TOPIC_FILTER_INVALID);
}

/** Throws INVALID_TOPIC unless `topic` is a valid topic name (an empty one only if `allowEmpty`). */
export function checkTopicName(topic: string, allowEmpty = false): void {
  if (topic.length === 0 && !allowEmpty) invalid('name', topic, 'must not be empty'); // [MQTT-4.7.3-1]
  if (topic.indexOf('+') !== -1 || topic.indexOf('#') !== -1) invalid('name', topic, 'must not contain wildcards'); // [MQTT-3.3.2-2]
}

/** Throws INVALID_TOPIC unless `filter` is a valid topic filter. */
export function checkTopicFilter(filter: string): void {
  const n = filter.length;
  if (n === 0) invalid('filter', filter, 'must not be empty'); // [MQTT-4.7.3-1]
  for (let i = 0; i < n; i++) {
    const c = filter.charCodeAt(i);
    if (c !== PLUS && c !== HASH) continue;
    const aloneInLevel = (i === 0 || filter.charCodeAt(i - 1) === SLASH) && (i === n - 1 || filter.charCodeAt(i + 1) === SLASH);
    if (!aloneInLevel) invalid('filter', filter, 'a wildcard must occupy a whole level'); // [MQTT-4.7.1-2], [MQTT-4.7.1-3]
    if (c === HASH && i !== n - 1) invalid('filter', filter, "'#' must be the last character"); // [MQTT-4.7.1-2]
  }
}

/** True when `topic` is a valid topic name (no wildcards, not empty). */
export function isValidTopicName(topic: string): boolean {
  return topic.length > 0 && topic.indexOf('+') === -1 && topic.indexOf('#') === -1;
}

/** True when `filter` is a valid topic filter. */
export function isValidTopicFilter(filter: string): boolean {
  try {
    checkTopicFilter(filter);
    return true;
  } catch {
    return false;
  }
}
