// @x/test-brokers: real brokers for tests (mosquitto spawned with its own config, aedes in
// process), a PKI made at test time, and a raw CONNECT/CONNACK helper. Loopback only.

// mosquitto
export { startMosquitto } from './mosquitto.js';
export type { MosquittoOptions, MosquittoBroker } from './mosquitto.js';
export { mosquittoConfig, aclFile, TLS_LISTENERS } from './mosquitto-config.js';
export type { ListenerName } from './mosquitto-config.js';

// aedes
export { startAedes } from './aedes.js';
export type { AedesBroker, AedesOptions } from './aedes.js';

// certificates
export { makeTestPki } from './pki.js';
export type { TestPki, PemPair } from './pki.js';

// external programs: the only way to start one (tooling/system-programs.json)
export { programPath, hasProgram, runProgram, spawnProgram, runNode, spawnNode, runtimeNames, runRuntime, spawnRuntime } from './programs.js';

// ports
export { freePort, waitForPort, LOOPBACK } from './free-port.js';

// raw MQTT bytes
export { connectPacket, connectAndReadConnack, toHex, CONNACK_ACCEPTED, DISCONNECT, PINGREQ, PINGRESP } from './raw-mqtt.js';
export type { ConnectPacketOptions, TransportLike, ConnectionLike, MqttExchange, ExchangeOptions } from './raw-mqtt.js';

// proxies
export { startSocks5Proxy, startHttpConnectProxy } from './proxy-servers.js';
export type { TestProxy, ProxyServerOptions } from './proxy-servers.js';

// back-pressure
export { writeUntilBlocked } from './back-pressure.js';
export type { WriteUntilBlockedOptions } from './back-pressure.js';
