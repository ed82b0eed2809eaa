/**
 * Several accounts in one repository: each YAML document belongs to the
 * account its `account` block names, or to the default account (the usual
 * TWILIO_* environment) without one. Rules (unique keys, one primary, ...)
 * and normalisation then run per account. The same account named in several
 * documents must use the same environment variable names everywhere
 * (`rule/conflicting-account`); two accounts may not read the same SID
 * variable (`rule/shared-account-env`), which would plan one account twice.
 */
import type { AccountRef, Diagnostic, WrittenAccount } from "../model/config.ts";
import type { RuleDocument } from "./rules/index.ts";

export const DEFAULT_ACCOUNT = "default";

export interface AccountGroup {
  account: AccountRef;
  documents: RuleDocument[];
}

const FIELDS: (keyof WrittenAccount)[] = [
  "accountSidEnv",
  "authTokenEnv",
  "apiKeyEnv",
  "apiSecretEnv",
  "apiUrlEnv",
  "parent",
];

export function groupByAccount(docs: RuleDocument[]): {
  accounts: AccountGroup[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, AccountGroup>();
  const firstDoc = new Map<string, RuleDocument>();
  for (const doc of docs) {
    const written = doc.written.account;
    const name = written?.name ?? DEFAULT_ACCOUNT;
    let g = groups.get(name);
    if (g === undefined) {
      const account: AccountRef = { name };
      if (written !== undefined) {
        for (const f of FIELDS) if (written[f] !== undefined) account[f] = written[f];
        account.source = doc.at("/account");
      }
      g = { account, documents: [] };
      groups.set(name, g);
      firstDoc.set(name, doc);
    } else if (written !== undefined) {
      const differs = FIELDS.filter((f) => written[f] !== g?.account[f]);
      if (differs.length > 0) {
        const first = g.account.source;
        const at = doc.at(`/account/${differs[0]}`);
        diagnostics.push({
          code: "rule/conflicting-account",
          severity: "error",
          message: `account ${name}: ${differs.join(", ")} differ from its first declaration${first ? ` at ${first.file}:${first.line}:${first.column}` : ""}; declare an account the same way in every file`,
          file: at.file,
          line: at.line,
          column: at.column,
          path: `/account/${differs[0]}`,
        });
      }
    }
    g.documents.push(doc);
  }
  const bySidEnv = new Map<string, string>();
  for (const g of groups.values()) {
    const env = g.account.accountSidEnv;
    if (env === undefined) continue;
    const other = bySidEnv.get(env);
    if (other !== undefined) {
      const at = g.account.source;
      diagnostics.push({
        code: "rule/shared-account-env",
        severity: "error",
        message: `accounts ${other} and ${g.account.name} both read their SID from ${env}; give each account its own variables`,
        ...(at ? { file: at.file, line: at.line, column: at.column } : {}),
        path: "/account/accountSidEnv",
      });
    } else bySidEnv.set(env, g.account.name);
  }
  if (groups.size === 0)
    groups.set(DEFAULT_ACCOUNT, { account: { name: DEFAULT_ACCOUNT }, documents: [] });
  const accounts = [...groups.values()].sort((a, b) =>
    a.account.name === DEFAULT_ACCOUNT
      ? -1
      : b.account.name === DEFAULT_ACCOUNT
        ? 1
        : a.account.name < b.account.name
          ? -1
          : 1,
  );
  return { accounts, diagnostics };
}
