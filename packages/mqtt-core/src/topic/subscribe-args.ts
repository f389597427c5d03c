// Paho's three subscribe() forms, normalised to a list of Subscription objects: ("a/b", 1),
// (["a/b", 1]) and ([["a/b", 0], ["c", 2]]); Subscription objects pass through. Pure.

import { MqttError } from '@x/mqtt-codec';
import type { QoS, Subscription } from '@x/mqtt-codec';

/** Subscription options beyond the filter: a QoS, or v5 options with a QoS. */
export type SubscribeOptions = QoS | Omit<Subscription, 'topicFilter'>;

/** Every form subscribe() accepts. */
export type SubscribeArgs = string | Subscription | readonly [string, SubscribeOptions] | readonly (Subscription | readonly [string, SubscribeOptions])[];

function one(filter: unknown, options: unknown): Subscription {
  if (typeof filter !== 'string' || filter.length === 0) throw new MqttError('INVALID_TOPIC', 'a topic filter must be a non-empty string');
  const opts = typeof options === 'object' && options !== null ? (options as Omit<Subscription, 'topicFilter'>) : { qos: options as QoS };
  if (opts.qos !== 0 && opts.qos !== 1 && opts.qos !== 2) throw new MqttError('INVALID_QOS', `invalid QoS: ${String(opts.qos)}`);
  return { ...opts, topicFilter: filter };
}

/** Normalises `topic` (and `qos`, used only by the string form; defaults to 0). Throws INVALID_TOPIC/INVALID_QOS/INVALID_ARGUMENT. */
export function toSubscriptions(topic: SubscribeArgs, qos: SubscribeOptions = 0): Subscription[] {
  if (typeof topic === 'string') return [one(topic, qos)];
  if (isTuple(topic)) return [one(topic[0], topic[1])];
  if (Array.isArray(topic)) {
    if (topic.length === 0) throw new MqttError('INVALID_ARGUMENT', 'an empty list of subscriptions');
    return (topic as readonly unknown[]).map((item) => {
      if (isTuple(item)) return one(item[0], item[1]);
      if (isSubscription(item)) return one(item.topicFilter, item);
      throw new MqttError('INVALID_ARGUMENT', 'each subscription must be [filter, qos] or a Subscription');
    });
  }
  if (isSubscription(topic)) return [one(topic.topicFilter, topic)];
  throw new MqttError('INVALID_ARGUMENT', 'topic must be a string, a [filter, qos] tuple, or a list of them');
}

function isTuple(value: unknown): value is readonly [string, SubscribeOptions] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && (typeof value[1] === 'number' || (typeof value[1] === 'object' && value[1] !== null));
}

function isSubscription(value: unknown): value is Subscription {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { topicFilter?: unknown }).topicFilter === 'string';
}
