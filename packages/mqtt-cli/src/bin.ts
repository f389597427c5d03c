// The xmqtt program: runs main() and exits with its code once stdout is flushed.
import { main } from './main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Nothing should be left running; a stray timer or socket must not keep a finished command alive.
setTimeout(() => process.exit(code), 2000).unref();
