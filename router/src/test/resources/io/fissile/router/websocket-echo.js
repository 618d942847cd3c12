'use strict';
// A WebSocket echo written on Node's own http 'upgrade' event, with no npm packages: the handshake
// of RFC 6455 section 4.2 and just enough framing to echo what arrives. The router's tests use it
// in a plain instance process (accept) and as a nodejs function; the nodejs runtime does not hand
// 'upgrade' events to functions, so the function attaches itself to the server its request came in on.
const crypto = require('node:crypto');

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function accept(req, socket, head) {
  const key = req.headers['sec-websocket-key'];
  if (String(req.headers.upgrade).toLowerCase() !== 'websocket' || !key || req.url.startsWith('/refuse')) {
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 18\r\nConnection: close\r\n\r\nno websocket here\n');
    return;
  }
  const digest = crypto.createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${digest}`, `X-Instance-Pid: ${process.pid}`];
  const offered = req.headers['sec-websocket-protocol'];
  if (offered) lines.push(`Sec-WebSocket-Protocol: ${offered.split(',')[0].trim()}`);
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  socket.setNoDelay(true);
  let pending = head && head.length ? Buffer.from(head) : Buffer.alloc(0);
  socket.on('data', (data) => {
    pending = pending.length ? Buffer.concat([pending, data]) : data;
    for (let frame = readFrame(pending); frame; frame = readFrame(pending)) {
      pending = pending.subarray(frame.size);
      answer(socket, frame);
    }
  });
  socket.on('error', () => socket.destroy());
}

// One frame from the start of buf, unmasked, or null until all of it has arrived.
function readFrame(buf) {
  if (buf.length < 2) return null;
  const fin = buf[0] & 0x80;
  const opcode = buf[0] & 0x0f;
  const masked = buf[1] & 0x80;
  let length = buf[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? buf.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (buf.length < offset + length) return null;
  const payload = Buffer.from(buf.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
  return { fin, opcode, payload, size: offset + length };
}

function writeFrame(socket, fin, opcode, payload) {
  let header;
  if (payload.length < 126) {
    header = Buffer.from([fin | opcode, payload.length]);
  } else if (payload.length < 65536) {
    header = Buffer.alloc(4);
    header[0] = fin | opcode;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = fin | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  socket.write(Buffer.concat([header, payload]));
}

function answer(socket, frame) {
  switch (frame.opcode) {
    case 0x8: // close: answer it and end
      writeFrame(socket, 0x80, 0x8, frame.payload);
      socket.end();
      break;
    case 0x9: // ping
      writeFrame(socket, 0x80, 0xa, frame.payload);
      break;
    case 0xa: // pong
      break;
    default:
      if (frame.opcode === 0x1 && frame.payload.toString() === 'close please') {
        const status = Buffer.alloc(2);
        status.writeUInt16BE(1000, 0);
        writeFrame(socket, 0x80, 0x8, Buffer.concat([status, Buffer.from('as you wish')]));
        return;
      }
      writeFrame(socket, frame.fin, frame.opcode, frame.payload);
  }
}

// As a nodejs function: a plain request readies the echo on the server it came in on.
module.exports = async (context) => {
  const server = context.request.socket.server;
  if (!server.listeners('upgrade').includes(accept)) server.on('upgrade', accept);
  return { status: 200, body: `ready in ${process.pid}` };
};
module.exports.accept = accept;
