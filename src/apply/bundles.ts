/**
 * The desired and observed bundles of one resource inside the provider (issue 15): from the run's
 * hand-off file (handoff.ts) named by the `handoff` input, checked against the `digest` input; or
 * inline, as inputs written before issue 15 (and the provider tests) carry them. Never returned
 * as inputs or outputs: `stripBundles` keeps them out of what Pulumi stores.
 */
import { bundleDigest, readHandoff, type HandoffContent } from "./handoff.ts";

type Props = Record<string, unknown>;

/**
 * The run's hand-off file: the `handoff` input (the Pulumi.yaml program), else TRUSTHUB_HANDOFF,
 * which `trusthub apply` sets for the engine (src/apply/engine.ts) and so the provider process.
 */
export function handoffOf(props: Props): string | undefined {
  const h = props["handoff"] ?? process.env["TRUSTHUB_HANDOFF"];
  return typeof h === "string" && h !== "" ? h : undefined;
}

const inline = (props: Props) => "desired" in props || "observed" in props;

/** `props` with `desired` and `observed` filled in from the hand-off file when they are not inline. */
export function withBundles<T extends Props>(props: T, section: keyof HandoffContent): T {
  const path = handoffOf(props);
  if (path === undefined || inline(props)) return props;
  const digest = props["digest"];
  // A held resource without bundles (no live bundle read, no numbers) is not in the file.
  const e = readHandoff(
    path,
    section,
    String(props["key"]),
    typeof digest === "string" && digest !== NO_DESIRED ? digest : undefined,
    digest !== NO_DESIRED,
  );
  return {
    ...props,
    ...(e.desired !== undefined ? { desired: e.desired } : {}),
    ...(e.observed !== undefined ? { observed: e.observed } : {}),
    [WRITES_LOG]: path,
  };
}

/** Set on resolved props (never on what Pulumi stores): where the writes are noted. */
const WRITES_LOG = "_writesLog";

/** The digest of a resource without a desired bundle (held). */
export const NO_DESIRED = "-";

/** Where a create/update notes its writes: the hand-off's log, or (undefined) the outputs. */
export const writesLog = (props: Props): string | undefined =>
  typeof props[WRITES_LOG] === "string" ? props[WRITES_LOG] : undefined;

/** The digest the outputs record: the input's, else (inline bundles) computed. */
export function digestOf(props: Props): string {
  if (typeof props["digest"] === "string") return props["digest"];
  return props["desired"] !== undefined ? bundleDigest(props["desired"]) : NO_DESIRED;
}

/** What Pulumi may store of checked inputs: without bundles that came from the hand-off file. */
export function stripBundles(checked: Props, news: Props): Props {
  if (inline(news)) return checked;
  const rest = { ...checked };
  for (const k of ["desired", "observed", WRITES_LOG]) delete rest[k];
  return rest;
}

/** Outputs written before issue 15 (no digest): the first apply after the upgrade rewrites them. */
export const isLegacy = (olds: Props): boolean => typeof olds["digest"] !== "string";

export function checkFailed(key: unknown, failures: { property: string; reason: string }[]) {
  const list = failures.map((f) => `${f.property} ${f.reason}`).join("; ");
  return new Error(`${String(key)}: invalid resource inputs: ${list}`);
}
