/** The Console step for apply tests: an approved ISV primary holding exactly the YAML's data. */
import { reconcile } from "../../src/apply/reconcile.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient } from "../../src/state/client.ts";
import { ROOT } from "./fixtures.ts";

/** Made in the "Console" (sandbox control), filled through reconcile, then approved: its SID. */
export async function approvedPrimary(
  ctl: SandboxControls,
  conn: Connection,
  dir: string,
): Promise<string> {
  const config = (await loadConfig([dir], { env: {}, cwd: ROOT })).config!;
  const primary = desiredBundle(config.primary!, {});
  const created = await ctl.createPrimary({
    friendlyName: primary.profile.friendlyName,
    submit: false,
  });
  await reconcile(createClient(conn), conn.target, primary, undefined, { adoptSid: created.sid });
  await ctl.setStatus(created.sid, "twilio-approved");
  return created.sid;
}
