'use strict';
// Finding and loading the function named by a specialize call.
// Entrypoints (docs/environments.md): "file.func", "func", or empty.

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

/** The function's code cannot be used; the message is shown to the user as is. */
class LoadError extends Error {}

async function loadFunction(filepath, functionName) {
  const entry = resolveEntrypoint(path.resolve(filepath), functionName.trim());
  const file = resolveFile(entry.modulePath);
  const mod = await loadModule(file);
  return pickFunction(mod, file, entry);
}

function resolveEntrypoint(base, entrypoint) {
  const dot = entrypoint.lastIndexOf('.');
  if (dot > 0) {
    const file = entrypoint.slice(0, dot);
    return { modulePath: isDirectory(base) ? path.join(base, file) : base, exportName: entrypoint.slice(dot + 1) };
  }
  // Newer Fission releases read a one-part entrypoint in a package without a main module as a file name.
  if (entrypoint && isDirectory(base) && !isResolvable(base) && isResolvable(path.join(base, entrypoint))) {
    return { modulePath: path.join(base, entrypoint), exportName: '' };
  }
  return { modulePath: base, exportName: entrypoint, moduleMayBeTheFunction: true };
}

function resolveFile(modulePath) {
  try {
    return require.resolve(modulePath);
  } catch {
    throw new LoadError(`cannot load ${modulePath}: no such module (no file, nor a directory with index.js or a package.json main)`);
  }
}

async function loadModule(file) {
  try {
    return require(file);
  } catch (err) {
    if (err.code !== 'ERR_REQUIRE_ESM') throw loadFailure(file, err);
  }
  // An ES module (.mjs, or "type": "module" in its package.json).
  try {
    return await import(pathToFileURL(file).href);
  } catch (err) {
    throw loadFailure(file, err);
  }
}

function loadFailure(file, err) {
  if (!(err instanceof Error)) return new LoadError(`cannot load ${file}: ${String(err)}`);
  const firstLine = err.message.split('\n')[0];
  // For a syntax error in CommonJS code, the first line of the stack names the file and line.
  const stackStart = String(err.stack).split('\n')[0];
  const location = err instanceof SyntaxError && /:\d+$/.test(stackStart) ? ` (at ${stackStart})` : '';
  return new LoadError(`cannot load ${file}: ${err.name}: ${firstLine}${location}`);
}

function pickFunction(mod, file, { exportName, moduleMayBeTheFunction }) {
  if (!exportName) {
    const fn = typeof mod === 'function' ? mod : mod?.default;
    if (typeof fn !== 'function') {
      throw new LoadError(`${file} does not export a function (give the entrypoint as file.func to pick a named export)`);
    }
    return fn;
  }
  const fn = mod?.[exportName] ?? mod?.default?.[exportName];
  if (fn === undefined && moduleMayBeTheFunction && typeof mod === 'function') return mod;
  if (fn === undefined) {
    const names = Object.keys(mod ?? {}).filter((name) => name !== 'default');
    const available = names.length ? `; it exports ${names.join(', ')}` : '';
    throw new LoadError(`${file} has no export "${exportName}"${available}`);
  }
  if (typeof fn !== 'function') {
    throw new LoadError(`export "${exportName}" of ${file} is not a function but ${fn === null ? 'null' : typeof fn}`);
  }
  return fn;
}

function isDirectory(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isResolvable(modulePath) {
  try {
    require.resolve(modulePath);
    return true;
  } catch {
    return false;
  }
}

module.exports = { loadFunction, LoadError };
