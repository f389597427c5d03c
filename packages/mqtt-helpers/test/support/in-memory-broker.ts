// A Transport whose other end is a scripted MQTT 5 broker in the same process, on the codec: each
// packet the client writes goes to `serve`, whose answers (sync or async) are encoded and delivered
// in order. No socket: for exchanges no real broker here can stage (SCRAM over AUTH).
import { Decoder, encode, type Packet } from '@x/mqtt-codec';
import type { Transport, TransportConnection, TransportHandlers } from '@x/mqtt-core';

export type Serve = (packet: Packet) => Packet[] | Promise<Packet[]>;

export class InMemoryBroker implements Transport {
  readonly name = 'in-memory';
  readonly received: Packet[] = [];
  readonly #serve: Serve;

  constructor(serve: Serve) {
    this.#serve = serve;
  }

  async connect(handlers: TransportHandlers): Promise<TransportConnection> {
    const decoder = new Decoder({ protocolVersion: 5 });
    let open = true;
    let answering: Promise<void> = Promise.resolve();
    const close = (): void => {
      if (!open) return;
      open = false;
      queueMicrotask(() => handlers.onClose());
    };
    return {
      write: (bytes) => {
        for (const packet of decoder.push(bytes)) {
          this.received.push(packet);
          if (packet.type === 'disconnect') close();
          answering = answering.then(async () => {
            for (const answer of await this.#serve(packet)) {
              if (!open) return;
              handlers.onData(encode(answer, 5));
              if (answer.type === 'disconnect' || (answer.type === 'connack' && answer.reasonCode >= 0x80)) close();
            }
          });
        }
        return true;
      },
      end: close,
      destroy: close,
    };
  }

  /** The AUTH packets the client sent. */
  auths(): Extract<Packet, { type: 'auth' }>[] {
    return this.received.filter((p): p is Extract<Packet, { type: 'auth' }> => p.type === 'auth');
  }
}
