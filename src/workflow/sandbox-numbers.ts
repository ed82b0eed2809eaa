/**
 * `trusthub sandbox create-numbers [PATH...]`: the phone numbers the YAML
 * declares (on profiles and trust products, issue 14), created in the target
 * account as if bought from Twilio. The embedded sandbox does this on every
 * plan (`seedSandboxNumbers`); a running emulator (TRUSTHUB_API_URL) needs this
 * step, else the plan refuses the numbers (`phone/not-in-account`). A Twilio
 * target is refused: buy or port numbers there.
 */
import { createClient } from "../state/client.ts";
import { loadAccountConfigs } from "./plan.ts";
import { withSandbox, type SandboxOptions } from "./sandbox.ts";
import { declaredNumbers } from "./target.ts";

export async function sandboxCreateNumbers(paths: string[], opts: SandboxOptions): Promise<void> {
  const { accounts } = await loadAccountConfigs({ paths, env: opts.env, cwd: opts.cwd });
  const numbers = [...new Set(accounts.flatMap((a) => declaredNumbers(a.config)))].sort();
  await withSandbox(opts, async (o) => {
    const owned = await createClient(o.conn)
      .api.v2010.accounts(o.conn.target.accountSid)
      .incomingPhoneNumbers.list({ pageSize: 1000 });
    const have = new Set(owned.map((n) => n.phoneNumber));
    for (const phoneNumber of numbers) {
      if (have.has(phoneNumber)) {
        opts.out(`${phoneNumber}: the account holds it already\n`);
        continue;
      }
      const n = await o.controls.createPhoneNumber({ phoneNumber });
      opts.out(`${phoneNumber}: created (${n.sid})\n`);
    }
    if (numbers.length === 0) opts.out("The configuration declares no phone numbers.\n");
  });
}
