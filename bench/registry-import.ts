/**
 * Import of a district-size register spreadsheet: N rows (default 50,000, `--rows N`), 1 % of them bad.
 * The .xlsx is produced by LibreOffice from a CSV when `soffice` is installed (as an office user would),
 * otherwise by exceljs. Prints rows/s, the time to the error file, and peak memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { units } from '../server/db/schema/index.js';
import { companyName, demoIndustries, demoUscc, mobile, personName } from '../server/demo/names.js';
import { Random } from '../server/demo/random.js';
import { registerColumns } from '../server/modules/registry/import/columns.js';
import { benchApp, withPeakRss } from './harness.js';

const subdistrictNames = ['五马街道', '七都街道', '滨江街道', '南汇街道', '松台街道', '双屿街道', '仰义街道', '大南街道', '蒲鞋市街道', '南郊街道', '广化街道', '丰门街道', '藤桥镇', '山福镇'];

export function registerCsvRows(n: number, badEvery = 100): string[][] {
  const r = new Random(7);
  const names = new Set<string>();
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const g = r.weighted(demoIndustries.map((x) => [x, x.weight] as const));
    const legal = personName(r);
    let uscc = demoUscc(1_000_000 + i);
    if (badEvery > 0 && i % badEvery === badEvery - 1) uscc = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    const values: Record<string, string> = {
      uscc,
      name: companyName(r, g.word, names),
      legalRepresentative: legal,
      registeredAddress: `温州市鹿城区${r.pick(subdistrictNames)}某路${r.int(1, 399)}号`,
      operatingAddress: '',
      subdistrict: r.pick(subdistrictNames),
      industry: r.pick(g.codes),
      scale: r.pick(['微型', '小型', '中型']),
      employeeCount: String(r.int(3, 500)),
      contactName: legal,
      contactPhone: mobile(r),
      safetyManagerName: personName(r),
      safetyManagerPhone: mobile(r),
      operatingStatus: '在营',
      park: '',
      hostUscc: '',
    };
    rows.push(registerColumns.map((c) => values[c.key] ?? ''));
  }
  return rows;
}

async function toXlsx(rows: string[][]): Promise<{ bytes: Buffer; producer: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'safecomply-xlsx-'));
  const hasSoffice = (() => {
    try {
      execFileSync('soffice', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (hasSoffice) {
    const csv = path.join(dir, 'register.csv');
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    writeFileSync(csv, [registerColumns.map((c) => c.header), ...rows].map((r) => r.map(quote).join(',')).join('\n'));
    // 76 = UTF-8; text columns stay text (column 1 is the USCC, 7 the industry code)
    execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore', timeout: 300_000 });
    const out = path.join(dir, 'register.xlsx');
    if (existsSync(out)) return { bytes: readFileSync(out), producer: 'LibreOffice (soffice --convert-to xlsx)' };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业名录');
  sheet.addRow(registerColumns.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), producer: 'exceljs (install libreoffice-calc to bench the LibreOffice file)' };
}

export async function benchRegistryImport(rowsCount: number) {
  const rows = registerCsvRows(rowsCount);
  const { bytes, producer } = await toXlsx(rows);
  const env = await benchApp();
  try {
    const [bureau] = await env.database.db.select().from(units).where(and(eq(units.jurisdictionId, env.jurisdictionId), eq(units.code, 'yjj')));
    const session = await env.login('bureau_admin', bureau.id);
    const { result, peakRssMb } = await withPeakRss(async () => {
      const started = performance.now();
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/enterprise-imports?fileName=bench.xlsx',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: bytes,
      });
      const accepted = performance.now();
      if (res.statusCode !== 202) throw new Error(`upload refused: ${res.body}`);
      await env.jobs.drain();
      const done = performance.now();
      const imp = await env.app.inject({ method: 'GET', url: `/api/enterprise-imports/${res.json().importId}`, headers: { cookie: session.cookie } });
      const job = await env.app.inject({ method: 'GET', url: `/api/jobs/${res.json().jobId}`, headers: { cookie: session.cookie } });
      return { acceptMs: accepted - started, totalMs: done - started, imp: imp.json() as Record<string, unknown>, timings: (job.json() as { result: { timings?: unknown } }).result?.timings };
    });
    return {
      bench: 'registry import',
      engine: env.database.engine,
      file: `${rowsCount} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, by ${producer}`,
      uploadAcceptedSeconds: +(result.acceptMs / 1000).toFixed(2),
      importSeconds: +(result.totalMs / 1000).toFixed(1),
      rowsPerSecond: Math.round(rowsCount / (result.totalMs / 1000)),
      created: result.imp.createdCount,
      errorRows: result.imp.errorRowCount,
      status: result.imp.status,
      peakRssMb,
      phasesMs: result.timings,
    };
  } finally {
    await env.close();
  }
}
