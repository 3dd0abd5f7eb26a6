import type { ErrorSpec } from '../catalogue.js';

export const documentErrors = {
  // documents
  DOCUMENT_NOT_FOUND: { status: 404, zh: '文书不存在或无权查看', en: 'No such document' },
  DOCUMENT_KIND_UNKNOWN: { status: 404, zh: '未知的文书种类', en: 'Unknown document kind' },
  DOCUMENT_DATA_INVALID: { status: 400, zh: '文书内容不完整或格式不正确', en: 'The document data is invalid' },
  DOCUMENT_ALREADY_SUPERSEDED: {
    status: 409,
    zh: '该文书已被更正文书替代，不能再次更正或撤销',
    en: 'The document has already been superseded',
  },
  DOCUMENT_ALREADY_REVOKED: { status: 409, zh: '该文书已撤销', en: 'The document has already been revoked' },
  DOCUMENT_RENDER_MISMATCH: {
    status: 500,
    zh: '文书重新生成的内容与签发时不一致，请联系管理员',
    en: 'The re-rendered document does not match the issued one',
  },
  VERIFY_CODE_NOT_FOUND: { status: 404, zh: '未找到该文书，请核对核验码', en: 'No document with this verification code' },

  // evidence files
  FILE_MISSING: { status: 400, zh: '请选择要上传的文件', en: 'No file in the upload' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过大小上限', en: 'The file is larger than allowed' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持的文件类型，仅支持 JPEG、PNG、WebP、HEIC 图片和 PDF 文件',
    en: 'File type not allowed (JPEG, PNG, WebP, HEIC images and PDF only)',
  },
  FILE_UNREADABLE: { status: 400, zh: '文件已损坏或无法读取', en: 'The file is damaged or unreadable' },
  FILE_NOT_FOUND: { status: 404, zh: '文件不存在或无权查看', en: 'No such file' },
  FILE_NO_THUMBNAIL: { status: 404, zh: '该文件没有缩略图', en: 'The file has no thumbnail' },
  FILE_ENTITY_NOT_SUPPORTED: {
    status: 403,
    zh: '不能向该类记录上传文件',
    en: 'Files cannot be attached to this kind of record',
  },
} as const satisfies Record<string, ErrorSpec>;
