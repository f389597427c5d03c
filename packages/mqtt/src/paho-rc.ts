// Maps the typed errors of the engine to the seed's integer result codes (MQTT_ERR_*), which
// on_disconnect and the loop functions report.
import type { MqttError } from '@x/mqtt-codec';
import type { LogLevel } from '@x/mqtt-core';
import * as C from './constants.js';

export function pahoRc(error: MqttError | undefined): number {
  if (error === undefined) return C.MQTT_ERR_SUCCESS;
  switch (error.code) {
    case 'KEEPALIVE_TIMEOUT':
      return C.MQTT_ERR_KEEPALIVE;
    case 'CONNECTION_REFUSED':
      return C.MQTT_ERR_CONN_REFUSED;
    case 'TLS_ERROR':
      return C.MQTT_ERR_TLS;
    case 'QUEUE_FULL':
      return C.MQTT_ERR_QUEUE_SIZE;
    case 'NOT_CONNECTED':
      return C.MQTT_ERR_NO_CONN;
    case 'PACKET_TOO_LARGE':
      return C.MQTT_ERR_PAYLOAD_SIZE;
    case 'AUTH_ERROR':
      return C.MQTT_ERR_AUTH;
    case 'MALFORMED_PACKET':
    case 'PROTOCOL_ERROR':
    case 'INVALID_QOS':
    case 'INVALID_UTF8':
    case 'INVALID_TOPIC':
    case 'INVALID_PACKET_ID':
    case 'INVALID_REASON_CODE':
    case 'UNSUPPORTED_PROTOCOL_VERSION':
    case 'INVALID_FLAGS':
    case 'INVALID_PROPERTY':
    case 'DUPLICATE_PROPERTY':
    case 'INVALID_STATE':
    case 'UNKNOWN_PACKET_ID':
    case 'TOPIC_ALIAS_INVALID':
    case 'RECEIVE_MAXIMUM_EXCEEDED':
      return C.MQTT_ERR_PROTOCOL;
    default:
      return C.MQTT_ERR_CONN_LOST;
  }
}

export const LOG_LEVELS: Readonly<Record<LogLevel, C.MqttLogLevel>> = {
  debug: C.MQTT_LOG_DEBUG,
  info: C.MQTT_LOG_INFO,
  notice: C.MQTT_LOG_NOTICE,
  warning: C.MQTT_LOG_WARNING,
  error: C.MQTT_LOG_ERR,
};
