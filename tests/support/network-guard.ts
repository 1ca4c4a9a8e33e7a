import net from "node:net";

// Tests talk only to servers they started on loopback (tests/servers/*). A request to any other host
// is a missing fake: fail it at once instead of waiting on the sandbox's closed network.
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function assertLoopback(host: unknown): void {
  if (typeof host === "string" && host !== "" && !LOOPBACK.test(host.replace(/^\[|\]$/g, ""))) {
    throw new Error(`[tests] request to ${host}, which no test server fakes`);
  }
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalized [options, callback] pair as one array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  const options = typeof first === "object" && first !== null ? (first as { host?: unknown; path?: unknown }) : null;
  if (!options?.path) assertLoopback(options ? (options.host ?? "localhost") : typeof args[1] === "string" ? args[1] : "localhost");
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
