// @x/mqtt-transport-tcp: MQTT over TCP (node:net), plus the Node socket plumbing that the tls
// and ws transports reuse: connect deadline and abort, proxies, socket adapter, error mapping.

// the transport
export { TcpTransport, tcpTransport, DEFAULT_MQTT_PORT } from './tcp-transport.js';
export type { TcpTransportOptions } from './tcp-transport.js';

// proxies (SOCKS5, HTTP CONNECT)
export { connectThroughProxy, openSocket, DEFAULT_SOCKS5_PORT, DEFAULT_HTTP_PROXY_PORT } from './proxy.js';
export type { ProxyOptions, SocketTarget, ConnectThroughProxyOptions } from './proxy.js';
export { socks5Handshake } from './socks5.js';
export type { Socks5Request } from './socks5.js';
export { httpConnectHandshake } from './http-connect.js';
export type { HttpConnectRequest } from './http-connect.js';

// shared by the Node transports
export { connectAttempt, DEFAULT_CONNECT_TIMEOUT } from './connect-attempt.js';
export type { Attempt, ConnectAttemptOptions } from './connect-attempt.js';
export { SocketConnection, END_GRACE_PERIOD } from './socket-connection.js';
export { socketError, isTlsFailure } from './socket-error.js';
export { whenConnected } from './when-connected.js';
export { toTlsConnectionOptions } from './tls-options.js';
export type { TlsOptions, CertificateInput } from './tls-options.js';
