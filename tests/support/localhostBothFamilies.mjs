// Preloaded into a server process (node --import) by tests/api/gracefulStop.test.ts: `localhost`
// resolves to 127.0.0.1 and ::1, as on most machines (on this CI machine /etc/hosts gives only
// 127.0.0.1). Fastify then listens on both, the second through a server of its own.
import dns from 'node:dns';

const lookup = dns.lookup;
dns.lookup = function lookupBoth(host, options, callback) {
  if (host === 'localhost' && typeof options === 'object' && options?.all && typeof callback === 'function') {
    const both = [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];
    process.nextTick(callback, null, both);
    return {};
  }
  // biome-ignore lint/complexity/noArguments: passes every form of the call through unchanged
  return lookup.apply(this, arguments);
};
