// Topic names, topic filters and the match between them (MQTT 3.1.1 §4.7, MQTT 5.0 §4.7-4.8).
// Pure functions, no state: `+` matches one level, `#` the rest, and a topic starting with `$`
// is never matched by a filter starting with a wildcard [MQTT-4.7.2-1].

const SHARE_PREFIX = '$share/';

/** A parsed `$share/{group}/{filter}` subscription, or the filter itself when not shared. */
export interface ParsedFilter {
  /** The topic filter, without the `$share/{group}/` prefix. */
  readonly filter: string;
  /** The share group name; undefined when the subscription is not shared. */
  readonly shareGroup: string | undefined;
}

/** Splits `$share/group/filter` into its group and filter [MQTT-4.8.2-1]; other filters pass through. */
export function parseSharedFilter(filter: string): ParsedFilter {
  if (!filter.startsWith(SHARE_PREFIX)) return { filter, shareGroup: undefined };
  const rest = filter.slice(SHARE_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return { filter, shareGroup: undefined };
  return { filter: rest.slice(slash + 1), shareGroup: rest.slice(0, slash) };
}

/** True when `topic` is a valid topic name: not empty, no wildcards [MQTT-4.7.3-1], no U+0000. */
export function isValidTopicName(topic: string): boolean {
  if (topic === lastValidTopic) return true; // programs publish to few topics, many times
  const valid = typeof topic === 'string' && topic.length > 0 && !/[+#\u0000]/.test(topic);
  if (valid) lastValidTopic = topic;
  return valid;
}

/** The last topic name found valid ('' never is). */
let lastValidTopic = '';

/** True when `filter` is a valid filter: `#` only last and alone in its level, `+` alone in its level. */
export function isValidTopicFilter(filter: string): boolean {
  if (typeof filter !== 'string' || filter.length === 0 || filter.includes('\u0000')) return false;
  const parsed = parseSharedFilter(filter);
  if (filter.startsWith(SHARE_PREFIX) && (parsed.shareGroup === undefined || /[+#]/.test(parsed.shareGroup) || parsed.filter === '')) {
    return false;
  }
  const levels = parsed.filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] as string;
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return false; // [MQTT-4.7.1-2]
    if (level.includes('+') && level !== '+') return false; // [MQTT-4.7.1-3]
  }
  return true;
}

/**
 * True when `topic` matches the subscription filter `sub` (Paho's topic_matches_sub).
 * `$share/group/filter` matches as `filter`. Invalid filters or topics never match.
 */
export function topicMatchesSub(sub: string, topic: string): boolean {
  if (!isValidTopicFilter(sub) || !isValidTopicName(topic)) return false;
  const filterLevels = parseSharedFilter(sub).filter.split('/');
  const topicLevels = topic.split('/');
  const first = filterLevels[0];
  if (topic.startsWith('$') && (first === '+' || first === '#')) return false; // [MQTT-4.7.2-1]
  for (let i = 0; i < filterLevels.length; i++) {
    const level = filterLevels[i];
    if (level === '#') return true; // also matches the parent level [MQTT-4.7.1-2]
    if (i >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[i]) return false;
  }
  return filterLevels.length === topicLevels.length;
}
