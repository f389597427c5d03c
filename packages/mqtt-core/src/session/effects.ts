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
  /** The topic name it was published to (an inbound v5 topic alias already replaced). */
  readonly topic: string;
  /** The message body: a view into the received bytes. */
  readonly payload: Uint8Array;
  /** The QoS it was delivered at. */
  readonly qos: QoS;
  /** The PUBLISH's RETAIN flag. */
  readonly retain: boolean;
  /** The PUBLISH's DUP flag: the broker may have sent it before. */
  readonly dup: boolean;
  /** The packet id, for QoS>0. */
  readonly packetId: number | undefined;
  /** The PUBLISH's v5 properties; undefined when none. */
  readonly properties: Properties | undefined;
  /** Which connection of the Session it arrived on (1 for the first): Session.ack() refuses one from an earlier connection. */
  readonly connection: number;
}

/** One thing the caller must do, in order: a discriminated union on `type`. */
export type SessionEffect =
  /** Write these bytes (the encoded `packet`) to the connection. */
  | {
      /** Discriminant: 'send'. */
      readonly type: 'send';
      /** The packet, for logs and tests. */
      readonly packet: Packet;
      /** Its encoding: what to write. */
      readonly bytes: Uint8Array;
    }
  /** Call timerFired(timer, now) at time `at` (same clock as `now`), replacing any timer of that kind. */
  | {
      /** Discriminant: 'setTimer'. */
      readonly type: 'setTimer';
      /** Which timer. */
      readonly timer: TimerKind;
      /** When it fires, in ms on the caller's clock. */
      readonly at: number;
    }
  /** Cancel the timer of that kind, if set. */
  | {
      /** Discriminant: 'cancelTimer'. */
      readonly type: 'cancelTimer';
      /** Which timer. */
      readonly timer: TimerKind;
    }
  /** A CONNACK arrived, accepted or not (a refusal is followed by `error` and `close`). */
  | {
      /** Discriminant: 'connack'. */
      readonly type: 'connack';
      /** The CONNACK's Session Present flag. */
      readonly sessionPresent: boolean;
      /** The v3 return code or v5 reason code. */
      readonly reasonCode: number;
      /** The v5 properties of the packet; undefined when none. */
      readonly properties: Properties | undefined;
    }
  /** Hand this message to the application. Inbound QoS 2 is emitted exactly once. */
  | {
      /** Discriminant: 'message'. */
      readonly type: 'message';
      /** The message. */
      readonly message: InboundMessage;
    }
  /** An inbound QoS 2 exchange is over: PUBREL came for a delivered message, PUBCOMP is being sent. */
  | {
      /** Discriminant: 'released'. */
      readonly type: 'released';
      /** The packet id of the QoS 2 PUBLISH. */
      readonly packetId: number;
    }
  /** publish() `mid` completed: QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP (v5: reasonCode >= 0x80 is a refusal). */
  /** `packetId`: the id it had on the wire (QoS>0); undefined at QoS 0. */
  | {
      /** Discriminant: 'published'. */
      readonly type: 'published';
      /** The message id publish() returned. */
      readonly mid: number;
      /** The v5 reason code of the PUBACK, PUBREC or PUBCOMP; 0 otherwise. */
      readonly reasonCode: number;
      /** The v5 properties of the packet; undefined when none. */
      readonly properties: Properties | undefined;
      /** The packet id it had on the wire (QoS>0); undefined at QoS 0. */
      readonly packetId?: number;
    }
  /** SUBACK for subscribe() `mid`: one granted QoS or failure code per filter. */
  | {
      /** Discriminant: 'subscribed'. */
      readonly type: 'subscribed';
      /** The message id subscribe() returned. */
      readonly mid: number;
      /** One per filter: the granted QoS, or a failure (0x80 and above). */
      readonly reasonCodes: readonly number[];
      /** The v5 properties of the packet; undefined when none. */
      readonly properties: Properties | undefined;
    }
  /** UNSUBACK for unsubscribe() `mid`; v3 has no reason codes, reported as 0 (success) per filter. */
  | {
      /** Discriminant: 'unsubscribed'. */
      readonly type: 'unsubscribed';
      /** The message id unsubscribe() returned. */
      readonly mid: number;
      /** One per filter (v5), or 0 per filter (v3). */
      readonly reasonCodes: readonly number[];
      /** The v5 properties of the packet; undefined when none. */
      readonly properties: Properties | undefined;
    }
  /** A request will never complete: subscribe/unsubscribe lost with its connection, a publish too large to send. */
  | {
      /** Discriminant: 'requestFailed'. */
      readonly type: 'requestFailed';
      /** The message id the command returned. */
      readonly mid: number;
      /** Why it failed. */
      readonly error: MqttError;
    }
  /** v5 AUTH from the broker: answer with Session.auth() (0x18 continue) or note success (0x00). */
  | {
      /** Discriminant: 'auth'. */
      readonly type: 'auth';
      /** The AUTH reason code. */
      readonly reasonCode: number;
      /** The v5 properties of the packet; undefined when none. */
      readonly properties: Properties | undefined;
    }
  /** Apply to the SessionStore, in order, before performing the effects that follow. */
  | {
      /** Discriminant: 'persist'. */
      readonly type: 'persist';
      /** The change to apply. */
      readonly operation: StoreOperation;
    }
  /** Something went wrong: a refusal, a broker breaking the protocol, a keepalive timeout. */
  | {
      /** Discriminant: 'error'. */
      readonly type: 'error';
      /** What went wrong. */
      readonly error: MqttError;
    }
  /** A packet decoded from the broker, before it is handled: only when receive() was asked to trace. */
  | {
      /** Discriminant: 'received'. */
      readonly type: 'received';
      /** The decoded packet. */
      readonly packet: Packet;
    }
  /** Something odd the session tolerated (an ack for a packet id not in flight): log it; nothing closes. */
  | {
      /** Discriminant: 'warning'. */
      readonly type: 'warning';
      /** What was tolerated. */
      readonly error: MqttError;
    }
  /** Close the connection after flushing what was sent; then call connectionClosed(). */
  | {
      /** Discriminant: 'close'. */
      readonly type: 'close';
    }
  /** The connection is over (from connectionClosed): `error` is why, undefined after disconnect(). */
  | {
      /** Discriminant: 'disconnected'. */
      readonly type: 'disconnected';
      /** Why; undefined after disconnect(). */
      readonly error: MqttError | undefined;
      /** The v5 reason code of the DISCONNECT received or sent; undefined when none. */
      readonly reasonCode: number | undefined;
      /** The v5 properties of that DISCONNECT; undefined when none. */
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
  /** Paho's rc: SUCCESS, NO_CONNECTION (not connected) or QUEUE_FULL. */
  readonly rc: PublishRc;
  /** The effects to perform, in order. */
  readonly effects: SessionEffect[];
}
