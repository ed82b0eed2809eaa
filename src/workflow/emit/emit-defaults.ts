/**
 * `trusthub import` follows Twilio's ISV guide: when every secondary (two or
 * more) holds the same notification email, or the same status callback, that
 * is the ISV's own, so it is written once under `defaults` (docs/config.md)
 * instead of on each secondary. Pure; edits the document and env in place.
 */
import { envRef, type EnvEntry } from "./emit-env.ts";
import type { Picked } from "./emit-pick.ts";
import type { Obj } from "./emit-profile.ts";

export const NOTIFICATION_EMAIL_ENV = "TRUSTHUB_DEFAULTS_NOTIFICATION_EMAIL";

function shared(values: string[]): string | undefined {
  const [first] = values;
  return values.length >= 2 &&
    first !== undefined &&
    first !== "" &&
    values.every((v) => v === first)
    ? first
    : undefined;
}

/** Returns the `defaults` to write (empty when nothing is shared). */
export function hoistIsvDefaults(secondaries: Obj[], picked: Picked[], env: EnvEntry[]): Obj {
  const defaults: Obj = {};
  const email = shared(picked.map((p) => p.profile.email.trim()));
  if (email !== undefined && !env.some((e) => e.name === NOTIFICATION_EMAIL_ENV)) {
    const refs = new Set(secondaries.map((s) => s["email"]));
    for (let i = env.length - 1; i >= 0; i--) {
      if (refs.has(envRef(env[i]!.name))) env.splice(i, 1);
    }
    for (const s of secondaries) delete s["email"];
    env.push({
      name: NOTIFICATION_EMAIL_ENV,
      value: email,
      comment: "defaults: the notification email every secondary shares (the ISV's)",
    });
    defaults["notificationEmail"] = envRef(NOTIFICATION_EMAIL_ENV);
  }
  const callback = shared(picked.map((p) => p.profile.statusCallback.trim()));
  if (callback !== undefined) {
    defaults["statusCallback"] = secondaries[0]!["statusCallback"];
    for (const s of secondaries) delete s["statusCallback"];
  }
  return defaults;
}
