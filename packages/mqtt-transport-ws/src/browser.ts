// @x/mqtt-transport-ws, browser entry: MQTT over the runtime's own WebSocket. Imports neither
// `ws` nor node:* (a test walks this file's import graph to keep it so).

// the transport
export { WsTransport, wsTransport, DEFAULT_CONNECT_TIMEOUT } from './browser-ws-transport.js';
export type { WsTransportOptions, WebSocketConstructor } from './browser-ws-transport.js';

// shared with the Node entry
export { DEFAULT_WS_PATH, resolveWsUrl, subprotocolFor } from './endpoint.js';
export type { WsEndpointOptions } from './endpoint.js';
export { WebSocketConnection, DEFAULT_HIGH_WATER_MARK, DEFAULT_DRAIN_POLL_INTERVAL } from './websocket-connection.js';
export type { WebSocketPort, WebSocketConnectionOptions } from './websocket-connection.js';
