import { describe, expect, it } from "vitest";
import { pgTarget } from "../../src/state/postgres-url.ts";

const URL_ = "postgres://trusthub:s3cr%2Ft@127.0.0.1:6543/state?sslmode=disable";

describe("pgTarget: a postgres:// backend URL as Pulumi's lib/pq reads it", () => {
  it("maps host, port, user, decoded password, database and the default table", () => {
    expect(pgTarget(URL_, {}, false)).toEqual({
      connection: {
        host: "127.0.0.1",
        port: 6543,
        user: "trusthub",
        password: "s3cr/t",
        database: "state",
        ssl: false,
        connectionTimeoutMillis: 20_000,
      },
      table: "pulumi_state",
      prefix: "state/",
    });
  });

  it("takes the table from `table=` (schema-qualified too) and connect_timeout in seconds", () => {
    const t = pgTarget(`${URL_}&table=ops.trusthub_state&connect_timeout=3`, {}, false);
    expect(t).toMatchObject({ table: "ops.trusthub_state" });
    expect(t).toMatchObject({ connection: { connectionTimeoutMillis: 3000 } });
  });

  it("uses lib/pq's default sslmode, require (encrypted, unverified), not plain text", () => {
    const t = pgTarget("postgres://u:p@db.internal/state", {}, false);
    expect(t).toMatchObject({ connection: { port: 5432, ssl: { rejectUnauthorized: false } } });
    expect(
      pgTarget("postgres://u:p@db.internal/state", { PGSSLMODE: "disable" }, false),
    ).toMatchObject({ connection: { ssl: false } });
    // lib/pq verifies the server under `require` when ~/.postgresql/root.crt exists.
    expect(pgTarget("postgres://u:p@db.internal/state", {}, true)).toBe(
      "sslmode require with ~/.postgresql/root.crt",
    );
  });

  it("fills what the URL leaves out from the libpq environment variables", () => {
    expect(
      pgTarget(
        "postgres://db.internal?sslmode=disable",
        {
          PGUSER: "ci",
          PGPASSWORD: "pw",
          PGDATABASE: "st",
          PGPORT: "7000",
        },
        false,
      ),
    ).toMatchObject({
      connection: { host: "db.internal", port: 7000, user: "ci", password: "pw", database: "st" },
    });
  });

  it("gives a reason (the caller exports through Pulumi) for anything it cannot map exactly", () => {
    const cases: [string, Record<string, string>, string][] = [
      [`${URL_}&target_session_attrs=any`, {}, "URL parameter target_session_attrs"],
      ["postgres://u:p@db/state?sslmode=verify-full", {}, "sslmode verify-full"],
      ["postgres://u:p@db/state?sslmode=prefer", {}, "sslmode prefer"],
      ["postgres://u:p@%2Fvar%2Frun%2Fpostgresql/state", {}, "no single TCP host"],
      ["postgres://u:p@db/state?table=x;drop", {}, "not a plain identifier"],
      ["postgres://u:p@db/state?table=a.b.c", {}, "not a plain identifier"],
      ["postgres://db/state?sslmode=disable", {}, "no user"],
      ["postgres://u:p@db?sslmode=disable", {}, "no database"],
      [URL_, { PGSERVICE: "prod" }, "PGSERVICE is set"],
    ];
    for (const [url, env, why] of cases) {
      const t = pgTarget(url, env, false);
      expect(typeof t, url).toBe("string");
      expect(t).toContain(why);
      expect(t).not.toContain("p@");
    }
  });
});
