// Waits for a socket to reach a state ('connect' for TCP, 'secureConnect' for TLS), rejecting on
// the socket's own error or an early close. Listeners are removed either way.

import type { Socket } from 'node:net';
import { MqttError } from '@x/mqtt-codec';

/**
 * Resolves when `socket` emits `event` ('connect' for TCP, 'secureConnect' for TLS); rejects with
 * the socket's error, or CONNECTION_CLOSED (with `context` in the message) on an earlier close.
 */
export function whenConnected(socket: Socket, event: 'connect' | 'secureConnect', context: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      socket.off(event, onReady);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onReady = (): void => {
      done();
      resolve();
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    const onClose = (): void => {
      done();
      reject(new MqttError('CONNECTION_CLOSED', `${context}: closed before it was established`));
    };
    socket.once(event, onReady);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}
