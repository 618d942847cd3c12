'use strict';
// Writing a function's answer. Bodies are turned into bytes the way Express's res.send does,
// since that is what Fission functions were written against.

const http = require('node:http');
const { Readable } = require('node:stream');

const EMPTY = Buffer.alloc(0);

/** Node's ServerResponse (so functions can stream) plus the Express helpers functions call. */
class FunctionResponse extends http.ServerResponse {
  status(code) {
    this.statusCode = code;
    return this;
  }

  set(field, value) {
    if (typeof field === 'object') {
      for (const [name, headerValue] of Object.entries(field)) this.setHeader(name, headerValue);
    } else {
      this.setHeader(field, value);
    }
    return this;
  }

  send(body) {
    sendBody(this, body);
    return this;
  }

  json(value) {
    defaultContentType(this, 'application/json; charset=utf-8');
    sendBody(this, JSON.stringify(value));
    return this;
  }
}

/** Sends status, headers and body; throws (before writing) when the status or a header is invalid. */
function sendResult(res, status, body, headers) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
  sendBody(res, body);
}

function sendBody(res, body) {
  if (body instanceof Readable) {
    body.on('error', (err) => res.destroy(err));
    body.pipe(res);
    return;
  }
  const bytes = toBytes(res, body);
  if (res.statusCode !== 204 && res.statusCode !== 304) res.setHeader('content-length', bytes.length);
  res.end(bytes);
}

function toBytes(res, body) {
  if (body === undefined || body === null) return EMPTY;
  if (typeof body === 'string') {
    defaultContentType(res, 'text/html; charset=utf-8');
    return Buffer.from(body, 'utf8');
  }
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    defaultContentType(res, 'application/octet-stream');
    return body instanceof ArrayBuffer ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  defaultContentType(res, 'application/json; charset=utf-8');
  return Buffer.from(JSON.stringify(body) ?? '', 'utf8');
}

function defaultContentType(res, type) {
  if (!res.hasHeader('content-type')) res.setHeader('content-type', type);
}

// The same way as a function's answer, so that the code is warm for the 202 of a specialization.
function sendText(res, status, text) {
  sendResult(res, status, text, { 'content-type': 'text/plain; charset=utf-8' });
}

/** Answers 500 when the function failed, or cuts the connection if it had already started answering. */
function sendFailure(res, err) {
  console.error('function failed:', err);
  if (res.writableEnded) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  sendText(res, 500, 'Internal server error: the function failed (details are in its logs)');
}

module.exports = { FunctionResponse, sendResult, sendText, sendFailure };
