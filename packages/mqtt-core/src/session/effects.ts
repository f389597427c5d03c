// What a Session answers with. Every input returns an ordered list of these; the caller (the
// driver, or your own loop) performs them in order. Nothing here does anything by itself.

import type { MqttError, Packet, Properties, QoS } from '@x/mqtt-codec';
import type { StoreOperation } from './session-store.js';

/** The timers a Session asks for; each is set or cancelled by name. */
export type TimerKind =
  /** CONNACK not back in time. */
  | 'connect'
  /** Time to check whether a PINGREQ is due. */
  | 'keepalive'
  /** PINGREQ sent: nothing came back in time. */
  | 'pingTimeout'
  /** An unacknowledged QoS>0 message is due for resending (MQTT 3.1/3.1.1 only). */
  | 'retry';

/** A message received from the broker, topic alias already resolved. */
export interface InboundMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly dup: boolean;
  /** The packet id, for QoS>0. */
  readonly packetId: number | undefined;
  readonly properties: Properties | undefined;
}

export type SessionEffect =
  /** Write these bytes (the encoded `packet`) to the connection. */
  | { readonly type: 'send'; readonly packet: Packet; readonly bytes: Uint8Array }
  /** Call timerFired(timer, now) at time `at` (same clock as `now`), replacing any timer of that kind. */
  | { readonly type: 'setTimer'; readonly timer: TimerKind; readonly at: number }
  | { readonly type: 'cancelTimer'; readonly timer: TimerKind }
  /** A CONNACK arrived, accepted or not (a refusal is followed by `error` and `close`). */
  | { readonly type: 'connack'; readonly sessionPresent: boolean; readonly reasonCode: number; readonly properties: Properties | undefined }
  /** Hand this message to the application. Inbound QoS 2 is emitted exactly once. */
  | { readonly type: 'message'; readonly message: InboundMessage }
  /** An inbound QoS 2 exchange is over: PUBREL came for a delivered message, PUBCOMP is being sent. */
  | { readonly type: 'released'; readonly packetId: number }
  /** publish() `mid` completed: QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP (v5: reasonCode >= 0x80 is a refusal). */
  /** `packetId`: the id it had on the wire (QoS>0); undefined at QoS 0. */
  | { readonly type: 'published'; readonly mid: number; readonly reasonCode: number; readonly properties: Properties | undefined; readonly packetId?: number }
  /** SUBACK for subscribe() `mid`: one granted QoS or failure code per filter. */
  | { readonly type: 'subscribed'; readonly mid: number; readonly reasonCodes: readonly number[]; readonly properties: Properties | undefined }
  /** UNSUBACK for unsubscribe() `mid`; v3 has no reason codes, reported as 0 (success) per filter. */
  | { readonly type: 'unsubscribed'; readonly mid: number; readonly reasonCodes: readonly number[]; readonly properties: Properties | undefined }
  /** A request will never complete: subscribe/unsubscribe lost with its connection, a publish too large to send. */
  | { readonly type: 'requestFailed'; readonly mid: number; readonly error: MqttError }
  /** v5 AUTH from the broker: answer with Session.auth() (0x18 continue) or note success (0x00). */
  | { readonly type: 'auth'; readonly reasonCode: number; readonly properties: Properties | undefined }
  /** Apply to the SessionStore, in order, before performing the effects that follow. */
  | { readonly type: 'persist'; readonly operation: StoreOperation }
  /** Something went wrong: a refusal, a broker breaking the protocol, a keepalive timeout. */
  | { readonly type: 'error'; readonly error: MqttError }
  /** A packet decoded from the broker, before it is handled: only when receive() was asked to trace. */
  | { readonly type: 'received'; readonly packet: Packet }
  /** Something odd the session tolerated (an ack for a packet id not in flight): log it; nothing closes. */
  | { readonly type: 'warning'; readonly error: MqttError }
  /** Close the connection after flushing what was sent; then call connectionClosed(). */
  | { readonly type: 'close' }
  /** The connection is over (from connectionClosed): `error` is why, undefined after disconnect(). */
  | {
      readonly type: 'disconnected';
      readonly error: MqttError | undefined;
      readonly reasonCode: number | undefined;
      readonly properties: Properties | undefined;
    };

/** Publish result codes, as Paho's MQTTMessageInfo.rc. */
export const PublishRc = {
  /** Sent, or queued behind the in-flight window. */
  SUCCESS: 0,
  /** Not connected: queued, and sent after the next CONNACK. */
  NO_CONNECTION: 4,
  /** maxQueuedMessages reached: neither queued nor sent. */
  QUEUE_FULL: 15,
} as const;
export type PublishRc = (typeof PublishRc)[keyof typeof PublishRc];

/** What a command returns: its id, Paho's rc, and the effects to perform. */
export interface CommandResult {
  /** Message id, echoed by `published`/`subscribed`/`unsubscribed`/`requestFailed`. Not the packet id. */
  readonly mid: number;
  readonly rc: PublishRc;
  readonly effects: SessionEffect[];
}
