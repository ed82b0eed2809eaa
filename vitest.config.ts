import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    restoreMocks: true,
    // Never write a snapshot implicitly (vitest would write missing ones outside CI);
    // goldens are written only by `npm run test:update-goldens` (test/helpers/golden.ts).
    update: process.env["UPDATE_GOLDEN"] === "1" ? "all" : "none",
  },
});
