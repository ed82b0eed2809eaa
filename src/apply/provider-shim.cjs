/**
 * The provider the Pulumi dynamic-provider host loads (issue 15): each resource's `__provider`
 * is `exports.handler=()=>require(<this file>)` (src/apply/provider.ts), about 100 bytes in state
 * instead of a serialized closure. Each method loads the ESM implementation, provider-impl.ts
 * next to this file in the sources or provider-impl.js in the built package; TRUSTHUB_PROVIDER_IMPL
 * (a file URL) overrides it, so a state written from another checkout loads this machine's code.
 */
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

function implUrl() {
  if (process.env.TRUSTHUB_PROVIDER_IMPL) return process.env.TRUSTHUB_PROVIDER_IMPL;
  const js = join(__dirname, "provider-impl.js");
  return pathToFileURL(existsSync(js) ? js : join(__dirname, "provider-impl.ts")).href;
}

let loaded;
const load = () => (loaded ??= import(implUrl()));

module.exports = {
  check: async (olds, news) => (await load()).check(olds, news),
  diff: async (id, olds, news) => (await load()).diff(id, olds, news),
  create: async (inputs) => (await load()).create(inputs),
  read: async (id, props) => (await load()).read(id, props),
  update: async (id, olds, news) => (await load()).update(id, olds, news),
  delete: async (id, props) => (await load()).delete(id, props),
};
