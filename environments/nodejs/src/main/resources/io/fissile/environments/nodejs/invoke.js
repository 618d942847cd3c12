'use strict';
// Calling the function in either of Fission's shapes:
//   async function (context) { return { status, body, headers } }   (or a plain value to send)
//   function (context, callback) { callback(status, body, headers) }

const { sendResult, sendFailure } = require('./response');

function invoke(fn, req, res) {
  let responseTaken = false;
  const context = {
    request: req,
    get response() {
      responseTaken = true;
      return res;
    },
  };
  const fail = (err) => sendFailure(res, err);

  if (fn.length >= 2) {
    let answered = false;
    const callback = (status, body, headers) => {
      if (answered || res.headersSent) return;
      answered = true;
      try {
        sendResult(res, status ?? 200, body, headers);
      } catch (err) {
        fail(err);
      }
    };
    try {
      Promise.resolve(fn(context, callback)).catch(fail);
    } catch (err) {
      fail(err);
    }
    return;
  }

  let result;
  try {
    result = fn(context);
  } catch (err) {
    fail(err);
    return;
  }
  Promise.resolve(result)
    .then((value) => sendReturned(res, value, responseTaken))
    .catch(fail);
}

function sendReturned(res, value, responseTaken) {
  // The function answered through context.response itself (a stream, say): its return value is not the answer.
  if (res.headersSent || res.writableEnded) return;
  if (value === undefined && responseTaken) return;
  if (isResponseShape(value)) {
    sendResult(res, value.status ?? 200, value.body, value.headers);
  } else {
    sendResult(res, 200, value, undefined);
  }
}

// { status, body, headers } as Fission reads it; any other object is data to send as JSON.
function isResponseShape(value) {
  return value !== null && typeof value === 'object' && !Buffer.isBuffer(value)
    && ('body' in value || typeof value.status === 'number');
}

module.exports = { invoke };
