// The layer rules of docs/lifecycle.md as data, checked by dependency-cruiser
// from `npm run lint` (test/layers.test.ts proves a forbidden import fails).
// Each folder of src/ may import itself plus the folders listed for it; every
// other import of a file under src/ is an error naming the rule `layer-<folder>`.
// Lazy `import("...")` counts too (ESLint forbids non-literal specifiers, so
// the checker sees every import).

/**
 * Folder of src/ -> the other folders (or `errors` for src/errors.ts) it may import.
 * @type {Record<string, string[]>}
 */
export const LAYERS = {
  cli: ["workflow", "model", "errors"],
  workflow: [
    "apply",
    "state",
    "plan",
    "render",
    "config",
    "emulator",
    "model",
    "domain",
    "lib",
    "errors",
  ],
  apply: ["state", "plan", "model", "domain", "lib", "errors"],
  state: ["model", "domain", "lib", "errors"],
  plan: ["model", "domain", "errors"],
  render: ["model", "domain", "errors"],
  config: ["model", "domain", "lib", "errors"],
  emulator: ["model", "domain", "lib", "errors"],
  model: ["domain", "errors"],
  domain: ["model", "errors"],
  // Generic helpers with no Trust Hub knowledge (worker pool, atomic file write).
  lib: [],
  errors: [],
};

/**
 * Single files allowed one more folder than their layer. `temporary: true`
 * marks an import that breaks the layering today and is being removed (issue
 * 11); delete the entry once the import is gone.
 * @type {{ from: string, to: string, temporary?: boolean }[]}
 */
export const EXCEPTIONS = [
  // `trusthub emulator` starts the emulator itself: nothing to plan or apply.
  { from: "src/cli/commands/emulator.ts", to: "emulator" },
];

/** @param {string} s */
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** @param {string} name */
const folder = (name) => (name === "errors" ? "^src/errors\\.ts$" : `^src/${name}/`);

/**
 * @param {string} name
 * @param {string[]} allowed
 */
function layerRule(name, allowed) {
  const exceptions = EXCEPTIONS.filter((e) => e.from.startsWith(`src/${name}/`));
  /** @type {{ path: string, pathNot?: string[] }} */
  const from = { path: folder(name) };
  if (exceptions.length > 0) from.pathNot = exceptions.map((e) => `^${esc(e.from)}$`);
  return {
    name: `layer-${name}`,
    comment: `src/${name} may import only: ${allowed.join(", ") || "nothing in src"}`,
    severity: "error",
    from,
    to: { path: "^src/", pathNot: [name, ...allowed].map(folder) },
  };
}

/** @param {{ from: string, to: string }} e */
function exceptionRule(e) {
  const layer = e.from.split("/")[1] ?? "";
  const allowed = [layer, ...(LAYERS[layer] ?? []), e.to];
  return {
    name: `layer-${layer}`,
    comment: `${e.from} may import only: ${allowed.slice(1).join(", ")}`,
    severity: "error",
    from: { path: `^${esc(e.from)}$` },
    to: { path: "^src/", pathNot: allowed.map(folder) },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...Object.entries(LAYERS).map(([name, allowed]) => layerRule(name, allowed)),
    ...EXCEPTIONS.map(exceptionRule),
    {
      name: "not-to-unresolvable",
      comment: "every relative import names a file that exists",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true, pathNot: "^node:" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
