// A trie of topic filters -> handlers, so routing a message costs O(levels), not O(filters).
// Backs Paho's message_callback_add semantics: every matching filter's handler runs once,
// and the fallback runs only when none matched.

import { isValidTopicFilter, parseSharedFilter } from './topic-matches-sub.js';

interface TrieNode<T> {
  readonly children: Map<string, TrieNode<T>>;
  /** Values of filters ending here, by the literal filter string (so `$share/g/a` and `a` stay apart). */
  readonly values: Map<string, T>;
}

function newNode<T>(): TrieNode<T> {
  return { children: new Map(), values: new Map() };
}

const NONE: readonly never[] = Object.freeze([]);

/** Maps topic filters (with `+`, `#`, `$share/`) to values; `match(topic)` yields every value whose filter matches. */
export class TopicRouter<T> {
  readonly #root: TrieNode<T> = newNode();
  #size = 0;
  /** The last topic matched and its values: a stream repeats its topics. Cleared by add/remove. */
  #lastTopic: string | undefined;
  #lastMatch: readonly T[] = NONE;

  /** How many filters are registered. */
  get size(): number {
    return this.#size;
  }

  /** Registers (or replaces) the value of `filter`. Throws a TypeError for an invalid filter. */
  add(filter: string, value: T): void {
    if (!isValidTopicFilter(filter)) throw new TypeError(`invalid topic filter: ${JSON.stringify(filter)}`);
    let node = this.#root;
    for (const level of parseSharedFilter(filter).filter.split('/')) {
      let next = node.children.get(level);
      if (next === undefined) {
        next = newNode();
        node.children.set(level, next);
      }
      node = next;
    }
    if (!node.values.has(filter)) this.#size++;
    node.values.set(filter, value);
    this.#lastTopic = undefined;
  }

  /** Removes `filter`; returns whether it was registered. Empty branches are pruned. */
  remove(filter: string): boolean {
    const levels = parseSharedFilter(filter).filter.split('/');
    const path: TrieNode<T>[] = [this.#root];
    for (const level of levels) {
      const next = path[path.length - 1]?.children.get(level);
      if (next === undefined) return false;
      path.push(next);
    }
    const leaf = path[path.length - 1] as TrieNode<T>;
    if (!leaf.values.delete(filter)) return false;
    this.#size--;
    this.#lastTopic = undefined;
    for (let i = levels.length; i > 0; i--) {
      const node = path[i] as TrieNode<T>;
      if (node.values.size > 0 || node.children.size > 0) break;
      (path[i - 1] as TrieNode<T>).children.delete(levels[i - 1] as string);
    }
    return true;
  }

  /** The value registered for exactly `filter`. */
  get(filter: string): T | undefined {
    let node: TrieNode<T> | undefined = this.#root;
    for (const level of parseSharedFilter(filter).filter.split('/')) {
      node = node.children.get(level);
      if (node === undefined) return undefined;
    }
    return node.values.get(filter);
  }

  /** Every value whose filter matches `topic`, each once. The array is shared: read it, do not change it. */
  match(topic: string): readonly T[] {
    if (this.#size === 0) return NONE;
    if (topic === this.#lastTopic) return this.#lastMatch;
    const out: T[] = [];
    walk(this.#root, topic.split('/'), 0, topic.startsWith('$'), out);
    this.#lastTopic = topic;
    this.#lastMatch = out;
    return out;
  }
}

function walk<T>(node: TrieNode<T>, levels: readonly string[], depth: number, dollar: boolean, out: T[]): void {
  const wildcardAllowed = !(dollar && depth === 0); // [MQTT-4.7.2-1]
  if (wildcardAllowed) {
    const hash = node.children.get('#');
    if (hash !== undefined) for (const v of hash.values.values()) out.push(v);
  }
  if (depth === levels.length) {
    for (const v of node.values.values()) out.push(v);
    return;
  }
  const exact = node.children.get(levels[depth] as string);
  if (exact !== undefined) walk(exact, levels, depth + 1, dollar, out);
  if (wildcardAllowed) {
    const plus = node.children.get('+');
    if (plus !== undefined) walk(plus, levels, depth + 1, dollar, out);
  }
}
