/**
 * `--target`: which declared profiles and trust products a plan looks at.
 * A profile's key plans the profile and all its products; a trust product's
 * key (`acme/a2p-messaging`, issue 14) plans that product and its profile
 * (the product needs it), not the profile's other products. Pure.
 */
import { UserError } from "../errors.ts";
import type { Profile } from "../model/config.ts";

export function checkTargets(all: Profile[], targets: string[]): void {
  const keys = new Set(all.flatMap((p) => [p.key, ...p.trustProducts.map((t) => t.key)]));
  const unknown = targets.filter((t) => !keys.has(t));
  if (unknown.length > 0) {
    throw new UserError(
      "plan/unknown-target",
      `--target ${unknown.join(", ")}: no declared profile has that key (declared: ${[...keys].sort().join(", ") || "none"})`,
    );
  }
}

/** The profile is targeted, or one of its trust products is. */
export function targetsProfile(profile: Profile, targets: string[]): boolean {
  return (
    targets.includes(profile.key) || profile.trustProducts.some((t) => targets.includes(t.key))
  );
}

/** With `--target` naming some of its products (not the profile), only those are planned. */
export function targetedProducts(profile: Profile, targets: string[]): Profile {
  if (targets.length === 0 || targets.includes(profile.key)) return profile;
  return {
    ...profile,
    trustProducts: profile.trustProducts.filter((t) => targets.includes(t.key)),
  };
}
