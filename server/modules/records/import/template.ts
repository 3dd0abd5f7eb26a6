import ExcelJS from 'exceljs';
import { gradeByLabel, importSheets } from './columns.js';

const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

function listValidation(values: string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '请选择',
    error: `请填写：${values.join('、')}`,
  };
}

/**
 * The import template: the sheets 事故, 处罚 and 失信 with their Chinese headers (required ones shaded), an example
 * row to overwrite, drop-downs for the grade and 是/否, text-formatted code and date columns, and a 说明 sheet.
 */
export async function buildRecordsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const definition of importSheets) {
    const sheet = workbook.addWorksheet(definition.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = definition.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    definition.columns.forEach((c, i) => {
      if (c.required) header.getCell(i + 1).fill = requiredFill;
      // codes and dates stay text, so that Excel neither rounds an 18-character code nor reformats a date
      if (c.key === 'uscc' || /On$|Date$/.test(c.key)) sheet.getColumn(i + 1).numFmt = '@';
    });
    sheet.addRow(Object.fromEntries(definition.columns.map((c) => [c.key, c.example])));
    const lists: Record<string, string[]> = { grade: Object.keys(gradeByLabel), workSafety: ['是', '否'] };
    definition.columns.forEach((c, i) => {
      const values = lists[c.key];
      if (!values) return;
      const letter = sheet.getColumn(i + 1).letter;
      for (let row = 2; row <= 1001; row++)
        sheet.getCell(`${letter}${row}`).dataValidation = listValidation(values);
    });
  }
  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 100;
  [
    '不良记录导入说明',
    '1. 按工作表“事故”“处罚”“失信”分别填写，不需要的工作表可以删除或留空；列按表头名称识别，顺序不限。',
    '2. 底色标出的列为必填。企业按“统一社会信用代码”识别，须为本辖区企业名录中已有的企业；“企业名称”仅供核对。',
    '3. 日期填写为 2026-03-12 的格式；事故日期和处罚日期不能晚于导入当天。',
    '4. 事故等级填写 一般、较大、重大 或 特别重大；“是否安全生产处罚”填写 是 或 否。',
    '5. 第 2 行为示例，请覆盖或删除后再导入。',
    '6. 导入时先检查全部行：有任何错误则不导入任何记录，并逐行列出错误；全部无误才一次写入。',
  ].forEach((text, i) => {
    help.getCell(`A${i + 1}`).value = text;
    if (i === 0) help.getCell('A1').font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
