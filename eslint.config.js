// ESLint flat config: type-checked typescript-eslint, Prettier last, and the
// I/O part of the layer rules of docs/lifecycle.md (plan/, render/ and model/
// stay pure); which src/ folder may import which is .dependency-cruiser.mjs.
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
      "**/*.cjs",
      "!eslint.config.js",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", ".dependency-cruiser.mjs"] },
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
    // Lazy imports stay visible to the layer checker (.dependency-cruiser.mjs).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.type!='Literal']",
          message: "import() takes a string literal, so the layer rules see the dependency",
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
