// ESLint flat config: type-checked typescript-eslint, Prettier last, and the
// layer rules of docs/lifecycle.md (plan/ and render/ stay pure).
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

const ioModules = [
  "node:*",
  "fs",
  "http",
  "https",
  "net",
  "child_process",
  "yaml",
  "ajv",
  "twilio",
  "@pulumi/*",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      ".trusthub/**",
      "coverage/**",
      "bench/results/**",
      "**/*.js",
      "!eslint.config.js",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "error",
    },
  },
  {
    files: ["src/plan/**/*.ts", "src/render/**/*.ts", "src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: ioModules.map((group) => ({
            group: [group],
            message: "plan/, render/ and model/ are pure: no I/O modules",
          })),
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "test/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  prettier,
);
