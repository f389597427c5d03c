// @x/mqtt-core: the sans-I/O MQTT client session (3.1, 3.1.1, 5.0) and the runtime-neutral
// engine that binds it to a Transport and timers. No node:* imports; depends only on @x/mqtt-codec.

// the session: inputs with `now`, answers with effects
export { Session } from './session/session.js';
export type { PublishRequest, SessionStats, AckTarget, AckOptions, AckResult } from './session/session.js';
export type { ServerLimits } from './session/outgoing-flow.js';
export type { SessionState } from './session/packet-rules.js';
export { PublishRc } from './session/effects.js';
export type { SessionEffect, TimerKind, InboundMessage, CommandResult } from './session/effects.js';

// session options and their defaults
export {
  DEFAULT_PROTOCOL_VERSION,
  DEFAULT_KEEPALIVE,
  DEFAULT_MAX_INFLIGHT_MESSAGES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  DEFAULT_RETRY_INTERVAL,
  DEFAULT_CONNECT_TIMEOUT,
  DEFAULT_MAXIMUM_PACKET_SIZE,
  DEFAULT_TOPIC_ALIAS_MAXIMUM,
  DEFAULT_RECEIVE_MAXIMUM,
  resolveSessionOptions,
} from './session/session-options.js';
export type { SessionOptions, ResolvedSessionOptions } from './session/session-options.js';

// persistence
export { MemorySessionStore } from './session/session-store.js';
export type { SessionStore, SessionSnapshot, StoredMessage, StoreOperation, OutgoingState } from './session/session-store.js';
export { unsendableReason, isPacketId } from './session/stored-message-rules.js';

// building blocks (usable on their own)
export { PacketIdAllocator } from './session/packet-id-allocator.js';
export { InflightWindow } from './session/inflight-window.js';
export type { InflightEntry } from './session/inflight-window.js';
export { OutgoingQueue } from './session/outgoing-queue.js';
export { Keepalive } from './session/keepalive.js';
export { InboundTopicAliases, OutboundTopicAliases } from './session/topic-aliases.js';
export type { OutboundAlias } from './session/topic-aliases.js';
export { connackString, isConnackRefusal, connackReasonCode } from './session/connack-codes.js';

// reconnect back-off
export { reconnectDelay, DEFAULT_RECONNECT_MIN_DELAY, DEFAULT_RECONNECT_MAX_DELAY, DEFAULT_RECONNECT_JITTER } from './session/backoff.js';
export type { BackoffOptions } from './session/backoff.js';

// topics
export { topicMatchesSub, isValidTopicName, isValidTopicFilter, parseSharedFilter } from './topic/topic-matches-sub.js';
export type { ParsedFilter } from './topic/topic-matches-sub.js';
export { TopicRouter } from './topic/topic-router.js';
export { toSubscriptions } from './topic/subscribe-args.js';
export type { SubscribeArgs, SubscribeOptions } from './topic/subscribe-args.js';

// the engine (driver)
export { EngineCore, MqttEngine } from './driver/mqtt-engine.js';
export type { EngineObserver } from './driver/engine-observer.js';
export { DEFAULT_AUTO_RECONNECT, DEFAULT_BACKOFF_RESET_AFTER, DEFAULT_MAX_UNACKED_INBOUND } from './driver/engine-types.js';
export { Completion, waitWithin } from './driver/completion.js';
export { textBytes } from './driver/text-bytes.js';
export type { WaitOptions } from './driver/completion.js';
export type {
  EngineOptions,
  EngineSettings,
  EngineStats,
  Credentials,
  DisconnectOptions,
  ConnectCallOptions,
  ReauthenticateOptions,
  ReauthResult,
  EngineState,
  EngineEvents,
  EngineEventName,
  EngineListener,
  Authenticator,
  ConnackInfo,
  ConnectResult,
  DisconnectInfo,
  PublishResult,
  SubscribeResult,
  UnsubscribeResult,
  RequestHandle,
  PublishHandle,
  PublishOptions,
  RequestOptions,
  LogLevel,
  LogEntry,
} from './driver/engine-types.js';
export { defaultTimers } from './driver/timers.js';
export { RecordedTimers } from './driver/recorded-timers.js';
export { createExternalLoop } from './driver/external-loop.js';
export type { ExternalLoopFactory, LoopDriver, LoopStatus } from './driver/external-loop.js';
export type { Timers, TimerHandle } from './driver/timers.js';

// the transport contract
export type { Transport, TransportConnection, TransportHandlers, TransportConnectOptions } from './transport.js';
