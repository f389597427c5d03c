// Makes sure the real brokers and peers that the tests start are installed (Debian packages).
// Installs what is missing with apt-get when running as root; otherwise says what to install.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Debian package -> a file it installs (how we tell it is there). */
const REQUIRED = {
  mosquitto: '/usr/sbin/mosquitto',
  'mosquitto-clients': '/usr/bin/mosquitto_pub',
  openssl: '/usr/bin/openssl',
  // apps/browser: the page is driven in headless Chromium (playwright-core downloads no browser)
  chromium: '/usr/bin/chromium',
};

const missing = Object.entries(REQUIRED)
  .filter(([, file]) => !existsSync(file))
  .map(([pkg]) => pkg);

if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(`The tests start real brokers; please install: ${missing.join(' ')} (e.g. sudo apt-get install -y ${missing.join(' ')})`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} with apt-get ...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
