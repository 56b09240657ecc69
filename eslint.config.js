import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import pluginQuery from "@tanstack/eslint-plugin-query";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import checkFile from "eslint-plugin-check-file";
import globals from "globals";

/**
 * The dashboard's layers, top to bottom; a layer imports only the layers below it, never one above:
 *   app (router, shell, providers) → features/* (one folder per view) → components (shared UI)
 *   → lib (data layer: sources, paths, SDK clients, query keys and options, mutations, polling) → config → core
 * (pure: no React, no I/O). A feature never imports another feature; the router composes them. src/testing holds
 * test data: only tests import it.
 */
const FEATURES = ["pipelines", "pipeline", "definition", "approvals", "wall"];
const above = {
  core: ["app", "features", "components", "lib", "config", "testing"],
  config: ["app", "features", "components", "lib", "testing"],
  lib: ["app", "features", "components", "testing"],
  components: ["app", "features", "testing"],
  features: ["app", "testing"],
  app: ["testing"],
};
const layerZones = [
  ...Object.entries(above).map(([layer, forbidden]) => ({
    target: `./src/${layer}`,
    from: forbidden.map((name) => `./src/${name}`),
    message: `${layer} may import only the layers below it (app → features → components → lib → config → core).`,
  })),
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: "./src/features",
    except: [`./${feature}`],
    message: "A feature never imports another feature: move what both need down a layer, or compose them in src/app.",
  })),
];

/** Core is pure: the SDK's types are its contract, its clients and every UI library are not. */
const CORE_FORBIDDEN_PACKAGES = [
  { group: ["react", "react-*", "react/*", "@tanstack/*", "@radix-ui/*", "@xyflow/react", "codemirror", "@codemirror/*"], message: "src/core is pure: no React or UI library." },
  { group: ["@aws-sdk/*", "@smithy/*"], allowTypeImports: true, message: "src/core uses the SDK's types only; calls belong in src/lib/aws." },
];
const IO_GLOBALS = ["fetch", "window", "document", "localStorage", "sessionStorage", "navigator", "location", "XMLHttpRequest", "WebSocket"].map(
  (name) => ({ name, message: "src/core does no I/O: pass what it needs in." }),
);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "playwright-report/", "bench/results/", "deploy/cdk.out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs["flat/recommended"],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every query through an options factory of src/lib/aws: keys and cadence are never written inline.
      "@tanstack/query/prefer-query-options": "error",
    },
  },
  // Import resolution for the layer rules, here for src/ and for a block of the emulator's own layers (emulator/).
  {
    files: ["src/**/*.{ts,tsx}", "emulator/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"] })],
      // no-cycle reads the imported modules itself: with the TypeScript parser.
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
  },
  // The dashboard's layers.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "check-file": checkFile },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "check-file/filename-naming-convention": ["error", { "src/**/*.{ts,tsx,css}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }],
      "check-file/folder-naming-convention": ["error", { "src/**/": "KEBAB_CASE" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: CORE_FORBIDDEN_PACKAGES }],
      "no-restricted-globals": ["error", ...IO_GLOBALS],
    },
  },
  // vite.config.ts imports src/config: Node's own loader (Vite's `configLoader: 'native'`) needs file extensions there.
  {
    files: ["vite.config.ts", "src/config/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    plugins: { "import-x": importX },
    rules: { "import-x/extensions": ["error", "always", { ignorePackages: true, checkTypeImports: true }] },
  },
  // Tests may use the fixtures in src/testing, whatever layer they test.
  {
    files: ["src/**/*.test.{ts,tsx}"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: layerZones.map((zone) => ({ ...zone, from: [zone.from].flat().filter((from) => from !== "./src/testing") })).filter((zone) => zone.from.length > 0) }] },
  },
  ...(await import("./emulator/eslint-layers.js")).default,
);
