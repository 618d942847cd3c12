'use strict';
// What a generic instance answers until a function is specialized: 500 saying so (docs/environments.md).
// It is loaded and called as a user's function is, so that the platform's warm-up request to a new
// instance runs the loader and the whole request path once, and a function's first request finds them warm.

module.exports = async function generic() {
  return {
    status: 500,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'generic instance: no function is specialized here yet',
  };
};
