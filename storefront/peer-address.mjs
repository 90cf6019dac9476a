// Preloaded by `npm start` and the Docker image (`node --import ./peer-address.mjs …`).
//
// Astro's Node adapter reports as `clientAddress` the FIRST X-Forwarded-For value, which any
// caller writes, and hides the socket whenever that header is present. This keeps the socket's
// address of every request the process serves where the portal's middleware can read it
// (src/lib/client-address.server.ts), which then counts trusted hops (PORTAL_PROXY_HOPS).
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';

const peers = new AsyncLocalStorage();
globalThis[Symbol.for('motorghar.portal.peerAddress')] = peers;

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeer(event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [request] = args;
    return peers.run(request.socket?.remoteAddress, () => emit.call(this, event, ...args));
  };
}
