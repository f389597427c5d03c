// The seed's public constants (Paho 1.5 names and values), as erasable const objects.
// Values match paho.mqtt.client so that code ported from Python keeps its numbers.

/** Protocol versions, as in Paho: `MQTTv31` (3.1), `MQTTv311` (3.1.1), `MQTTv5` (5.0). */
export const MQTTv31 = 3;
export const MQTTv311 = 4;
export const MQTTv5 = 5;
export type MqttProtocol = typeof MQTTv31 | typeof MQTTv311 | typeof MQTTv5;

/** Result codes of publish/subscribe/unsubscribe and of on_disconnect (Paho's MQTT_ERR_*). */
export const MQTT_ERR_AGAIN = -1;
export const MQTT_ERR_SUCCESS = 0;
export const MQTT_ERR_NOMEM = 1;
export const MQTT_ERR_PROTOCOL = 2;
export const MQTT_ERR_INVAL = 3;
export const MQTT_ERR_NO_CONN = 4;
export const MQTT_ERR_CONN_REFUSED = 5;
export const MQTT_ERR_NOT_FOUND = 6;
export const MQTT_ERR_CONN_LOST = 7;
export const MQTT_ERR_TLS = 8;
export const MQTT_ERR_PAYLOAD_SIZE = 9;
export const MQTT_ERR_NOT_SUPPORTED = 10;
export const MQTT_ERR_AUTH = 11;
export const MQTT_ERR_ACL_DENIED = 12;
export const MQTT_ERR_UNKNOWN = 13;
export const MQTT_ERR_ERRNO = 14;
export const MQTT_ERR_QUEUE_SIZE = 15;
export const MQTT_ERR_KEEPALIVE = 16;

/** CONNACK return codes of MQTT 3.1/3.1.1 (Paho's CONNACK_*). */
export const CONNACK_ACCEPTED = 0;
export const CONNACK_REFUSED_PROTOCOL_VERSION = 1;
export const CONNACK_REFUSED_IDENTIFIER_REJECTED = 2;
export const CONNACK_REFUSED_SERVER_UNAVAILABLE = 3;
export const CONNACK_REFUSED_BAD_USERNAME_PASSWORD = 4;
export const CONNACK_REFUSED_NOT_AUTHORIZED = 5;

/** Log levels passed to onLog (Paho's MQTT_LOG_*). */
export const MQTT_LOG_INFO = 0x01;
export const MQTT_LOG_NOTICE = 0x02;
export const MQTT_LOG_WARNING = 0x04;
export const MQTT_LOG_ERR = 0x08;
export const MQTT_LOG_DEBUG = 0x10;
export type MqttLogLevel = typeof MQTT_LOG_INFO | typeof MQTT_LOG_NOTICE | typeof MQTT_LOG_WARNING | typeof MQTT_LOG_ERR | typeof MQTT_LOG_DEBUG;

/** The largest payload a PUBLISH can carry (the maximum remaining length). */
export const MAX_PAYLOAD_SIZE = 268_435_455;
