/**
 * Search and list latency on a district register (default 20,000 enterprises from the demo generator, `--enterprises N`):
 * partial Chinese name search, subdistrict-scoped list, filtered count. Prints p50/p95 in ms.
 */
import { and, eq } from 'drizzle-orm';
import { units } from '../server/db/schema/index.js';
import { loadDemo } from '../server/demo/load-demo.js';
import { benchApp, percentile } from './harness.js';

export async function benchRegistrySearch(enterprises: number) {
  const env = await benchApp();
  try {
    const loadStart = performance.now();
    await loadDemo(env.database.db, { enterprises });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const [bureau] = await env.database.db.select().from(units).where(and(eq(units.jurisdictionId, env.jurisdictionId), eq(units.code, 'yjj')));
    const session = await env.login('bureau_admin', bureau.id);
    const get = async (url: string) => {
      const t = performance.now();
      const res = await env.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      return performance.now() - t;
    };
    const terms = ['鞋业', '瑞丰', '皮革制品', '眼镜', '鸿', '温州嘉'];
    const search: number[] = [];
    const list: number[] = [];
    for (let i = 0; i < 60; i++) {
      search.push(await get(`/api/enterprises?q=${encodeURIComponent(terms[i % terms.length])}&pageSize=20`));
      list.push(await get(`/api/enterprises?industryCode=195&status=operating&page=${(i % 5) + 1}&pageSize=50`));
    }
    return {
      bench: 'registry search',
      engine: env.database.engine,
      enterprises,
      demoLoadSeconds: +loadSeconds.toFixed(1),
      searchP50Ms: +percentile(search, 50).toFixed(1),
      searchP95Ms: +percentile(search, 95).toFixed(1),
      filteredListP50Ms: +percentile(list, 50).toFixed(1),
      filteredListP95Ms: +percentile(list, 95).toFixed(1),
    };
  } finally {
    await env.close();
  }
}
