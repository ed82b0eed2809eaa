/** Emulator accounts and `account` blocks for the subaccount tests (accounts named by variables). */

/** A fixed emulator account: SID AC<n padded>, a 32-character token. */
export const acct = (n: number) => ({
  sid: `AC${String(n).padStart(32, "0")}`,
  token: `token${n}`.padEnd(32, "x"),
});

/** The variable-name stem of an account: sub-a -> SUB_A. */
export const upper = (name: string) => name.toUpperCase().replace(/-/g, "_");

/** The YAML `account` block: <NAME>_SID, <NAME>_TOKEN, the emulator at EMULATOR_URL. */
export function accountBlock(name: string, parent?: string): Record<string, string> {
  return {
    name,
    accountSidEnv: `${upper(name)}_SID`,
    authTokenEnv: `${upper(name)}_TOKEN`,
    apiUrlEnv: "EMULATOR_URL",
    ...(parent ? { parent } : {}),
  };
}
