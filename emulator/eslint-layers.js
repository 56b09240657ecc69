// The emulator's layers, enforced: imports only point down, and nothing imports in a circle.
//
//   cli.ts → server.ts                              the process, and createServer (no side effects)
//   protocol/ · sts/ · cognito/ · control/          AWS JSON services, STS Query, Cognito, the control API,
//   appsync/                                        AppSync Events (live updates' WebSocket and publish)
//   auth/ → http/                                   keys and SigV4; HTTP bodies, CORS, answers
//   handlers/                                       one module per CodePipeline operation
//   engine/                                         the simulation (scenario runtime and loading included)
//   state/                                          plain records of the world
//   demo/ · scenarios/                              scenarios as data (what the world starts as)
//   errors/ · scenario/                             shared vocabulary: AWS errors, the scenario format
//
// A layer may import any layer below it, never one above; demo/ and scenarios/ only the shared
// vocabulary. Tests (*.test.ts) are no layer: they may drive any of them. See emulator/README.md, Layout.
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

const dir = (path) => `./emulator/src/${path}`;

const TOP = ["cli.ts", "server.ts"];
const ADAPTERS = ["protocol", "sts", "cognito", "control", "appsync"];
const TRANSPORT = ["auth", "http"];
const DATA = ["demo", "scenarios"];
const VOCABULARY = ["errors", "scenario"];

/** [layer, what it must not import]: everything above it. */
const ZONES = [
  ["server.ts", ["cli.ts"]],
  ...ADAPTERS.map((layer) => [layer, TOP]),
  ["auth", [...TOP, ...ADAPTERS]],
  ["http", [...TOP, ...ADAPTERS, "auth"]],
  ["handlers", [...TOP, ...ADAPTERS, ...TRANSPORT, ...DATA]],
  ["engine", [...TOP, ...ADAPTERS, ...TRANSPORT, ...DATA, "handlers"]],
  ["state", [...TOP, ...ADAPTERS, ...TRANSPORT, ...DATA, "handlers", "engine"]],
  ...DATA.map((layer) => [layer, [...TOP, ...ADAPTERS, ...TRANSPORT, "handlers", "engine", "state"]]),
  ...VOCABULARY.map((layer) => [layer, [...TOP, ...ADAPTERS, ...TRANSPORT, ...DATA, "handlers", "engine", "state"]]),
];

export default [
  {
    files: ["emulator/src/**/*.ts"],
    ignores: ["emulator/src/**/*.test.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js"] })],
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: ZONES.map(([target, from]) => ({
            target: dir(target),
            from: from.map(dir),
            message: `emulator layers: ${target} must not import a layer above it (see emulator/eslint-layers.js)`,
          })),
        },
      ],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
];
