// The logging bridge: Paho levels mapped to a console-like logger (enableLogger), as the seed
// maps them to Python's logging. Secrets never reach a logger: redactSecrets() runs on every line.
import { MQTT_LOG_DEBUG, MQTT_LOG_ERR, MQTT_LOG_INFO, MQTT_LOG_NOTICE, MQTT_LOG_WARNING, type MqttLogLevel } from './constants.js';

/** Anything with console's four methods: `console`, pino, winston, bunyan, ... */
export interface Logger {
  /** Called for MQTT_LOG_ERR. */
  error(message: string): void;
  /** Called for MQTT_LOG_WARNING. */
  warn(message: string): void;
  /** Called for MQTT_LOG_NOTICE and MQTT_LOG_INFO. */
  info(message: string): void;
  /** Called for MQTT_LOG_DEBUG. */
  debug(message: string): void;
}

/** Paho level -> logger method: ERR->error, WARNING->warn, NOTICE->info (no direct equivalent), INFO->info, DEBUG->debug. */
export const LOG_LEVEL_METHOD: Readonly<Record<MqttLogLevel, keyof Logger>> = {
  [MQTT_LOG_ERR]: 'error',
  [MQTT_LOG_WARNING]: 'warn',
  [MQTT_LOG_NOTICE]: 'info',
  [MQTT_LOG_INFO]: 'info',
  [MQTT_LOG_DEBUG]: 'debug',
};

const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s:]+(:[^/@\s]*)?@/gi;

/** Removes user:password from URLs and any of the given secrets from a log line. */
export function redactSecrets(line: string, secrets: readonly string[]): string {
  let out = line.replace(URL_CREDENTIALS, '$1***@');
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}
