// What a peer client reports about a message it received, in one shape for every peer.
import type { UserProperty } from '@x/mqtt';

export interface PeerMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: number;
  readonly retain: boolean;
  readonly userProperties: readonly UserProperty[];
  readonly correlationData: Uint8Array | undefined;
}

/** What we ask a peer to publish. */
export interface PeerPublish {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 0 | 1 | 2;
  readonly retain: boolean;
  readonly userProperties?: readonly UserProperty[];
  readonly correlationData?: Uint8Array;
}

export interface PeerEndpoint {
  readonly host: string;
  readonly port: number;
  /** 4 (3.1.1) or 5. */
  readonly version: 4 | 5;
}
