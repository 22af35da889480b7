/**
 * The local cloud listens on the user's own machine, where any web page their browser opens can send requests to
 * 127.0.0.1. Before any route runs:
 * - Host must name this server (loopback names with its port, the bind address, the configured public base URL):
 *   a page on a DNS-rebinding domain (evil.example resolving to 127.0.0.1) sends its own name and is refused.
 * - A request with an Origin header (every cross-site POST from a browser has one) must come from the gateway's own
 *   origin, or from an origin explicitly allowed for an H5 dev server on another port; otherwise it is refused
 *   before it does anything — a "simple" request (text/plain, no preflight) included.
 * - CORS headers are sent only to those explicitly allowed origins; the H5 build is served from the gateway's own
 *   origin and needs none.
 */
import type http from 'node:http';
import { sendJson } from './http-util';

export interface GuardOptions {
  port: number;
  /** The address the server listens on (`127.0.0.1`, `::1`, `0.0.0.0`, a LAN address…). */
  bindHost: string;
  publicBaseUrl?: string;
  /** More `host:port` names to accept (a LAN name, say). */
  allowedHosts?: string[];
  /** Origins (`http://localhost:10086`) of H5 dev servers allowed to call `/api/*` across origins. */
  corsOrigins?: string[];
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

export class RequestGuard {
  private readonly hosts = new Set<string>();
  private readonly sameOrigins = new Set<string>();
  private readonly corsOrigins: Set<string>;

  constructor(opts: GuardOptions) {
    const names = ['127.0.0.1', 'localhost', '[::1]'];
    if (!WILDCARD.has(opts.bindHost)) names.push(opts.bindHost.includes(':') ? `[${opts.bindHost}]` : opts.bindHost);
    for (const n of names) {
      this.hosts.add(`${n.toLowerCase()}:${opts.port}`);
      if (opts.port === 80) this.hosts.add(n.toLowerCase());
    }
    for (const h of opts.allowedHosts ?? []) this.hosts.add(h.toLowerCase());
    if (opts.publicBaseUrl) {
      const u = new URL(opts.publicBaseUrl);
      this.hosts.add(u.host.toLowerCase());
      this.sameOrigins.add(u.origin.toLowerCase());
    }
    for (const h of this.hosts) this.sameOrigins.add(`http://${h}`);
    this.corsOrigins = new Set((opts.corsOrigins ?? []).map((o) => new URL(o).origin.toLowerCase()));
  }

  hostAllowed(host: string | undefined): boolean {
    return !!host && this.hosts.has(host.toLowerCase());
  }

  /**
   * Refuses (and answers) what must not reach a route; sets CORS headers for allowed dev-server origins and
   * answers their preflights. Returns true when the request has been answered here.
   */
  screen(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
    if (!this.hostAllowed(req.headers.host)) {
      req.resume();
      sendJson(res, 403, { errCode: -1, errMsg: `forbidden: Host ${req.headers.host ?? '(none)'} is not this local cloud` });
      return true;
    }
    const origin = req.headers.origin;
    const cross = origin !== undefined && !this.sameOrigins.has(origin.toLowerCase());
    const corsAllowed = cross && pathname.startsWith('/api/') && this.corsOrigins.has(origin.toLowerCase());
    if (cross && !corsAllowed) {
      req.resume();
      sendJson(res, 403, { errCode: -1, errMsg: `forbidden: requests from ${origin} are not accepted` });
      return true;
    }
    if (corsAllowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Session');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return true;
      }
    }
    return false;
  }
}
