// The seed's public constants (Paho 1.5 names and values), as erasable const objects.
// Values match paho.mqtt.client so that code ported from Python keeps its numbers.

/** Protocol versions, as in Paho: `MQTTv31` (3.1), `MQTTv311` (3.1.1), `MQTTv5` (5.0). */
export const MQTTv31 = 3;
/** MQTT 3.1.1 (protocol level 4), the default. */
export const MQTTv311 = 4;
/** MQTT 5.0 (protocol level 5). */
export const MQTTv5 = 5;
/** One of MQTTv31, MQTTv311, MQTTv5. */
export type MqttProtocol = typeof MQTTv31 | typeof MQTTv311 | typeof MQTTv5;

/** Result codes of publish/subscribe/unsubscribe and of on_disconnect (Paho's MQTT_ERR_*). */
export const MQTT_ERR_AGAIN = -1;
/** Success. */
export const MQTT_ERR_SUCCESS = 0;
/** Out of memory (kept for Paho's numbering). */
export const MQTT_ERR_NOMEM = 1;
/** A protocol error. */
export const MQTT_ERR_PROTOCOL = 2;
/** An invalid argument. */
export const MQTT_ERR_INVAL = 3;
/** Not connected. */
export const MQTT_ERR_NO_CONN = 4;
/** The broker refused the connection. */
export const MQTT_ERR_CONN_REFUSED = 5;
/** Not found. */
export const MQTT_ERR_NOT_FOUND = 6;
/** The connection was lost. */
export const MQTT_ERR_CONN_LOST = 7;
/** A TLS error. */
export const MQTT_ERR_TLS = 8;
/** The payload is too large. */
export const MQTT_ERR_PAYLOAD_SIZE = 9;
/** Not supported (e.g. loopRead() without an external-loop mode). */
export const MQTT_ERR_NOT_SUPPORTED = 10;
/** Authentication failed. */
export const MQTT_ERR_AUTH = 11;
/** The broker's access control denied it. */
export const MQTT_ERR_ACL_DENIED = 12;
/** An unknown error. */
export const MQTT_ERR_UNKNOWN = 13;
/** A system error (errno). */
export const MQTT_ERR_ERRNO = 14;
/** The outgoing queue is full (maxQueuedMessagesSet). */
export const MQTT_ERR_QUEUE_SIZE = 15;
/** The broker was not heard from within 1.5 x keepalive. */
export const MQTT_ERR_KEEPALIVE = 16;

/** CONNACK return codes of MQTT 3.1/3.1.1 (Paho's CONNACK_*). */
export const CONNACK_ACCEPTED = 0;
/** Refused: unacceptable protocol version. */
export const CONNACK_REFUSED_PROTOCOL_VERSION = 1;
/** Refused: client identifier rejected. */
export const CONNACK_REFUSED_IDENTIFIER_REJECTED = 2;
/** Refused: server unavailable. */
export const CONNACK_REFUSED_SERVER_UNAVAILABLE = 3;
/** Refused: bad user name or password. */
export const CONNACK_REFUSED_BAD_USERNAME_PASSWORD = 4;
/** Refused: not authorised. */
export const CONNACK_REFUSED_NOT_AUTHORIZED = 5;

/** Log levels passed to onLog (Paho's MQTT_LOG_*). */
export const MQTT_LOG_INFO = 0x01;
/** Paho's MQTT_LOG_NOTICE. */
export const MQTT_LOG_NOTICE = 0x02;
/** Paho's MQTT_LOG_WARNING. */
export const MQTT_LOG_WARNING = 0x04;
/** Paho's MQTT_LOG_ERR. */
export const MQTT_LOG_ERR = 0x08;
/** Paho's MQTT_LOG_DEBUG: every packet sent and received. */
export const MQTT_LOG_DEBUG = 0x10;
/** One of the MQTT_LOG_* levels. */
export type MqttLogLevel = typeof MQTT_LOG_INFO | typeof MQTT_LOG_NOTICE | typeof MQTT_LOG_WARNING | typeof MQTT_LOG_ERR | typeof MQTT_LOG_DEBUG;

/** The largest payload a PUBLISH can carry (the maximum remaining length). */
export const MAX_PAYLOAD_SIZE = 268_435_455;
