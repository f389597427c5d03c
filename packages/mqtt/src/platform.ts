// What the Client needs from its runtime, injected so that one Client serves Node and browsers:
// building transports for a broker address, and (Node only) DNS SRV look-ups for connectSrv().
import type { Transport } from '@x/mqtt-core';
import type { TlsSettings, WsSettings, ProxySettings } from './client-options.js';
import type { BrokerAddress } from './url.js';

/** Everything a transport needs that the Client knows. */
export interface TransportSettings {
  /** Paho's bind_address. */
  readonly bindAddress: string | undefined;
  /** Milliseconds to open the connection. */
  readonly connectTimeout: number;
  /** Set by tlsSet()/tlsSetContext()/tlsInsecureSet(); a tls/wss address uses it. */
  readonly tls: TlsSettings | undefined;
  readonly ws: WsSettings;
  readonly proxy: ProxySettings | undefined;
}

export interface SrvTarget {
  readonly host: string;
  readonly port: number;
}

export interface Platform {
  /** A transport for `address` (the address's kind decides tcp, tls, ws or wss). */
  createTransport(address: BrokerAddress, settings: TransportSettings): Transport;
  /** DNS SRV look-up of `_mqtt._tcp.<domain>` (or `_secure-mqtt._tcp`), ordered by priority then weight. */
  resolveSrv?(domain: string | undefined, secure: boolean, servers?: readonly string[]): Promise<SrvTarget[]>;
  /** Reads the files tlsSet() names (ca, cert, key), throwing INVALID_ARGUMENT at the call if one cannot be read (Node only). */
  checkTlsFiles?(tls: TlsSettings): void;
}
