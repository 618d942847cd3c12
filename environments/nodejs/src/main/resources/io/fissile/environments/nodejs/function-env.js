'use strict';
// A function's own environment variables: the "env" member of a v2 specialization
// (docs/environments.md), set in process.env before the function's module loads.

const { BadRequest } = require('./request');

// The contract's variables, which this runtime reads, and the instance's own TMPDIR: the platform sets them.
const RESERVED = ['HOST', 'PORT', 'USERFUNC_DIR', 'SECRETS_DIR', 'CONFIGS_DIR', 'TMPDIR'];

/** Checks an "env" member (absent or null for none); throws BadRequest naming what is wrong. */
function parseFunctionEnv(env) {
  if (env === undefined || env === null) return {};
  if (typeof env !== 'object' || Array.isArray(env)) {
    throw new BadRequest('invalid specialize request: "env" must be an object of strings');
  }
  for (const [name, value] of Object.entries(env)) {
    if (typeof value !== 'string') {
      throw new BadRequest(`invalid specialize request: "env.${name}" must be a string`);
    }
    if (name === '' || name.includes('=') || name.includes('\0')) {
      throw new BadRequest(`invalid specialize request: "env" has an invalid variable name "${name}": names must be non-empty, without '=' or NUL`);
    }
    if (value.includes('\0')) {
      throw new BadRequest(`invalid specialize request: "env.${name}" must not contain NUL`);
    }
    if (RESERVED.includes(name)) {
      throw new BadRequest(`invalid specialize request: "env" must not set ${name}: the runtime reserves it (see docs/environments.md)`);
    }
  }
  return { ...env };
}

/** Sets the variables in process.env; returns what puts back the previous ones, for a load that fails. */
function setFunctionEnv(env) {
  const previous = Object.keys(env).map((name) => [name, process.env[name]]);
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

module.exports = { parseFunctionEnv, setFunctionEnv };
