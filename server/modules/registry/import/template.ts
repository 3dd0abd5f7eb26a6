import ExcelJS from 'exceljs';
import { operatingStatusLabels, scaleLabels } from '../../../../domain/registry-labels.js';
import { registerColumns } from './columns.js';

/** The import template: Chinese headers, an example row, and drop-downs fed from a hidden lists sheet. */
export async function buildTemplate(refs: {
  subdistricts: string[];
  industries: { code: string; name: string }[];
  parks: string[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  const lists = workbook.addWorksheet('选项', { state: 'veryHidden' });
  sheet.columns = registerColumns.map((c) => ({
    header: c.required ? `${c.header}` : c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  registerColumns.forEach((c, i) => {
    if (c.required)
      sheet.getRow(1).getCell(i + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFF2CC' },
      };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const columnsOfLists: [string, string[]][] = [
    ['subdistrict', refs.subdistricts],
    ['industry', refs.industries.filter((i) => /^\d{4}$/.test(i.code)).map((i) => `${i.code} ${i.name}`)],
    ['scale', Object.values(scaleLabels).map((l) => l.zh)],
    ['operatingStatus', Object.values(operatingStatusLabels).map((l) => l.zh)],
    ['park', refs.parks],
  ];
  columnsOfLists.forEach(([key, values], listIndex) => {
    const letter = String.fromCharCode(65 + listIndex);
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 1}`).value = v));
    if (values.length === 0) return;
    const colIndex = registerColumns.findIndex((c) => c.key === key) + 1;
    const colLetter = sheet.getColumn(colIndex).letter;
    for (let row = 2; row <= 1001; row++) {
      sheet.getCell(`${colLetter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${letter}$1:$${letter}$${values.length}`],
        showErrorMessage: true,
        errorTitle: '请选择',
        error: '请从下拉列表中选择',
      };
    }
  });
  sheet.getColumn(1).numFmt = '@';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
