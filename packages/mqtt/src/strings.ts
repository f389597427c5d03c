// Human-readable strings for the seed's MQTT_ERR_* result codes: errorString(). Same wording as
// Paho 1.5, so logs and messages read the same after a port. (connackString lives in core.)

const ERROR_STRINGS: Readonly<Record<number, string>> = {
  [-1]: 'No error.', // MQTT_ERR_AGAIN is not an error to the caller
  0: 'No error.',
  1: 'Out of memory.',
  2: 'A network protocol error occurred when communicating with the broker.',
  3: 'Invalid function arguments provided.',
  4: 'The client is not currently connected.',
  5: 'The connection was refused.',
  6: 'Message not found (internal error).',
  7: 'The connection was lost.',
  8: 'A TLS error occurred.',
  9: 'Payload too large.',
  10: 'This feature is not supported.',
  11: 'Authorisation failed.',
  12: 'Access denied by ACL.',
  13: 'Unknown error.',
  14: 'Error defined by errno.',
  15: 'Message queue full.',
  16: 'Client or broker did not communicate in the keepalive interval.',
};

/** The text of a Paho result code (MQTT_ERR_*). */
export function errorString(mqttErrno: number): string {
  return ERROR_STRINGS[mqttErrno] ?? 'Unknown error.';
}
