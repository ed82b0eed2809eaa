/**
 * Helpers of `trusthub import` (src/workflow/emit/emit.ts): profile keys derived from
 * friendly names, environment variable names for personal values, and the
 * env template file (NAME=value lines that both a POSIX shell (`set -a; .
 * FILE`) and Node's `--env-file` / `util.parseEnv` read back unchanged). Pure.
 */

/** One personal value moved out of the YAML into the env template. */
export interface EnvEntry {
  name: string;
  value: string;
  /** Shown above the line: which profile and field it belongs to (never the value). */
  comment: string;
}

/** Kebab-case key from a friendly name: `Bluebird Bakery, LLC` -> `bluebird-bakery-llc`. */
export function keyFromName(friendlyName: string): string {
  const base = friendlyName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base === "" ? "profile" : base;
}

/** Makes keys unique in order of arrival: `acme`, `acme-2`, `acme-3`. */
export function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let n = 2; taken.has(key); n++) key = `${wanted}-${n}`;
  taken.add(key);
  return key;
}

/** `TRUSTHUB_<KEY>_<FIELD>`: keys are `[a-z0-9-]`, so the mapping is one-to-one. */
export function envName(key: string, field: string): string {
  return `TRUSTHUB_${key.toUpperCase().replace(/-/g, "_")}_${field}`;
}

/** `${env:NAME}` */
export function envRef(name: string): string {
  return `\${env:${name}}`;
}

/** A literal string that must not be read as a reference: `${env:X}` -> `$${env:X}`. */
export function escapeLiteral(value: string): string {
  return value.replace(/\$\{env:[^}]*\}/g, (m) => `$${m}`);
}

const SAFE = /^[A-Za-z0-9_@.+:/,=%-]*$/;

/**
 * One value as the env file writes it. Bare when only safe characters; else
 * in single quotes; else (a single quote inside) in double quotes when no
 * character is special there. Returns undefined for a value neither shell
 * nor dotenv can carry unchanged (both quote kinds, `$`, backquote, `\` or a
 * line break): the caller writes it empty and warns.
 */
export function quoteEnvValue(value: string): string | undefined {
  if (SAFE.test(value)) return value;
  if (/[\r\n]/.test(value)) return undefined;
  if (!value.includes("'")) return `'${value}'`;
  if (!/["$`\\]/.test(value)) return `"${value}"`;
  return undefined;
}

export interface EnvFileResult {
  text: string;
  /** Variables written empty because their value cannot be quoted safely. */
  unquotable: string[];
}

/** The env template: a warning header, then one commented NAME=value line per entry. */
export function renderEnvFile(
  entries: EnvEntry[],
  files: { yaml: string; env: string },
): EnvFileResult {
  const unquotable: string[] = [];
  const lines = [
    `# Personal data for the Trust Hub profiles in ${files.yaml} (written by trusthub import).`,
    "# DO NOT COMMIT THIS FILE: add it to .gitignore and keep it in a secret store",
    "# (e.g. one CI secret holding this whole file). Load it before plan/apply:",
    `#   set -a; . ${files.env.includes("/") ? files.env : `./${files.env}`}; set +a`,
    "# Empty values were not found in Trust Hub: fill them in.",
    "",
  ];
  for (const e of entries) {
    const quoted = quoteEnvValue(e.value);
    lines.push(`# ${e.comment}`);
    if (quoted === undefined) {
      unquotable.push(e.name);
      lines.push(`${e.name}=`);
    } else {
      lines.push(`${e.name}=${quoted}`);
    }
  }
  return { text: `${lines.join("\n")}\n`, unquotable };
}
