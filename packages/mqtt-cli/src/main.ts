// xmqtt's dispatcher: picks the command, turns every user error into one stderr line and an exit
// code (2 bad usage, 1 anything else), and turns Ctrl-C into an AbortSignal the commands end on.
import { errorLine } from './cli-error.js';
import { isMqttError } from '@x/mqtt';
import { bench, BENCH_HELP } from './bench.js';
import { pub, PUB_HELP } from './pub.js';
import { sub, SUB_HELP } from './sub.js';

/** The text `xmqtt` and `xmqtt --help` print: the commands and how to get each one's options. */
export const USAGE = `Usage: xmqtt <command> [options]

Commands:
  pub     publish messages (mosquitto_pub's flags)
  sub     subscribe and print messages (mosquitto_sub's flags, -F json)
  bench   load a broker: bench conn | bench pub | bench sub

xmqtt <command> --help shows each command's options.`;

const COMMANDS = { pub, sub, bench } as const;
export { PUB_HELP, SUB_HELP, BENCH_HELP };

/** Runs xmqtt with argv (without node and the script); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (command === undefined) {
    process.stderr.write(`xmqtt: unknown command '${name}' (pub, sub, bench; xmqtt --help)\n`);
    return 2;
  }
  const interrupt = new AbortController();
  const onSignal = (): void => {
    if (interrupt.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await command(rest, interrupt.signal);
  } catch (error) {
    process.stderr.write(`xmqtt ${name}: ${errorLine(error)}\n`);
    const usage = (isMqttError(error) && error.code === 'INVALID_ARGUMENT') || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    return usage ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
