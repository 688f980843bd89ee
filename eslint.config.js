import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Folders of the server's domains: a domain uses another only through its service. */
const DOMAINS = ["units", "auth", "opinions", "audit", "notifications", "remedies", "forums", "surveys", "satisfaction", "reports", "open311"];

const ENGINE_PATHS = [
  { name: "pg", message: "Only src/db knows the engine." },
  { name: "@electric-sql/pglite", message: "Only src/db knows the engine." },
];

const otherDomainPatterns = (domain) => ({
  group: DOMAINS.filter((d) => d !== domain).flatMap((d) => [
    `../${d}/*.queries.ts`,
    `../${d}/*.routes.ts`,
    `../${d}/*.presenter.ts`,
    `../${d}/*.channels.ts`,
    `../${d}/*.templates.ts`,
  ]),
  message: "Use another domain only through its service (ARCHITECTURE.md: dependency direction).",
});

// Routes stay thin: validate → authorise → one use case → present. SQL and the engine stay below.
const ROUTE_PATTERN = {
  group: ["**/*.queries.ts", "kysely", "@electric-sql/*"],
  message: "Routes call services, not queries or the database.",
};

// In flat config the last matching block sets a rule, so each block lists every restriction of its files.
const domainRules = DOMAINS.flatMap((domain) => [
  {
    files: [`src/${domain}/**/*.ts`],
    rules: {
      "no-restricted-imports": ["error", { paths: ENGINE_PATHS, patterns: [otherDomainPatterns(domain)] }],
    },
  },
  {
    files: [`src/${domain}/**/*.routes.ts`],
    rules: {
      "no-restricted-imports": ["error", { paths: ENGINE_PATHS, patterns: [otherDomainPatterns(domain), ROUTE_PATTERN] }],
    },
  },
]);

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "data/", "scratch/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only src/db knows which engine runs.
    files: ["src/**/*.ts"],
    ignores: ["src/db/**"],
    rules: { "no-restricted-imports": ["error", { paths: ENGINE_PATHS }] },
  },
  {
    files: ["src/**/*.routes.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ENGINE_PATHS, patterns: [ROUTE_PATTERN] }] },
  },
  ...domainRules,
  {
    // The web app imports the opinions' workflow (states and their sets): it must stay free of any import.
    files: ["src/opinions/opinions.workflow.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: ".", message: "The web app imports this module: it imports nothing." }] }],
    },
  },
  {
    // The design system imports no feature.
    files: ["web/src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/features/**", "**/pages/**"], message: "web/src/ui imports no feature." }] },
      ],
    },
  },
  {
    // One clock (src/calendar/clock.ts): "now" and "today in Vietnam" never come straight from the machine.
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Use now() from src/calendar/clock.ts." },
      ],
    },
  },
  {
    // Nothing but config.ts reads the environment.
    files: ["src/**/*.ts"],
    ignores: ["src/config.ts", "src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/config.ts." },
        { object: "Date", property: "now", message: "Use nowMs() from src/calendar/clock.ts." },
      ],
    },
  },
);
