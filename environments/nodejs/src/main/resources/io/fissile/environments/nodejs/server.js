'use strict';
// Fissile's Node.js runtime: a generic HTTP server that one function specializes.
// The contract it follows (variables, specialize calls, errors) is docs/environments.md.

const http = require('node:http');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { FunctionRequest, readBody, BadRequest } = require('./request');
const { FunctionResponse, sendText } = require('./response');
const { loadFunction, LoadError } = require('./loader');
const { invoke } = require('./invoke');
const { parseFunctionEnv, setFunctionEnv } = require('./function-env');

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8888);
const userfuncDir = process.env.USERFUNC_DIR || '/userfunc';

let userFunction = null;
let specializing = false;
/** Answers until userFunction is set; loaded before the server listens. */
let genericFunction = null;

async function specialize(req, res, target) {
  if (userFunction || specializing) {
    req.resume();
    sendText(res, 400, 'already specialized');
    return;
  }
  specializing = true;
  try {
    const { filepath, functionName, env } = await target(req);
    const started = process.hrtime.bigint();
    const unsetFunctionEnv = setFunctionEnv(env);
    try {
      userFunction = await loadFunction(filepath, functionName);
    } catch (err) {
      unsetFunctionEnv();
      throw err;
    }
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`specialized with ${filepath} (entrypoint "${functionName}") in ${millis.toFixed(1)} ms`);
    sendText(res, 202, '');
  } catch (err) {
    const status = err instanceof BadRequest ? 400 : 500;
    // A load error is the user's problem, shown to them as is; anything else is ours and keeps its stack.
    console.error(err instanceof LoadError || err instanceof BadRequest ? err.message : err);
    sendText(res, status, err.message);
  } finally {
    specializing = false;
  }
}

// v1: the code sits at $USERFUNC_DIR/user and the module itself is the function.
async function v1Target(req) {
  req.resume();
  return { filepath: path.join(userfuncDir, 'user'), functionName: '', env: {} };
}

async function v2Target(req) {
  const raw = await readBody(req);
  let request;
  try {
    request = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new BadRequest(`invalid specialize request: ${err.message}`);
  }
  if (!request || typeof request.filepath !== 'string' || request.filepath === '') {
    throw new BadRequest('invalid specialize request: "filepath" is required');
  }
  return {
    filepath: request.filepath,
    functionName: String(request.functionName ?? ''),
    env: parseFunctionEnv(request.env),
  };
}

function handle(req, res) {
  if (req.method === 'POST' && req.path === '/specialize') return specialize(req, res, v1Target);
  if (req.method === 'POST' && req.path === '/v2/specialize') return specialize(req, res, v2Target);
  const fn = userFunction ?? genericFunction;
  readBody(req).then(
    (raw) => {
      try {
        req.prepare(raw);
      } catch (err) {
        // A generic instance gives every request the same answer, whatever its body.
        if (fn !== genericFunction) {
          sendText(res, err instanceof BadRequest ? 400 : 500, err.message);
          return;
        }
      }
      invoke(fn, req, res);
    },
    () => res.destroy(), // the client went away before sending its whole body
  );
}

// Starting up fills most of V8's young generation, so its first scavenge (a millisecond or two) would
// come with the first requests, the specialization's among them: it runs now instead. The gc function
// lives in a context of its own, so functions' code does not see it.
function collectStartupGarbage() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  v8.setFlagsFromString('--no-expose-gc');
  gc({ type: 'minor' });
}

const server = http.createServer({ IncomingMessage: FunctionRequest, ServerResponse: FunctionResponse }, handle);
// Longer than the router's pool keeps idle connections, so it never reuses one this side is closing.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;

server.on('error', (err) => {
  console.error(`cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
});

// Fission keeps serving when a function throws from a timer or callback; so do we.
process.on('uncaughtException', (err) => console.error('uncaught exception in function:', err));
process.on('unhandledRejection', (err) => console.error('unhandled promise rejection in function:', err));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    console.log(`${signal} received, exiting`);
    server.close();
    process.exit(0);
  });
}

loadFunction(path.join(__dirname, 'generic.js'), '').then((fn) => {
  genericFunction = fn;
  collectStartupGarbage();
  server.listen(port, host, () => console.log(`Fissile nodejs runtime listening on ${host}:${port}`));
}, (err) => {
  console.error('cannot load the runtime\'s own generic.js:', err);
  process.exit(1);
});
