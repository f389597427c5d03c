// @x/mqtt-transport-tls: MQTT over TLS (node:tls), with the seed's tls_set / tls_set_context /
// tls_insecure_set options. Socket plumbing and proxies come from @x/mqtt-transport-tcp.

// the transport
export { TlsTransport, tlsTransport, DEFAULT_MQTTS_PORT } from './tls-transport.js';
export type { TlsTransportOptions } from './tls-transport.js';

// the options it shares with wss:// (re-exported for convenience)
export { toTlsConnectionOptions } from '@x/mqtt-transport-tcp';
export type { TlsOptions, CertificateInput, ProxyOptions } from '@x/mqtt-transport-tcp';
