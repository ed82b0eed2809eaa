/**
 * Account-wide list pages through the official twilio SDK without its
 * resource instances (issue 15). The SDK's list pages build one instance per
 * item in their constructor, and each instance parses its dates with dayjs;
 * the plan converts them back to Twilio's strings at once (convert.ts). At
 * 10,000 profiles that was about 0.5 s of CPU of the read (dayjs 282 ms,
 * formatDate 136 ms, the instances 86 ms in a CPU profile of readAccount) and
 * some 40,000 short-lived objects. Here the same request goes out through the
 * SDK (Version.page, our retrying http client, the SDK's own Page: status
 * check, JSON, next-page URL, Twilio's page token), and each item stays the
 * plain JSON object of the reply: `rawItem` renames its keys as the SDK
 * would (snake_case to camelCase) and turns its two dates into what the SDK
 * gives, so the converters see what they saw before.
 */
import DomainModule from "twilio/lib/base/Domain.js";
import PageModule from "twilio/lib/base/Page.js";
import VersionModule from "twilio/lib/base/Version.js";
import type * as VersionTypes from "twilio/lib/base/Version.js";

type Item = Record<string, unknown>;
/** The SDK's API version object (client.trusthub.v1, client.api.v2010). */
export type Version = VersionTypes.default;

/** A CommonJS module's class, on `default` or not depending on how Node loaded it. */
function cjs<T>(m: T): T {
  return (m as { default?: T }).default ?? m;
}

/**
 * The SDK's own Version object for `version` ("2010-04-01") of the API at
 * `baseUrl`, on the SDK's base Domain, without loading that API's domain
 * module (client.api loads every 2010 resource: about 12 MB, issue 15).
 */
export function bareVersion(twilio: unknown, baseUrl: string, version: string): Version {
  const Domain = cjs(DomainModule) as unknown as new (twilio: unknown, baseUrl: string) => object;
  const V = cjs(VersionModule) as unknown as new (domain: object, version: string) => Version;
  return new V(new Domain(twilio, baseUrl), version);
}

// A CommonJS module: its default export is on `default` when imported from ESM.
const SdkPage = cjs(PageModule) as unknown as new (
  version: Version,
  response: unknown,
  solution: object,
) => {
  instances: unknown[];
  nextPage(): Promise<unknown> | undefined;
};

/** The SDK's Page, keeping each item as the reply's JSON object. */
class RawPage extends SdkPage {
  constructor(version: Version, response: unknown, solution: object) {
    super(version, response, solution);
    // The parsed reply: its items are `instances`, its next-page URL is read. The SDK's
    // nextPage() binds the page until the next reply is in; without the reply it holds
    // only what list() has not yet taken (issue 15: fewer pages promoted to the old space).
    (this as unknown as { _payload: unknown })._payload = undefined;
  }

  getInstance(payload: unknown): unknown {
    return payload;
  }
}

/** The first page of the list at `uri` (relative to `version`, as the SDK's list instances have it). */
export async function rawFirstPage(version: Version, uri: string, pageSize: number) {
  const response: unknown = await version.page({
    uri,
    method: "get",
    params: { PageSize: pageSize },
    headers: { Accept: "application/json" },
  });
  return new RawPage(version, response, {}) as {
    instances: unknown;
    nextPage(): Promise<never> | undefined;
  };
}

const camel = new Map<string, string>();
function camelOf(key: string): string {
  let c = camel.get(key);
  if (c === undefined) {
    c = key.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    camel.set(key, c);
  }
  return c;
}

const TWILIO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * What the SDK's deserialize.iso8601DateTime gives (dayjs.utc(s)): a Date, or s when it is not
 * a date; Twilio's own format stays the string formatDate would make of that Date. A missing
 * date stays missing (the SDK would have made it "now"): convert.ts calls that malformed.
 */
function sdkDate(v: unknown): unknown {
  if (v === null || v === undefined || (typeof v === "string" && TWILIO_DATE.test(v))) return v;
  const d = new Date(v as string);
  return Number.isNaN(d.getTime()) ? v : d;
}

/** A list item of the reply as the SDK's instance shows it to convert.ts (top-level keys only). */
export function rawItem(item: unknown): unknown {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return item;
  const out: Item = {};
  for (const [k, v] of Object.entries(item as Item)) out[camelOf(k)] = v;
  if (typeof out["dateUpdated"] !== "string" || !TWILIO_DATE.test(out["dateUpdated"]))
    out["dateUpdated"] = sdkDate(out["dateUpdated"]);
  if (out["validUntil"] !== undefined) out["validUntil"] = sdkDate(out["validUntil"]);
  return out;
}
