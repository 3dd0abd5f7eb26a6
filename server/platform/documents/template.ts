import type { Static, TObject } from 'typebox';
import type { SettingKey } from '../../../domain/settings.js';

/** What the issuing gives a template besides its data: the facts printed on every document. */
export interface RenderFacts {
  /** the official number (文号) */
  number: string;
  issuedAt: Date;
  /** the issuing authority, e.g. 温州市鹿城区应急管理局 */
  issuerName: string;
  verificationCode: string;
  /** what the QR code opens */
  verifyUrl: string;
  /** a sample from posted data: watermarked, numbered with a placeholder, not verifiable */
  preview: boolean;
}

/**
 * A kind of official document: typed data in, pages drawn with pdfkit. A template never reads the database or the
 * clock: everything it prints comes from `data` and `facts`, so the stored snapshot re-renders the same bytes.
 * Changing what a template draws changes old documents' bytes: add a new `version` and keep the old one registered.
 */
export interface DocumentTemplate<S extends TObject = TObject> {
  kind: string;
  /** zh-CN name of the kind, shown on the verification page */
  label: string;
  version: number;
  /** validates `data` on issue and on preview */
  schema: S;
  /** the jurisdiction setting holding this kind's number pattern */
  numberPatternKey: SettingKey;
  layout: 'portrait' | 'landscape';
  /** page margins in points for flowing text (absolutely placed parts may go outside them) */
  margins: { top: number; bottom: number; left: number; right: number };
  /** rules across fields the schema cannot state (dates in order …); field names are paths in `data` */
  check?(data: Static<S>): { field: string; message: string }[];
  /** sample data for previews and tests */
  sample(): Static<S>;
  render(doc: PDFKit.PDFDocument, data: Static<S>, facts: RenderFacts): void;
}

export function defineTemplate<S extends TObject>(template: DocumentTemplate<S>): DocumentTemplate<S> {
  return template;
}

const registry = new Map<string, Map<number, DocumentTemplate>>();

/** Modules register their templates (every version still needed to re-render issued documents) at setup. */
export function registerTemplate<S extends TObject>(template: DocumentTemplate<S>): void {
  const versions = registry.get(template.kind) ?? new Map<number, DocumentTemplate>();
  const existing = versions.get(template.version);
  if (existing && existing !== (template as unknown as DocumentTemplate)) {
    throw new Error(`document template ${template.kind} v${template.version} registered twice`);
  }
  versions.set(template.version, template);
  registry.set(template.kind, versions);
}

/** The template of a kind: the given version, or the newest one for new documents. */
export function findTemplate(kind: string, version?: number): DocumentTemplate | undefined {
  const versions = registry.get(kind);
  if (!versions) return undefined;
  if (version !== undefined) return versions.get(version);
  return versions.get(Math.max(...versions.keys()));
}

export function documentKindLabel(kind: string): string {
  return findTemplate(kind)?.label ?? kind;
}

export function documentKinds(): { kind: string; label: string; version: number }[] {
  return [...registry.keys()].sort().map((kind) => {
    const t = findTemplate(kind)!;
    return { kind, label: t.label, version: t.version };
  });
}
