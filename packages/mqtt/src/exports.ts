// What both entries (Node and browser) export besides Client and the helpers.

// the client's building blocks
export { ClientBase } from './client.js';
export type { ClientStats, ConnectOptions, DisconnectCallOptions, ReauthenticateCallOptions, WaitCallOptions } from './client.js';
export { MQTT_CLEAN_START_FIRST_ONLY } from './client.js';
export type { ClientOptions, TlsSettings, WsSettings, ProxySettings, WillSettings, ServerSpec, TransportName } from './client-options.js';
export { DEFAULT_WS_PATH, DEFAULT_KEEPALIVE_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS } from './client-options.js';
export type { ConnectFlags, OnConnect, OnDisconnect, OnMessage, OnMessageComplete, OnPublish, OnSubscribe, OnUnsubscribe, OnLog, OnSocket } from './callbacks.js';
export { MqttMessage, MessageInfo, RequestInfo } from './message.js';
export type { MessageAcker } from './message.js';
export type { MessageStreamOptions } from './message-stream.js';
export type { Platform, TransportSettings, SrvTarget } from './platform.js';
export type { Logger } from './logger.js';
export type { MqttChannelName, ConnectDiagnostic, DisconnectDiagnostic, PacketDiagnostic, MessageDiagnostic, PublishDiagnostic, DiagnosticChannel, DiagnosticChannels } from './diagnostics.js';
export type { PublishTracer, PublishSend, InstrumentedClient } from './diagnostics-hooks.js';
export { parseBrokerUrl, DEFAULT_PORTS } from './url.js';
export type { BrokerAddress, TransportKind } from './url.js';
export type { PayloadInput } from './payload.js';
export type { SubscribeSimple, SimpleOptions, OneShotOptions, CallbackClient } from './helpers.js';

// the seed's constants and helper functions
export * from './constants.js';
export { errorString } from './strings.js';
export { connackString, topicMatchesSub, MemorySessionStore, reconnectDelay } from '@x/mqtt-core';
export type { SessionStore, SessionSnapshot, Authenticator, ReauthResult, ConnectResult, SubscribeResult, UnsubscribeResult, PublishResult, Transport } from '@x/mqtt-core';

// SCRAM-SHA-256 / SCRAM-SHA-1 for MQTT 5 enhanced authentication and reauthenticate()
export { scramAuthenticator, DEFAULT_SCRAM_MIN_ITERATIONS } from '@x/mqtt-helpers';
export type { ScramOptions, ScramHash } from '@x/mqtt-helpers';

// errors and the packet model
export { MqttError, MqttProtocolError, isMqttError } from '@x/mqtt-codec';
export type { MqttErrorCode, QoS, Properties, UserProperty, Subscription } from '@x/mqtt-codec';
export type { RequestOptions, ResponseValue } from './request-response.js';
export type { WillOption, WsOptions } from './client-options.js';
