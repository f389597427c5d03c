// @x/mqtt-transport-ws, Node entry: MQTT over WebSockets with the `ws` package. Browsers get
// ./browser.ts instead (package.json "browser" condition), which uses the native WebSocket.

// the transport
export { WsTransport, wsTransport } from './ws-transport.js';
export type { WsTransportOptions } from './ws-transport.js';
export { DEFAULT_CONNECT_TIMEOUT, toTlsConnectionOptions } from '@x/mqtt-transport-tcp';
export type { TlsOptions, CertificateInput, ProxyOptions } from '@x/mqtt-transport-tcp';

// shared with the browser entry
export { DEFAULT_WS_PATH, resolveWsUrl, subprotocolFor } from './endpoint.js';
export type { WsEndpointOptions } from './endpoint.js';
export { upgradeRequest } from './headers.js';
export type { WsHeadersOption, HeaderMap, UpgradeRequest } from './headers.js';
export { WebSocketConnection, DEFAULT_HIGH_WATER_MARK, DEFAULT_DRAIN_POLL_INTERVAL } from './websocket-connection.js';
export type { WebSocketPort, WebSocketConnectionOptions } from './websocket-connection.js';
