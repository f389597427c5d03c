// The filters subscribed with subscribe(), kept so that a reconnect whose CONNACK says session
// present 0 can subscribe them again (the `resubscribe` option, issue 13 item 4), as MQTT.js does.
// Invariant: a filter is renewed at most once per connection, and not at all when onConnect
// subscribed it again on that connection (the Paho way), so nothing goes out twice on the wire.
import type { Properties, Subscription } from '@x/mqtt-codec';

/** One SUBSCRIBE to send again: the filters that shared a subscribe() call's properties. */
export interface Renewal {
  readonly subscriptions: Subscription[];
  readonly properties: Properties | undefined;
}

export class SubscriptionRecord {
  /** filter -> its latest subscription and the properties of the call that made it. */
  readonly #entries = new Map<string, { subscription: Subscription; properties: Properties | undefined }>();
  /** Filters subscribed on the connection being set up (while onConnect runs); undefined otherwise. */
  #subscribedNow: Set<string> | undefined;

  /** subscribe() was accepted for these filters: remember them, with the call's properties. */
  add(subscriptions: readonly Subscription[], properties: Properties | undefined): void {
    for (const subscription of subscriptions) {
      this.#entries.set(subscription.topicFilter, { subscription, properties });
      this.#subscribedNow?.add(subscription.topicFilter);
    }
  }

  /** unsubscribe(), or a SUBACK that refused the filter (reason code >= 0x80): forget it. */
  remove(filters: readonly string[]): void {
    for (const filter of filters) this.#entries.delete(filter);
  }

  /** Drops every filter of a SUBACK whose reason code is a failure (0x80 and above). */
  refused(subscriptions: readonly Subscription[], reasonCodes: readonly number[]): void {
    subscriptions.forEach((s, i) => {
      const code = reasonCodes[i];
      if (code !== undefined && code >= 0x80 && this.#entries.get(s.topicFilter)?.subscription === s) this.#entries.delete(s.topicFilter);
    });
  }

  clear(): void {
    this.#entries.clear();
  }

  /**
   * Runs `onConnect` for a new connection, noting what it subscribes, and returns what is left to
   * renew: every remembered filter onConnect did not subscribe, grouped by the properties of the
   * subscribe() call that made it (one SUBSCRIBE per group).
   */
  connected(onConnect: () => void): Renewal[] {
    // onConnect is the client's #run wrapper: it never throws, so the window always closes.
    const fresh = new Set<string>();
    this.#subscribedNow = fresh;
    onConnect();
    this.#subscribedNow = undefined;
    const groups = new Map<Properties | undefined, Subscription[]>();
    for (const [filter, entry] of this.#entries) {
      if (fresh.has(filter)) continue;
      const group = groups.get(entry.properties);
      if (group === undefined) groups.set(entry.properties, [entry.subscription]);
      else group.push(entry.subscription);
    }
    return [...groups].map(([properties, subscriptions]) => ({ subscriptions, properties }));
  }
}
