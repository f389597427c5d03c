// v5 topic aliases, both directions, for one connection (aliases never outlive it [MQTT-3.3.2-7]).
// Inbound: alias -> topic as the broker set them, within our Topic Alias Maximum.
// Outbound: topic -> alias assigned automatically within the broker's maximum, least recently used replaced.

/** Resolves aliases the broker sends. */
export class InboundTopicAliases {
  readonly #maximum: number;
  /** Made when the broker sets its first alias: most connections never see one. */
  #topics: Map<number, string> | undefined;

  constructor(maximum: number) {
    this.#maximum = maximum;
  }

  /**
   * The topic of a PUBLISH carrying `topic` and `alias`, or undefined when the alias is 0, over the
   * maximum, or unknown with an empty topic [MQTT-3.3.2-8], [MQTT-3.3.4-..].
   */
  resolve(topic: string, alias: number | undefined): string | undefined {
    if (alias === undefined) return topic.length > 0 ? topic : undefined;
    if (alias < 1 || alias > this.#maximum) return undefined;
    if (topic.length > 0) {
      (this.#topics ??= new Map()).set(alias, topic);
      return topic;
    }
    return this.#topics?.get(alias);
  }
}

/** What to put on the wire for an outgoing PUBLISH topic. */
export interface OutboundAlias {
  /** The topic to send: '' when the alias alone is enough. */
  readonly topic: string;
  /** The Topic Alias to send with it; undefined for none. */
  readonly alias: number | undefined;
}

/** Assigns aliases to outgoing topics. */
export class OutboundTopicAliases {
  readonly #maximum: number;
  /** topic -> alias, in least-recently-used order (Map keeps insertion order). */
  readonly #aliases = new Map<string, number>();

  constructor(maximum: number) {
    this.#maximum = maximum;
  }

  /** Drops the alias of `topic` (its PUBLISH was not sent after all). */
  forget(topic: string): void {
    this.#aliases.delete(topic);
  }

  /**
   * A PUBLISH with a topic and an explicit alias went out: the broker now maps `alias` to `topic`
   * (3.3.2.3.4), so whatever topic held that alias here loses it. Aliases above our maximum are not tracked.
   */
  bind(topic: string, alias: number): void {
    if (alias < 1 || alias > this.#maximum) return;
    for (const [held, a] of this.#aliases) {
      if (a === alias) {
        this.#aliases.delete(held);
        break;
      }
    }
    this.#aliases.delete(topic);
    this.#aliases.set(topic, alias);
  }

  /** The topic and alias for the next PUBLISH on `topic`. */
  assign(topic: string): OutboundAlias {
    if (this.#maximum === 0) return { topic, alias: undefined };
    const known = this.#aliases.get(topic);
    if (known !== undefined) {
      this.#aliases.delete(topic);
      this.#aliases.set(topic, known);
      return { topic: '', alias: known };
    }
    let alias: number;
    if (this.#aliases.size >= this.#maximum) {
      const [oldest, oldAlias] = this.#aliases.entries().next().value as [string, number];
      this.#aliases.delete(oldest);
      alias = oldAlias;
    } else {
      alias = this.#freeAlias();
    }
    this.#aliases.set(topic, alias);
    return { topic, alias };
  }

  /** The lowest alias no topic holds (explicit bindings can leave gaps). Called only when one is free. */
  #freeAlias(): number {
    const candidate = this.#aliases.size + 1;
    const used = new Set(this.#aliases.values());
    if (!used.has(candidate)) return candidate;
    for (let alias = 1; ; alias++) if (!used.has(alias)) return alias;
  }
}
