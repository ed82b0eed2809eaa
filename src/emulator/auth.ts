/** HTTP Basic auth: account SID + auth token, or API key SID (SK...) + secret. */
import { timingSafeEqual } from "node:crypto";
import { unauthorized } from "./errors.ts";
import type { AccountData, Store } from "./store.ts";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authenticate(store: Store, header: string | undefined): AccountData {
  if (!header) throw unauthorized("Authentication Error - No credentials provided");
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) throw unauthorized("Authentication Error - invalid username");
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw unauthorized("Authentication Error - invalid username");
  const user = decoded.slice(0, colon);
  const pass = decoded.slice(colon + 1);
  if (user.startsWith("AC")) {
    const acct = store.accounts.get(user);
    if (acct && same(acct.account.token, pass)) return acct;
  } else if (user.startsWith("SK")) {
    const owner = store.keys.get(user);
    const acct = owner === undefined ? undefined : store.accounts.get(owner);
    const key = acct?.account.keys.find((k) => k.sid === user);
    if (acct && key && same(key.secret, pass)) return acct;
  }
  throw unauthorized("Authenticate");
}
