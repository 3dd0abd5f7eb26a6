import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { operatingStatusLabels, scaleLabels } from '../../../domain/registry-labels.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { neutraliseCell, registerColumns } from './import/columns.js';
import { iterateEnterprises, type EnterpriseFilter } from './queries.js';

/**
 * Stream the filtered register as .xlsx in the import layout (so an export can be edited and imported back).
 * Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe.
 */
export function exportEnterprises(
  db: Db,
  actor: Actor,
  filter: EnterpriseFilter,
  onError: (err: unknown) => void,
): PassThrough {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('企业名录');
  sheet.columns = registerColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    for await (const e of iterateEnterprises(db, actor, filter)) {
      const values: Record<string, string | number | null> = {
        uscc: e.uscc,
        name: e.name,
        legalRepresentative: e.legalRepresentative,
        registeredAddress: e.registeredAddress,
        operatingAddress: e.operatingAddress,
        subdistrict: e.subdistrictName,
        industry: `${e.industryCode} ${e.industryName}`,
        scale: scaleLabels[e.scale].zh,
        employeeCount: e.employeeCount,
        contactName: e.contactName,
        contactPhone: e.contactPhone,
        safetyManagerName: e.safetyManagerName,
        safetyManagerPhone: e.safetyManagerPhone,
        operatingStatus: operatingStatusLabels[e.operatingStatus].zh,
        park: e.parkName,
        hostUscc: e.hostUscc,
      };
      for (const [k, v] of Object.entries(values)) if (typeof v === 'string') values[k] = neutraliseCell(v);
      sheet.addRow(values).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => {
    onError(err);
    stream.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return stream;
}
