// The seed's callbacks, typed: each receives the client and its userdata first, as in Paho.
// MQTT 5 adds reason codes and properties as trailing arguments, so v3 handlers stay valid.
import type { Properties } from '@x/mqtt-codec';
import type { MqttLogLevel } from './constants.js';
import type { MqttMessage } from './message.js';

/** The CONNACK flags (Paho's flags['session present']). */
export interface ConnectFlags {
  /** The broker resumed a stored session for this client. */
  readonly sessionPresent: boolean;
}

/** onConnect: a CONNACK arrived; rc is 0 when accepted, otherwise the refusal's return or reason code. */
export type OnConnect<C> = (client: C, userdata: unknown, flags: ConnectFlags, rc: number, properties?: Properties) => void;
/** rc: 0 after disconnect(), otherwise an MQTT_ERR_* code (v5: reasonCode follows). */
export type OnDisconnect<C> = (client: C, userdata: unknown, rc: number, properties?: Properties, reasonCode?: number) => void;
/** onMessage: a message arrived that no messageCallbackAdd() filter took. */
export type OnMessage<C> = (client: C, userdata: unknown, message: MqttMessage) => void;
/**
 * An inbound QoS 2 exchange completed (PUBREL came, PUBCOMP sent); `mid` is that message's `mid`.
 * onMessage ran earlier, once, when the PUBLISH arrived (Paho delivers at PUBREL instead).
 */
export type OnMessageComplete<C> = (client: C, userdata: unknown, mid: number) => void;
/** v5: reasonCode of PUBACK/PUBCOMP (>= 0x80: refused by the broker). */
export type OnPublish<C> = (client: C, userdata: unknown, mid: number, reasonCode?: number, properties?: Properties) => void;
/** grantedQos: one entry per filter: 0-2, or 0x80 / a v5 reason code >= 0x80 for a refused filter. */
export type OnSubscribe<C> = (client: C, userdata: unknown, mid: number, grantedQos: readonly number[], properties?: Properties) => void;
/** onUnsubscribe: an UNSUBACK arrived (v5: one reason code per filter). */
export type OnUnsubscribe<C> = (client: C, userdata: unknown, mid: number, properties?: Properties, reasonCodes?: readonly number[]) => void;
/** onLog: a log line at a Paho level (MQTT_LOG_*), secrets redacted. */
export type OnLog<C> = (client: C, userdata: unknown, level: MqttLogLevel, buf: string) => void;
/** sock: the runtime's socket (net.Socket, tls.TLSSocket, WebSocket). */
export type OnSocket<C> = (client: C, userdata: unknown, sock: unknown) => void;
