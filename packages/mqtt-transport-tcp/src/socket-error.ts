// Maps Node socket, DNS and OpenSSL errors to MqttError, keeping the errno / OpenSSL code in the
// message and the original error as `cause`. Callers branch on `code`, never on the message.

import { MqttError } from '@x/mqtt-codec';

/** Certificate verification codes that Node reports from OpenSSL's X509_verify_cert. */
const X509_VERIFY_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_CHAIN_TOO_LONG',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a handshake, certificate or OpenSSL failure (as opposed to a socket-level one). */
export function isTlsFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || X509_VERIFY_CODES.has(code))) return true;
  return typeof (error as { library?: unknown } | null)?.library === 'string';
}

/**
 * Wraps a socket-level failure: TLS_ERROR for TLS failures, TRANSPORT_ERROR otherwise.
 * An MqttError passes through unchanged.
 */
export function socketError(error: unknown, context: string): MqttError {
  if (error instanceof MqttError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
  return new MqttError(isTlsFailure(error) ? 'TLS_ERROR' : 'TRANSPORT_ERROR', `${context}: ${detail}`, { cause: error });
}
