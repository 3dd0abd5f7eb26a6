import {
  CameraOutlined,
  CloseOutlined,
  FileOutlined,
  LoadingOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import { App, Button, Image, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, call } from '../api/client';
import { ApiProblem, problemMessage } from '../api/problem';
import { useI18n } from '../i18n';
import './evidence.css';

export const fileUrl = (sha256: string) => `/api/files/${encodeURIComponent(sha256)}`;
export const thumbnailUrl = (sha256: string) => `/api/files/${encodeURIComponent(sha256)}/thumbnail`;

export interface UploadedFile {
  sha256: string;
  mime: string;
  originalName: string;
}

/**
 * Upload one evidence file (photo or PDF) attached to an entity (`hazard`, `confirmation`, …): `POST /api/files` as
 * multipart, through the typed client so the CSRF header and the 401 handling stay the same. Returns the stored
 * file (its SHA-256 is what the entity references) or throws an ApiProblem.
 */
export async function uploadEvidence(
  entityType: string,
  entityId: string,
  file: File,
  label?: string,
): Promise<UploadedFile> {
  const form = new FormData();
  form.append('entityType', entityType);
  form.append('entityId', entityId);
  if (label) form.append('label', label.slice(0, 200));
  form.append('file', file, file.name);
  const saved = await call(
    api.POST('/api/files', {
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
  if (!saved?.sha256) throw ApiProblem.fromResponse(500, null);
  return saved;
}

/** One evidence file: its thumbnail (the original on click), or a link when it has no thumbnail (a PDF). */
function Thumb({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <a href={fileUrl(sha256)} target="_blank" rel="noopener" className="sc-ev-file" title={t('hazards.evidence.open')}>
        <FileOutlined />
        <span className="sc-mono">{sha256.slice(0, 8)}</span>
      </a>
    );
  }
  return (
    <Image
      src={thumbnailUrl(sha256)}
      preview={{ src: fileUrl(sha256) }}
      width={88}
      height={88}
      className="sc-ev-thumb"
      alt={t('hazards.evidence.photo')}
      onError={() => setFailed(true)}
    />
  );
}

/** Evidence thumbnails (read-only). */
export function EvidenceGallery({ files, empty }: { files: readonly string[]; empty?: string }) {
  const { t } = useI18n();
  if (files.length === 0) {
    return <Typography.Text type="secondary">{empty ?? t('hazards.evidence.none')}</Typography.Text>;
  }
  return (
    <Image.PreviewGroup>
      <div className="sc-ev-gallery">
        {files.map((sha) => (
          <Thumb key={sha} sha256={sha} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

/**
 * Evidence to attach (a form control: value = SHA-256 list). Files are uploaded to the entity as soon as they are
 * taken or chosen; "拍照" opens the phone's camera (capture), "选择文件" the gallery or files (photos, PDF).
 */
export function EvidenceUpload({
  entityType,
  entityId,
  label,
  value,
  onChange,
  id,
  disabled,
}: {
  entityType: string;
  entityId: string;
  label: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  disabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const files = value ?? [];
  const latest = useRef(files);
  latest.current = files;

  const upload = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = [...list];
    setBusy((n) => n + chosen.length);
    for (const file of chosen) {
      try {
        const saved = await uploadEvidence(entityType, entityId, file, label);
        if (!latest.current.includes(saved.sha256)) {
          latest.current = [...latest.current, saved.sha256];
          onChange?.(latest.current);
        }
      } catch (error) {
        void message.error(`${file.name}：${problemMessage(error, locale)}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <div id={id} className="sc-stack">
      {files.length > 0 ? (
        <Image.PreviewGroup>
          <div className="sc-ev-gallery">
            {files.map((sha) => (
              <div key={sha} className="sc-ev-thumb-wrap">
                <Thumb sha256={sha} />
                {disabled ? null : (
                  <Button
                    size="small"
                    shape="circle"
                    icon={<CloseOutlined />}
                    className="sc-ev-thumb-remove"
                    aria-label={t('hazards.evidence.remove')}
                    onClick={() => onChange?.(files.filter((f) => f !== sha))}
                  />
                )}
              </div>
            ))}
          </div>
        </Image.PreviewGroup>
      ) : null}
      {disabled ? null : (
        <Space wrap>
          <Button icon={busy > 0 ? <LoadingOutlined /> : <CameraOutlined />} onClick={() => camera.current?.click()}>
            {t('hazards.evidence.takePhoto')}
          </Button>
          <Button icon={<PaperClipOutlined />} onClick={() => picker.current?.click()}>
            {t('hazards.evidence.choose')}
          </Button>
          {busy > 0 ? (
            <Typography.Text type="secondary" className="sc-small">
              {t('hazards.evidence.uploading', { n: busy })}
            </Typography.Text>
          ) : null}
        </Space>
      )}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={picker}
        type="file"
        accept="image/*,application/pdf"
        multiple
        hidden
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
