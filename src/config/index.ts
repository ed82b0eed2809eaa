/**
 * loadConfig: files/directories -> { config?, diagnostics }.
 * Pipeline per document: read -> YAML parse (positions) -> ${env:} + trim ->
 * JSON Schema; then semantic rules across all documents; then normalise.
 * `config` is present only when there are no error diagnostics.
 */
import type {
  AccountConfig,
  AccountRef,
  Config,
  Diagnostic,
  SourceRef,
  WrittenDocument,
} from "../model/config.ts";
import { groupByAccount } from "./accounts.ts";
import { subaccountRules } from "./subaccounts.ts";
import { hasErrors, sortDiagnostics } from "./diagnostic.ts";
import { resolveEnv } from "./env.ts";
import { readSources } from "./files.ts";
import { normalize } from "./normalize.ts";
import { FileReparse, KeptPositions, keptPositions, type Positions } from "./kept-positions.ts";
import { parseFast } from "./parse-fast.ts";
import { parseSplit } from "./parse-split.ts";
import { parseYaml } from "./parse.ts";
import { runRules, type RuleDocument } from "./rules/index.ts";
import { validateSchema } from "./schema.ts";

/** 1 MB: about 1,000 secondaries; smaller files parse whole in well under 100 MB. */
const SPLIT_FROM = 1 << 20;

export interface LoadOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Files at least this long are parsed in parts when they can be (parse-split.ts); tests force 0. */
  splitFrom?: number;
  /** false: no js-yaml fast path (parse-fast.ts), every file through yaml; tests compare the two. */
  fast?: boolean;
  /** "Today" for date-of-birth checks; default: the current time. */
  now?: Date;
}

export interface LoadResult {
  config?: Config;
  /** The account `config` is for (the default account when no file names one). */
  account?: AccountRef;
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** File -> text as read (for rendering source lines under diagnostics). */
  sources: Map<string, string>;
}

/** Every account's config: the default account and each one named by an `account` block. */
export async function loadAccounts(paths: string[], opts: LoadOptions): Promise<AccountsResult> {
  const read = await readSources(paths, opts.cwd);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const sources = new Map(read.sources.map((s) => [s.file, s.text]));
  const valid: RuleDocument[] = [];
  let complete = read.diagnostics.length === 0;
  const unresolved = new Set<string>();
  for (const { file, text } of read.sources) {
    const parsed = parseKept(file, text, opts.env, opts.splitFrom ?? SPLIT_FROM, opts.fast ?? true);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.yamlErrors) complete = false;
    for (const doc of parsed.documents) {
      for (const p of doc.unresolved) unresolved.add(`${file}#${p}`);
      const schemaDiags = validateSchema(doc.value, doc.positions, doc.unresolved);
      diagnostics.push(...schemaDiags);
      if (schemaDiags.length > 0) {
        complete = false;
        continue;
      }
      valid.push({
        file,
        written: doc.value as WrittenDocument,
        at: (pointer, anchor) => doc.positions.at(pointer, anchor),
      });
    }
  }
  // Rules and normalisation run per account (documents without `account` form the default one).
  const groups = groupByAccount(valid);
  diagnostics.push(...groups.diagnostics, ...subaccountRules(groups.accounts));
  const now = opts.now ?? new Date();
  const skip = (file: string, pointer: string) => unresolved.has(`${file}#${pointer}`);
  for (const g of groups.accounts) {
    diagnostics.push(...runRules({ documents: g.documents, now, complete }, skip));
  }
  const result: AccountsResult = { diagnostics: sortDiagnostics(diagnostics), sources };
  if (!hasErrors(diagnostics)) {
    const files = read.sources.map((s) => s.file);
    result.accounts = groups.accounts.map((g) => ({
      account: g.account,
      config: normalize(
        g.documents,
        files.filter((f) => g.documents.some((d) => d.file === f)),
      ),
    }));
  }
  return result;
}

/**
 * One account's config, for the commands that handle one account. Files that
 * declare several accounts are an error here (`config/several-accounts`);
 * `account` tells which account the config is for.
 */
export async function loadConfig(paths: string[], opts: LoadOptions): Promise<LoadResult> {
  const r = await loadAccounts(paths, opts);
  const result: LoadResult = { diagnostics: r.diagnostics, sources: r.sources };
  if (r.accounts === undefined) return result;
  if (r.accounts.length > 1) {
    const names = r.accounts.map((a) => a.account.name).join(", ");
    result.diagnostics = [
      ...r.diagnostics,
      {
        code: "config/several-accounts",
        severity: "error",
        message: `the files declare ${r.accounts.length} accounts (${names}); this command handles one account at a time: pass the files of one account`,
      },
    ];
    return result;
  }
  const only = r.accounts[0];
  if (only !== undefined) {
    result.config = only.config;
    result.account = only.account;
  } else {
    result.config = { secondaries: [], files: [] };
  }
  return result;
}

export interface AccountsResult {
  /** Present only without error diagnostics; the default account first, then by name. */
  accounts?: AccountConfig[];
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/**
 * Parses one file and resolves its `${env:}` references, keeping plain values
 * and KeptPositions: the YAML trees are garbage once this returns.
 */
function parseKept(
  file: string,
  text: string,
  env: LoadOptions["env"],
  splitFrom: number,
  tryFast: boolean,
) {
  const reparse = new FileReparse(file, text);
  // A plain clean file is read by js-yaml (parse-fast.ts); else a large clean
  // file without env references is parsed in parts by yaml (parse-split.ts).
  const fast = tryFast ? parseFast(file, text) : undefined;
  if (fast) {
    const positions = new KeptPositions(reparse, 0, fast.kept);
    const resolved = resolveEnv(
      fast.value,
      env,
      (pointer, ref) => locateRef(positions, text, pointer, ref),
      true,
    );
    const doc = { value: resolved.value, unresolved: resolved.unresolved, positions };
    return { documents: [doc], diagnostics: resolved.diagnostics, yamlErrors: false };
  }
  const split =
    text.length >= splitFrom && !text.includes("${") ? parseSplit(file, text) : undefined;
  if (split) {
    const resolved = resolveEnv(split.value, env, () => {
      throw new Error(`${file}: an env reference in a file parsed in parts`);
    });
    const positions = new KeptPositions(reparse, 0, split.kept);
    const doc = { value: resolved.value, unresolved: resolved.unresolved, positions };
    return { documents: [doc], diagnostics: resolved.diagnostics, yamlErrors: false };
  }
  const parsed = parseYaml(file, text);
  const diagnostics = [...parsed.diagnostics];
  const documents = parsed.documents.map((doc) => {
    const resolved = resolveEnv(doc.value, env, (pointer, ref) =>
      locateRef(doc.positions, text, pointer, ref),
    );
    diagnostics.push(...resolved.diagnostics);
    const kept = keptPositions(doc.positions, resolved.value);
    const positions = new KeptPositions(reparse, doc.index, kept);
    return { value: resolved.value, unresolved: resolved.unresolved, positions };
  });
  return { documents, diagnostics, yamlErrors: hasErrors(parsed.diagnostics) };
}

/** Position of `${env:NAME}` inside the scalar at pointer (the scalar's start as fallback). */
function locateRef(positions: Positions, text: string, pointer: string, ref: string): SourceRef {
  const range = positions.valueRange(pointer);
  if (!range) return positions.at(pointer);
  const offset = text.slice(range[0], range[1]).indexOf(ref);
  return positions.ref(range[0] + Math.max(0, offset));
}

export type { Config, Diagnostic } from "../model/config.ts";
