/**
 * `trusthub forget KEY...`: stop managing profiles without touching Trust Hub
 * (Pulumi state only, src/apply/forget.ts). Afterwards a key the YAML still
 * declares plans as `adopt` (found again by friendly name, as `terraform
 * state rm` leads to an import); a key the YAML no longer declares is no
 * longer planned or warned about at all.
 *
 * A profile's trust products (issue 14) are built on it (each product's
 * resource takes the profile's SID as an input), so forgetting a profile whose
 * products are still in state is refused, naming them: forget them with it
 * (`trusthub forget acme acme/a2p-messaging`), or forget only the products.
 * Products are removed before their profile, whatever the order given.
 */
import { UserError } from "../errors.ts";
import { managedProductsOf } from "../state/pulumi-state.ts";
import { openTarget, readManagedRecords } from "./target.ts";

type Env = Record<string, string | undefined>;

export interface ForgetOptions {
  keys: string[];
  env: Env;
  cwd: string;
  out: (text: string) => void;
}

export async function runForget(opts: ForgetOptions): Promise<number> {
  const t = await openTarget(opts.env, opts.cwd);
  try {
    const managed = await readManagedRecords({
      env: opts.env,
      cwd: opts.cwd,
      target: t.conn.target,
    });
    // Trust products (issue 14) are forgotten by their key too.
    const products = managedProductsOf(managed);
    const sidOf = (k: string) => managed[k]?.profileSid ?? products[k]?.productSid;
    const unknown = opts.keys.filter((k) => sidOf(k) === undefined);
    if (unknown.length > 0) {
      const held = [...Object.keys(managed), ...Object.keys(products)].sort();
      throw new UserError(
        "forget/unknown",
        `not managed by apply: ${unknown.join(", ")}. ` +
          (held.length > 0 ? `Managed keys: ${held.join(", ")}` : "Apply manages no profile here"),
      );
    }
    refuseOrphanedProducts(opts.keys, Object.keys(products));
    // Dependents first: a product before the profile it is built on.
    const ordered = [
      ...opts.keys.filter((k) => products[k]),
      ...opts.keys.filter((k) => !products[k]),
    ];
    // Loaded only now: the engine pulls in @pulumi/pulumi.
    const { forgetResources } = await import("../apply/forget.ts");
    const stack = await forgetResources({
      conn: t.conn,
      cwd: opts.cwd,
      env: opts.env,
      keys: ordered,
    });
    for (const key of ordered) {
      opts.out(
        `${key} (${sidOf(key)!}): no longer managed (removed from stack ${stack}); ` +
          "Trust Hub was not touched.\n",
      );
    }
    opts.out(
      "If the YAML still declares it, the next plan adopts it again (found by friendly name); " +
        "remove it from the YAML to leave it unmanaged.\n",
    );
    return 0;
  } finally {
    await t.close();
  }
}

/** Refuses to forget a profile while trust products built on it stay in state. */
export function refuseOrphanedProducts(keys: string[], productKeys: string[]): void {
  const left = keys.flatMap((k) => {
    const mine = productKeys.filter((p) => p.startsWith(`${k}/`) && !keys.includes(p));
    return mine.length > 0 ? [{ key: k, products: mine.sort() }] : [];
  });
  if (left.length === 0) return;
  const named = left.map((l) => `${l.key} (${l.products.join(", ")})`).join("; ");
  const all = [...keys, ...left.flatMap((l) => l.products)];
  throw new UserError(
    "forget/has-products",
    `not forgotten: apply still manages trust products built on ${named}. ` +
      `Forget them with the profile: trusthub forget ${all.join(" ")}; ` +
      "or forget only the trust products. Nothing was changed",
  );
}
