'use strict';
// The request a function sees as context.request. Fission hands functions an Express request,
// so this is Node's IncomingMessage with the Express fields and helpers functions use.

const http = require('node:http');
const querystring = require('node:querystring');

const PARAM_HEADER_PREFIX = 'x-fission-params-';

/** A request the client got wrong; answered with 400. */
class BadRequest extends Error {}

class FunctionRequest extends http.IncomingMessage {
  /** Fills body, rawBody, query and params once the whole body has arrived. */
  prepare(rawBody) {
    this.rawBody = rawBody;
    this.body = parseBody(rawBody, this.headers);
    this.query = parseQuery(this.url);
    this.params = fissionParams(this.rawHeaders);
  }

  /** A header by case-insensitive name, as Express's req.get. */
  get(name) {
    const key = String(name).toLowerCase();
    if (key === 'referer' || key === 'referrer') return this.headers.referer ?? this.headers.referrer;
    return this.headers[key];
  }

  header(name) {
    return this.get(name);
  }

  get path() {
    const query = this.url.indexOf('?');
    return query < 0 ? this.url : this.url.slice(0, query);
  }

  get hostname() {
    const hostHeader = this.headers.host ?? '';
    return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  }

  get ip() {
    return this.socket.remoteAddress;
  }

  get protocol() {
    return 'http';
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

// As Express's body parsers leave it: JSON parsed, text and forms decoded, other bytes as a Buffer,
// and {} when the request has no body at all.
function parseBody(raw, headers) {
  const hasBody = headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
  if (!hasBody) return {};
  const { type, charset } = parseContentType(headers['content-type']);
  if (type === 'application/json' || type.endsWith('+json')) {
    if (raw.length === 0) return {};
    try {
      return JSON.parse(decode(raw, charset));
    } catch (err) {
      throw new BadRequest(`invalid JSON body: ${err.message}`);
    }
  }
  if (type.startsWith('text/')) return decode(raw, charset);
  if (type === 'application/x-www-form-urlencoded') return { ...querystring.parse(decode(raw, charset)) };
  return raw;
}

function parseContentType(header) {
  const [type, ...parameters] = (header ?? '').split(';');
  const charsetParameter = parameters.map((p) => p.trim().split('=')).find(([name]) => name.toLowerCase() === 'charset');
  return { type: type.trim().toLowerCase(), charset: charsetParameter?.[1]?.replace(/"/g, '') };
}

function decode(raw, charset) {
  try {
    return new TextDecoder(charset || 'utf-8').decode(raw);
  } catch {
    return new TextDecoder('utf-8').decode(raw);
  }
}

function parseQuery(url) {
  const start = url.indexOf('?');
  return start < 0 ? {} : { ...querystring.parse(url.slice(start + 1)) };
}

// The router passes path parameters as X-Fission-Params-<Name>; the raw headers keep the name's case.
function fissionParams(rawHeaders) {
  const params = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.toLowerCase().startsWith(PARAM_HEADER_PREFIX)) {
      params[name.slice(PARAM_HEADER_PREFIX.length)] = rawHeaders[i + 1];
    }
  }
  return params;
}

module.exports = { FunctionRequest, readBody, BadRequest };
