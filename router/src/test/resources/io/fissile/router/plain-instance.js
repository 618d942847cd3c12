'use strict';
// A plain process in the place of a function instance, for what the environments' runtimes cannot
// be made to do: stream bodies of any size both ways, send events one at a time on cue, hold a
// request open and tell when its connection closed, drop a connection or die in the middle of a
// body, answer with exact framing and hop-by-hop headers, count the requests and connections it
// served (?id=X, then GET /stats?id=X), and speak WebSocket.
const http = require('node:http');
const path = require('node:path');
const { accept } = require(path.join(__dirname, 'websocket-echo.js'));

// The byte at position i of every generated or checked body; the period is a prime, so that the
// pattern lines up with no buffer size and a lost, repeated or reordered piece shows.
const PERIOD = 65521;
const pattern = Buffer.alloc(PERIOD * 16);
for (let i = 0; i < pattern.length; i++) pattern[i] = (((i % PERIOD) * 31) >>> 3) & 0xff;
const SLICE = PERIOD * 15;

const holds = new Map(); // id of a held request -> 'open' | 'closed'
const gates = new Map(); // id of an event stream -> opens the gate to its next event
const seen = new Map(); // id of requests (?id=) -> { requests, sockets, inFlight, maxInFlight }
let socketsAccepted = 0;
const ASKING = new Set(['/stats', '/held', '/next']); // paths that ask about other requests, not tracked themselves

// Counts requests that carry an id, the connections they came on and how many were at once.
function track(id, req, res) {
  let stats = seen.get(id);
  if (!stats) seen.set(id, stats = { requests: 0, sockets: new Set(), inFlight: 0, maxInFlight: 0 });
  stats.requests++;
  stats.sockets.add(req.socket.number);
  stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
  res.once('close', () => stats.inFlight--);
}

function json(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

// GET /bytes?count=N[&chunked=1]: N pattern bytes, written as fast as the reader takes them.
function bytes(req, res, query) {
  const count = Number(query.get('count'));
  const headers = { 'Content-Type': 'application/octet-stream' };
  if (query.get('chunked') !== '1') headers['Content-Length'] = String(count);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  let sent = 0;
  const more = () => {
    while (sent < count) {
      const offset = sent % PERIOD;
      const size = Math.min(SLICE, count - sent);
      sent += size;
      if (!res.write(pattern.subarray(offset, offset + size))) return res.once('drain', more);
    }
    res.end();
  };
  more();
}

// POST /check: reads the body as it comes and says how long it was and whether it was the pattern.
function check(req, res) {
  let received = 0;
  let firstMismatch = -1;
  req.on('data', (chunk) => {
    for (let at = 0; at < chunk.length && firstMismatch < 0;) {
      const offset = (received + at) % PERIOD;
      const size = Math.min(chunk.length - at, pattern.length - offset);
      if (chunk.compare(pattern, offset, offset + size, at, at + size) !== 0) firstMismatch = received + at;
      at += size;
    }
    received += chunk.length;
  });
  req.on('end', () => json(res, 200, {
    bytes: received,
    intact: firstMismatch < 0,
    contentLength: req.headers['content-length'] ?? null,
    transferEncoding: req.headers['transfer-encoding'] ?? null,
  }));
}

// GET /events?id=X&count=N: server-sent events 1..N; each after the first waits for GET /next?id=X.
function events(res, id, count) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  let sent = 0;
  const next = () => {
    res.write(`data: ${++sent}\n\n`);
    if (sent === count) return res.end();
    gates.set(id, next);
  };
  next();
}

function handle(req, res) {
  const url = new URL(req.url, 'http://instance');
  const query = url.searchParams;
  if (query.has('id') && !ASKING.has(url.pathname)) track(query.get('id'), req, res);
  switch (url.pathname) {
    case '/bytes':
      return bytes(req, res, query);
    case '/check':
      return check(req, res);
    case '/headers':
      req.resume();
      return req.on('end', () => json(res, 200, { method: req.method, url: req.url, headers: req.headers }));
    case '/status': {
      const code = Number(query.get('code'));
      res.writeHead(code, code === 304 ? { ETag: '"v1"' } : { 'Content-Type': 'text/plain' });
      return res.end(code === 204 || code === 304 ? undefined : `status ${code}\n`);
    }
    case '/hold': { // ?head=1 sends the head and a first line before holding
      const id = query.get('id');
      holds.set(id, 'open');
      req.socket.once('close', () => holds.set(id, 'closed'));
      if (query.get('head') === '1') res.writeHead(200, { 'Content-Type': 'text/plain' }).write('held\n');
      return; // never ends
    }
    case '/held':
      return json(res, 200, { state: holds.get(query.get('id')) ?? 'unknown' });
    case '/events':
      return events(res, query.get('id'), Number(query.get('count')));
    case '/next': {
      const next = gates.get(query.get('id'));
      gates.delete(query.get('id'));
      if (next) next();
      return json(res, next ? 200 : 409, { released: Boolean(next) });
    }
    case '/sleep':
      return setTimeout(() => json(res, 200, { slept: Number(query.get('ms')) }), Number(query.get('ms')));
    case '/stats': {
      const stats = seen.get(query.get('id')) ?? { requests: 0, sockets: new Set(), maxInFlight: 0 };
      return json(res, 200, { requests: stats.requests, connections: stats.sockets.size, maxInFlight: stats.maxInFlight });
    }
    case '/drop': // reads the whole body, then drops the connection without answering
      req.resume();
      return req.on('end', () => req.socket.destroy());
    case '/hop': // hop-by-hop headers of its own, one of them named by Connection
      res.writeHead(200, { 'Connection': 'keep-alive, X-Private', 'Keep-Alive': 'timeout=30', 'X-Private': 'secret',
        'X-Public': 'yes', 'Content-Type': 'text/plain', 'Content-Length': '6' });
      return res.end('hop!!\n');
    case '/raw-close': // an answer with neither length nor chunks: it ends when the connection closes
      req.resume();
      req.socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nfirst\n');
      return setTimeout(() => req.socket.end('second\n'), 50);
    case '/die':
      return req.once('data', () => {
        console.log(`dying in the middle of the body of ${req.method} ${req.url}`);
        process.exit(9);
      });
    default:
      return json(res, 404, { error: `nothing at ${url.pathname}` });
  }
}

const server = http.createServer(handle);
server.on('connection', (socket) => { socket.number = ++socketsAccepted; });
server.keepAliveTimeout = 120_000;
server.on('upgrade', accept);
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`plain instance listening on 127.0.0.1:${server.address().port}`);
});
