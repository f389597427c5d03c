// Makes sure the real brokers and peers that the tests start are installed (Debian packages).
// Installs what is missing with apt-get when running as root; otherwise says what to install.
// usage: node tooling/ensure-system-deps.mjs [interop]   (interop: also RabbitMQ and NATS)
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Debian package -> a file it installs (how we tell it is there). */
const FOR_TESTS = {
  mosquitto: '/usr/sbin/mosquitto', // also mosquitto_passwd, mosquitto_ctrl and the dynamic-security plugin
  openssl: '/usr/bin/openssl', // test PKIs are made at test time
  chromium: '/usr/bin/chromium', // apps/browser drives the page in headless Chromium
  'python3-paho-mqtt': '/usr/lib/python3/dist-packages/paho/mqtt/client.py', // apps/interop peer: the seed itself
  'paho.mqtt.c-examples': '/usr/bin/paho_c_pub', // apps/interop peer: Paho C samples
};
/** The clustered brokers only the full interop run (`pnpm --filter @x/interop interop`) starts. */
const FOR_INTEROP = {
  'rabbitmq-server': '/usr/lib/rabbitmq/bin/rabbitmq-server',
  'nats-server': '/usr/sbin/nats-server',
};

const wanted = process.argv.includes('interop') ? { ...FOR_TESTS, ...FOR_INTEROP } : FOR_TESTS;
const missing = Object.entries(wanted)
  .filter(([, file]) => !existsSync(file))
  .map(([pkg]) => pkg);

if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(`The tests start real brokers and peers; please install: ${missing.join(' ')} (e.g. sudo apt-get install -y ${missing.join(' ')})`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get ...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
