import {
  CameraOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  CloseOutlined,
  FileOutlined,
  LoadingOutlined,
  MinusCircleOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Input, Switch, Tag, Tooltip, Typography, Upload } from 'antd';
import { memo, useState, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { fileUrl, readinessKey, thumbnailUrl, uploadFile } from '../readiness/queries';
import {
  answerBody,
  applyPatch,
  canSave,
  withAnswer,
  type Answer,
  type AnswerPatch,
  type AnswerResult,
  type InspectionDetail,
} from './inspections-logic';
import { inspectionKey } from './queries';

const results: { value: AnswerResult; icon: ReactNode; color: 'green' | 'red' | 'default' }[] = [
  { value: 'compliant', icon: <CheckCircleOutlined />, color: 'green' },
  { value: 'non_compliant', icon: <CloseCircleOutlined />, color: 'red' },
  { value: 'not_applicable', icon: <MinusCircleOutlined />, color: 'default' },
];

const resultColor: Record<AnswerResult, string> = { compliant: 'green', non_compliant: 'red', not_applicable: 'default' };

/**
 * Save one answer at once, optimistically: the cache shows the change (and the progress moves) before the server
 * answers; a refusal puts the previous answer back. Saves of one item run one after another (mutation scope).
 */
function useSaveAnswer(inspectionId: string, itemCode: string) {
  const queryClient = useQueryClient();
  const key = inspectionKey(inspectionId);
  return useMutation({
    scope: { id: `inspection-answer-${inspectionId}-${itemCode}` },
    mutationFn: (next: Answer) =>
      call(
        api.PUT('/api/inspections/{id}/answers/{code}', {
          params: { path: { id: inspectionId, code: itemCode } },
          body: answerBody(next),
        }),
      ),
    onMutate: async (next: Answer) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<InspectionDetail>(key)?.answers.find((a) => a.itemCode === itemCode);
      queryClient.setQueryData<InspectionDetail>(key, (d) => (d ? withAnswer(d, next) : d));
      return { before };
    },
    onError: (_e, _next, context) => {
      const before = context?.before;
      if (before) queryClient.setQueryData<InspectionDetail>(key, (d) => (d ? withAnswer(d, before) : d));
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<InspectionDetail>(key, (d) => (d ? withAnswer(d, saved) : d));
      void queryClient.invalidateQueries({ queryKey: readinessKey });
    },
  });
}

function Evidence({
  hashes,
  editable,
  onRemove,
}: {
  hashes: readonly string[];
  editable: boolean;
  onRemove: (sha: string) => void;
}) {
  const { t } = useI18n();
  const [broken, setBroken] = useState<Set<string>>(new Set());
  if (hashes.length === 0) return null;
  return (
    <div className="sc-insp-thumbs">
      {hashes.map((sha) => (
        <span key={sha} className="sc-insp-thumb">
          <a href={fileUrl(sha)} target="_blank" rel="noopener">
            {broken.has(sha) ? (
              <span className="sc-insp-thumb-file">
                <FileOutlined />
              </span>
            ) : (
              <img
                src={thumbnailUrl(sha)}
                alt={sha.slice(0, 8)}
                loading="lazy"
                onError={() => setBroken((b) => new Set(b).add(sha))}
              />
            )}
          </a>
          {editable ? (
            <button
              type="button"
              className="sc-insp-thumb-remove"
              aria-label={t('inspections.evidence.remove')}
              onClick={() => onRemove(sha)}
            >
              <CloseOutlined />
            </button>
          ) : null}
        </span>
      ))}
    </div>
  );
}

/** One standard item as a card: requirement, collapsible method and hints, the answer, evidence; saved at once. */
export const AnswerCard = memo(function AnswerCard({
  inspectionId,
  answer,
  editable,
  problems,
}: {
  inspectionId: string;
  answer: Answer;
  editable: boolean;
  problems?: readonly string[];
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSaveAnswer(inspectionId, answer.itemCode);
  const queryClient = useQueryClient();
  /** the answer as the cache has it now (an upload finishing later must not undo a change made meanwhile) */
  const latest = () =>
    queryClient
      .getQueryData<InspectionDetail>(inspectionKey(inspectionId))
      ?.answers.find((a) => a.itemCode === answer.itemCode) ?? answer;
  const [note, setNote] = useState(answer.note);
  const [naReason, setNaReason] = useState(answer.naReason ?? '');
  const [pendingNa, setPendingNa] = useState(false);
  const [uploading, setUploading] = useState(0);

  const shownResult: AnswerResult | null = pendingNa ? 'not_applicable' : answer.result;

  const commit = (patch: AnswerPatch) => {
    const next = applyPatch(latest(), { note, naReason: naReason.trim() || null, ...patch });
    if (!canSave(next)) {
      setPendingNa(true);
      return;
    }
    setPendingNa(false);
    save.mutate(next, {
      onError: (e) => void message.error(t('inspections.saveFailed', { message: problemMessage(e, locale) })),
    });
  };

  const pick = (result: AnswerResult) => {
    if (result === shownResult && !pendingNa) return;
    if (result !== 'not_applicable') setPendingNa(false);
    commit({ result });
  };

  const addFile = (file: File) => {
    setUploading((n) => n + 1);
    uploadFile('assessment', inspectionId, file, answer.itemCode)
      .then((up) => {
        const current = latest();
        const evidence = [...new Set([...current.evidence, up.sha256])];
        // the evidence is kept even before a result is chosen (a result of null saves as "unanswered")
        commit({ evidence, result: pendingNa ? 'not_applicable' : current.result });
      })
      .catch((e: unknown) => void message.error(problemMessage(e, locale)))
      .finally(() => setUploading((n) => n - 1));
    return false;
  };

  const status = !editable ? null : save.isPending ? (
    <span className="sc-insp-saving">
      <LoadingOutlined /> {t('inspections.saving')}
    </span>
  ) : save.isSuccess ? (
    <span className="sc-insp-saved">{t('inspections.saved')}</span>
  ) : null;

  const className = [
    'sc-insp-card',
    problems?.length ? 'sc-insp-card-problem' : '',
    shownResult ? `sc-insp-card-${shownResult}` : '',
  ].join(' ');

  return (
    <Card size="small" className={className} id={`item-${answer.itemCode}`}>
      <div className="sc-insp-card-head">
        <span className="sc-mono sc-insp-code">{answer.itemCode}</span>
        {answer.isKey ? <Tag color="gold">{t('inspections.item.key')}</Tag> : null}
        {answer.majorHazard ? (
          <Tooltip title={`${answer.majorHazard.source} ${answer.majorHazard.article}${answer.majorHazard.item ?? ''}`}>
            <Tag color="volcano">{t('inspections.item.majorHazard')}</Tag>
          </Tooltip>
        ) : null}
        {answer.toReview ? <Tag color="purple">{t('inspections.item.toReview')}</Tag> : null}
        <span className="sc-insp-card-status">{status}</span>
      </div>
      <Typography.Paragraph className="sc-insp-requirement">{answer.requirement}</Typography.Paragraph>
      <Collapse
        ghost
        size="small"
        className="sc-insp-details"
        items={[
          {
            key: 'd',
            label: t('inspections.item.details'),
            children: (
              <dl className="sc-insp-dl">
                <dt>{t('inspections.item.checkMethod')}</dt>
                <dd>{answer.checkMethod || '—'}</dd>
                <dt>{t('inspections.item.evidenceHint')}</dt>
                <dd>{answer.evidenceHint || '—'}</dd>
                {answer.majorHazard ? (
                  <>
                    <dt>{t('inspections.item.majorHazard')}</dt>
                    <dd>
                      {answer.majorHazard.source} {answer.majorHazard.article}
                      {answer.majorHazard.item ?? ''}
                    </dd>
                  </>
                ) : null}
              </dl>
            ),
          },
        ]}
      />
      {problems?.length ? (
        <Alert type="error" showIcon className="sc-insp-problem" title={problems.join('；')} />
      ) : null}

      {editable ? (
        <div className="sc-insp-results" role="radiogroup" aria-label={answer.itemCode}>
          {results.map((r) => {
            const on = shownResult === r.value;
            return (
              <Button
                key={r.value}
                size="large"
                role="radio"
                aria-checked={on}
                color={r.color}
                variant={on ? 'solid' : 'outlined'}
                icon={r.icon}
                onClick={() => pick(r.value)}
                className={on ? 'sc-insp-result sc-insp-result-on' : 'sc-insp-result'}
              >
                {t(`inspections.result.${r.value}`)}
              </Button>
            );
          })}
        </div>
      ) : shownResult ? (
        <Tag color={resultColor[shownResult]} className="sc-insp-result-tag">
          {t(`inspections.result.${shownResult}`)}
        </Tag>
      ) : (
        <Tag>{t('inspections.filter.unanswered')}</Tag>
      )}

      {shownResult === 'not_applicable' ? (
        <div className="sc-insp-field">
          <label htmlFor={`na-${answer.itemCode}`}>{t('inspections.naReason')}</label>
          {editable ? (
            <>
              <Input.TextArea
                id={`na-${answer.itemCode}`}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={500}
                value={naReason}
                status={pendingNa && !naReason.trim() ? 'warning' : undefined}
                placeholder={t('inspections.naReason.placeholder')}
                onChange={(e) => setNaReason(e.target.value)}
                onBlur={() => {
                  if (naReason.trim() && (pendingNa || naReason.trim() !== (answer.naReason ?? '')))
                    commit({ result: 'not_applicable', naReason: naReason.trim() });
                }}
              />
              {pendingNa && !naReason.trim() ? (
                <Typography.Text type="warning" className="sc-small">
                  {t('inspections.naReason.waiting')}
                </Typography.Text>
              ) : null}
            </>
          ) : (
            <div>{answer.naReason || '—'}</div>
          )}
        </div>
      ) : null}

      {shownResult === 'non_compliant' ? (
        <label className="sc-insp-major">
          <Switch
            checked={Boolean(answer.majorHazard) || answer.markedMajor}
            disabled={!editable || Boolean(answer.majorHazard)}
            onChange={(markedMajor) => commit({ markedMajor })}
          />
          <span>{t('inspections.markedMajor')}</span>
        </label>
      ) : null}

      <div className="sc-insp-field">
        <label htmlFor={`note-${answer.itemCode}`}>{t('inspections.note')}</label>
        {editable ? (
          <Input.TextArea
            id={`note-${answer.itemCode}`}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            value={note}
            placeholder={t('inspections.note.placeholder')}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => {
              if (note.trim() !== answer.note.trim()) commit({ note: note.trim() });
            }}
          />
        ) : (
          <div>{answer.note || '—'}</div>
        )}
      </div>

      <div className="sc-insp-field">
        <span className="sc-insp-label">
          <PaperClipOutlined /> {t('inspections.evidence')}
        </span>
        <Evidence
          hashes={answer.evidence}
          editable={editable}
          onRemove={(sha) => commit({ evidence: answer.evidence.filter((h) => h !== sha) })}
        />
        {editable && answer.isKey && shownResult === 'compliant' && answer.evidence.length === 0 ? (
          <Typography.Text type="warning" className="sc-small">
            {t('inspections.evidence.keyRequired')}
          </Typography.Text>
        ) : null}
        {editable ? (
          <div className="sc-insp-upload">
            <Upload accept="image/*" capture="environment" showUploadList={false} beforeUpload={addFile}>
              <Button icon={<CameraOutlined />} loading={uploading > 0}>
                {t('inspections.evidence.camera')}
              </Button>
            </Upload>
            <Upload accept="image/*,application/pdf" multiple showUploadList={false} beforeUpload={addFile}>
              <Button icon={<PaperClipOutlined />}>{t('inspections.evidence.file')}</Button>
            </Upload>
          </div>
        ) : null}
      </div>
    </Card>
  );
});
