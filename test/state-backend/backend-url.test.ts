import { describe, expect, it } from "vitest";
import { redactBackendUrl } from "../../src/state/backend-url.ts";

describe("redactBackendUrl", () => {
  it("masks the password of a postgres:// URL and keeps the rest", () => {
    expect(
      redactBackendUrl("postgres://trusthub:s3cr%2Ft@db.internal:5432/state?sslmode=require"),
    ).toBe("postgres://trusthub:****@db.internal:5432/state?sslmode=require");
  });

  it("masks libpq's password query parameters", () => {
    expect(redactBackendUrl("postgres://db:5432/state?user=u&password=hunter2")).toBe(
      "postgres://db:5432/state?user=u&password=****",
    );
  });

  it("leaves URLs without secrets as they are", () => {
    for (const u of [
      "file:///work/.trusthub/state",
      "s3://bucket/trusthub?region=us-east-1",
      "postgres://trusthub@127.0.0.1:5432/state",
      "not a url",
    ])
      expect(redactBackendUrl(u)).toBe(u);
  });
});
