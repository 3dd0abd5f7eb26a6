import { chineseDate, chineseLastDay } from '../../platform/documents/format.js';
import { documentStatusLabels } from '../../platform/documents/status.js';
import type { VerificationView } from './queries.js';

/**
 * The public verification page a QR code opens: plain server-rendered HTML, readable on a phone, Chinese, no
 * script, stating what the verification API states and nothing else.
 */
const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const statusColours: Record<VerificationView['status'], string> = {
  valid: '#1a7f37',
  superseded: '#9a6700',
  revoked: '#cf222e',
  expired: '#6e7781',
};

const toneColours: Record<NonNullable<VerificationView['subjectStatus']>['tone'], string> = {
  ok: '#1a7f37',
  warning: '#9a6700',
  bad: '#cf222e',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; background: #f4f5f7; color: #1f2328; }
  main { max-width: 560px; margin: 0 auto; padding: 20px 16px 40px; }
  h1 { font-size: 20px; margin: 8px 0 16px; }
  .card { background: #fff; border-radius: 10px; padding: 18px 18px 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .status { display: inline-block; color: #fff; border-radius: 6px; padding: 6px 14px; font-size: 18px; font-weight: 600; margin-bottom: 14px; }
  dl { margin: 0; }
  dt { color: #656d76; font-size: 14px; margin-top: 10px; }
  dd { margin: 2px 0 10px; font-size: 17px; word-break: break-all; }
  .subject { font-size: 17px; font-weight: 600; border-left: 4px solid; padding: 4px 10px; margin: 0 0 10px; }
  p.note { color: #656d76; font-size: 13px; line-height: 1.6; margin-top: 18px; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

export function verificationPage(view: VerificationView): string {
  const rows: [string, string][] = [
    ['文书种类', view.kindLabel],
    ['文号', view.number],
    ['持有人', view.holder],
    ['签发日期', chineseDate(new Date(view.issuedAt))],
  ];
  if (view.validUntil) rows.push(['有效期至', chineseLastDay(new Date(view.validUntil))]);
  const statusText = documentStatusLabels[view.status];
  const subject = view.subjectStatus;
  const subjectLine = subject
    ? `<p class="subject" style="color:${toneColours[subject.tone]};border-color:${toneColours[subject.tone]}">${escape(subject.label)}</p>\n`
    : '';
  return page(
    `文书核验：${view.number}`,
    `<h1>文书核验结果</h1>
<div class="card">
<div class="status" style="background:${statusColours[view.status]}">${escape(statusText)}</div>
${subjectLine}<dl>
${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('\n')}
<dt>当前状态</dt><dd>${escape(statusText)}</dd>
</dl>
</div>
<p class="note">本页面依据文书上的核验码查询签发机关登记的文书信息。请核对纸质文书上的文号、持有人与本页面一致；如状态不是“有效”，该文书不能作为有效凭证。</p>`,
  );
}

export function notFoundPage(): string {
  return page(
    '未找到该文书',
    `<h1>未找到该文书</h1>
<div class="card"><p>没有与该核验码对应的文书。请核对二维码或核验网址是否完整；如有疑问，请联系签发机关。</p></div>`,
  );
}
