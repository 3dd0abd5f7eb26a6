/**
 * Layering rules (docs/ARCHITECTURE.md, "Layering rules"), checked by `npm run deps:check` inside `npm run check`.
 *
 * A module's public surface is the set of files other modules may import:
 *   server/modules/<m>/index.ts, events.ts, policy.ts, queries.ts, commands/*.ts
 * Everything else in a module folder (routes, schemas, jobs, documents, helpers) is internal.
 * A module reads and writes only its own tables: server/db/schema/<m>.ts, plus the platform tables
 * (server/db/schema/platform.ts: events, settings, jobs) and the reference data (server/db/schema/reference.ts:
 * jurisdictions, units) — never the schema barrel (index.ts), which exports everyone's.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules shared by server and web: it imports nothing of server/, web/ or test/, and no I/O.',
      severity: 'error',
      from: { path: '^domain/' },
      to: {
        path: [
          '^(server|web|test|scripts)/',
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|dgram|cluster)$',
        ],
      },
    },
    {
      name: 'web-not-server',
      comment:
        'The web UI talks to the server over HTTP only (types come from the generated OpenAPI client).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|test|scripts)/' },
    },
    {
      name: 'platform-not-modules',
      comment:
        'server/platform is below the modules: it never imports them (modules register hooks into it instead). A platform test may use a module as a fixture.',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'module-public-surface',
      comment:
        'A module uses another module only through its public files: index.ts, events.ts, policy.ts, queries.ts, commands/*.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: [
          '^server/modules/$1/',
          '^server/modules/[^/]+/(index|events|policy|queries)\\.ts$',
          '^server/modules/[^/]+/commands/[^/]+\\.ts$',
        ],
      },
    },
    {
      name: 'module-own-tables',
      comment:
        "A module touches only its own tables (server/db/schema/<module>.ts), the platform tables and the reference data (jurisdictions, units); other modules' data goes through their exported functions. Tests may arrange any state.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^server/db/schema/',
        pathNot: ['^server/db/schema/$1\\.ts$', '^server/db/schema/(platform|reference)\\.ts$'],
      },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Production code never imports test helpers or test files.',
      severity: 'error',
      from: { path: '^(server|domain|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^test/', '\\.test\\.tsx?$'] },
    },
    {
      name: 'no-circular',
      comment:
        'Circular imports make load order matter and usually mean two things should be one, or a third. Type-only imports erase at compile time and may close a loop (errors/codes/*.ts ↔ catalogue.ts).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Import only packages declared in package.json (a hoisted transitive dependency can vanish).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^server/db/migrations/', '^web/dist/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
