/**
 * The targets of `scripts/sqlmap.sh`, derived from the running server's OpenAPI document, one per line on stdout:
 * `<role>\t<url>\t<parameters>` (role `bureau` or `admin`: whose session cookie to send; parameters for sqlmap's
 * `-p`, empty for a path target whose injection point is marked `*` in the url).
 *
 * What is tested: every GET route's free-text query parameters (strings without a format or an enumeration: they
 * reach SQL as values) and the sort keys (`sort`, `order`: the classic ORDER BY hole), and the free-text path
 * parameters (plus one uuid path as a sample). Parameters typed uuid, date-time, integer, boolean or an enumeration
 * are refused by the request schema before any SQL runs (server/security/fuzz-inputs.test.ts) and are left out to keep
 * the run short. Each url carries real values from the demo data, so sqlmap compares against a real answer (200
 * with rows) rather than a 404. A target is kept only when it answers 200 to the bureau administrator
 * (demo.bureau), else to the system administrator (demo.admin); the rest are named on stderr.
 *
 * Environment: SQLMAP_BASE_URL, BUREAU_COOKIE, ADMIN_COOKIE (`sc_session=…`).
 */

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema: { type?: string; format?: string; enum?: unknown[]; anyOf?: unknown[]; pattern?: string };
}
interface OpenApi {
  paths: Record<string, { get?: { parameters?: Parameter[] } }>;
}

const baseUrl = process.env.SQLMAP_BASE_URL!;
const cookies = { bureau: process.env.BUREAU_COOKIE!, admin: process.env.ADMIN_COOKIE! };

async function get(path: string, role: keyof typeof cookies = 'bureau') {
  return fetch(`${baseUrl}${path}`, { headers: { cookie: cookies[role] } });
}

async function json<T>(path: string, role: keyof typeof cookies = 'bureau'): Promise<T> {
  const res = await get(path, role);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Real values from the demo data, by parameter (and route where one name means different things). */
async function sampleValues(): Promise<(route: string, name: string) => string | undefined> {
  type Page<T> = { items: T[] };
  const [enterprise] = (await json<Page<{ id: string }>>('/api/enterprises?pageSize=1')).items;
  type DocumentRow = {
    id: string;
    kind: string;
    holder: { id?: string | null } | null;
    subject: { type: string; id: string };
  };
  const document = (await json<Page<DocumentRow>>('/api/documents?pageSize=50')).items.find(
    (d) => d.holder?.id,
  );
  const verifyUrl = document
    ? (await json<{ verifyUrl?: string }>(`/api/documents/${document.id}`)).verifyUrl
    : undefined;
  const [hazard] = (await json<Page<{ id: string }>>('/api/hazards?pageSize=1')).items;
  const files = hazard
    ? await json<{ sha256: string }[]>(`/api/files?entityType=hazard&entityId=${hazard.id}`)
    : [];
  const byRoute: Record<string, Record<string, string | undefined>> = {
    '/api/users': { q: 'demo' },
    '/api/agencies': { q: '安全' },
    '/api/documents': {
      kind: document?.kind,
      holderId: document?.holder?.id ?? undefined,
      subjectType: document?.subject?.type,
      subjectId: document?.subject?.id,
    },
    '/api/files': { entityType: 'hazard', entityId: hazard?.id },
    '/api/audit/events': { kind: 'enterprise.created', entityType: 'enterprise', entityId: enterprise?.id },
  };
  const byName: Record<string, string | undefined> = {
    q: '鞋',
    industryCode: '1952',
    sort: 'name',
    order: 'asc',
    from: '2026-01-05',
    days: '5',
    key: 'auth.lockoutThreshold',
    jurisdiction: '330302',
    code: verifyUrl?.split('/').pop(),
    sha256: files[0]?.sha256,
    id: enterprise?.id,
  };
  return (route, name) => byRoute[route]?.[name] ?? byName[name];
}

const isFreeText = (p: Parameter) =>
  p.schema.type === 'string' && !p.schema.format && !p.schema.enum && !p.schema.anyOf;
const isSortKey = (p: Parameter) => p.name === 'sort' || p.name === 'order';

async function main() {
  const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApi;
  const sample = await sampleValues();
  const targets: { url: string; params: string[] }[] = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    const parameters = item.get?.parameters ?? [];
    const pathParams = parameters.filter((p) => p.in === 'path');
    const queryParams = parameters.filter((p) => p.in === 'query');
    const tested = queryParams.filter((p) => isFreeText(p) || isSortKey(p));
    const required = queryParams.filter((p) => p.required && !tested.includes(p));
    const pathTarget =
      pathParams.length === 1 && (isFreeText(pathParams[0]) || route === '/api/enterprises/{id}')
        ? pathParams[0]
        : null;
    if (pathParams.length > 0 && !pathTarget) {
      if (tested.length > 0) console.error(`not tested: GET ${route} (its path parameters are typed)`);
      continue;
    }
    if (!pathTarget && tested.length === 0) continue;
    if (pathTarget) {
      // sqlmap tests only the point marked `*` in a url that has one
      const value = sample(route, pathTarget.name);
      if (!value) {
        console.error(`not tested: GET ${route} (no value for ${pathTarget.name} in the demo data)`);
        continue;
      }
      if (tested.length > 0) console.error(`query of GET ${route} not tested (only its path)`);
      const query = new URLSearchParams(required.map((p) => [p.name, sample(route, p.name) ?? 'a']));
      const path = route.replace(`{${pathTarget.name}}`, `${encodeURIComponent(value)}*`);
      targets.push({ url: query.size > 0 ? `${path}?${query.toString()}` : path, params: [] });
      continue;
    }
    const query = new URLSearchParams(
      [...tested, ...required].map((p) => [p.name, sample(route, p.name) ?? 'a']),
    );
    targets.push({ url: `${route}?${query.toString()}`, params: tested.map((p) => p.name) });
  }

  for (const t of targets) {
    const probeUrl = t.url.replace('*', '');
    let role: keyof typeof cookies | null = null;
    for (const r of ['bureau', 'admin'] as const) {
      const res = await get(probeUrl, r);
      await res.arrayBuffer();
      if (res.status === 200) {
        role = r;
        break;
      }
    }
    if (!role) {
      console.error(`not tested: GET ${t.url} (neither demo.bureau nor demo.admin gets 200)`);
      continue;
    }
    console.log(`${role}\t${baseUrl}${t.url}\t${t.params.join(',')}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
