/**
 * The adverse-records import in the authorization matrix: its routes' entries and the files they upload. Used by
 * authz-matrix.test.ts, which owns the roles, sessions and checks.
 * Not a *.test.ts file, so it may not import test/ (no-test-code-in-production).
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Target {
  enterpriseUscc: string;
}
interface MatrixRequest {
  url: string;
  raw?: { payload: Buffer; contentType: string };
}
type RecordsImportEntry<R extends string> =
  | { own: string; call: () => MatrixRequest }
  | {
      refused: readonly R[];
      call: (f: Target) => MatrixRequest;
      alsoAccept?: { status: number; code: string; why: string };
    };

/**
 * A well-formed adverse-records workbook: one accident of the enterprise with this code, so that what answers is
 * the role gate or the register lookup, not the reader.
 */
export async function recordsImportFile(uscc: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事故');
  sheet.addRow(['统一社会信用代码', '事故日期', '事故等级', '事故简况']);
  sheet.addRow([uscc, '2025-06-02', '一般', '越权导入']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipartFile(bytes: Buffer) {
  const boundary = `----matrix${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.xlsx"\r\nContent-Type: ${xlsxType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * routeMatrix entries of the import routes. Only the bureau administrator imports; it is pointed at the other
 * jurisdiction's enterprise, whose code its register does not hold, so the file is refused as a whole (400
 * RECORDS_IMPORT_INVALID, a row error) and nothing is written. `files` holds a workbook per foreign enterprise code,
 * filled by the test's setup (the matrix's calls are synchronous).
 */
export function recordsImportEntries<R extends string>(
  all: readonly R[],
  /** every role but the bureau administrator */
  notBureauAdmin: readonly R[],
  files: ReadonlyMap<string, Buffer>,
): Record<string, RecordsImportEntry<R>> {
  return {
    'GET /api/records/import-template': {
      refused: notBureauAdmin,
      call: () => ({ url: '/api/records/import-template' }),
    },
    'POST /api/records/import': {
      refused: all,
      call: (f) => {
        const bytes = files.get(f.enterpriseUscc);
        if (!bytes)
          throw new Error(`no import file for ${f.enterpriseUscc}: call recordsImportFile in the setup`);
        return { url: '/api/records/import', raw: multipartFile(bytes) };
      },
      alsoAccept: {
        status: 400,
        code: 'RECORDS_IMPORT_INVALID',
        why: 'the bureau administrator may import; an enterprise of another jurisdiction is unknown to its register: a row error',
      },
    },
  };
}
