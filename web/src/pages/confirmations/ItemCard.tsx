import { CheckCircleOutlined, CloseCircleOutlined, LoadingOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Tag, Typography } from 'antd';
import { memo, useState, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { EvidenceGallery, EvidenceUpload } from '../../components/Evidence';
import { useI18n } from '../../i18n';
import {
  itemBody,
  resultKey,
  withItem,
  type ConfirmationDetail,
  type ConfirmationItem,
  type ItemResult,
} from './confirmations-logic';
import { confirmationKey, confirmationsKey } from './queries';

const results: { value: ItemResult; icon: ReactNode; color: 'green' | 'red' | 'default' }[] = [
  { value: 'compliant', icon: <CheckCircleOutlined />, color: 'green' },
  { value: 'non_compliant', icon: <CloseCircleOutlined />, color: 'red' },
  { value: 'not_applicable', icon: <MinusCircleOutlined />, color: 'default' },
];
export const resultColor: Record<ItemResult, string> = { compliant: 'green', non_compliant: 'red', not_applicable: 'default' };

/**
 * Save one item at once, optimistically: the cache shows the change before the server answers; a refusal puts the
 * previous item back. Saves of one item run one after another (mutation scope).
 */
function useSaveItem(confirmationId: string, itemCode: string) {
  const queryClient = useQueryClient();
  const key = confirmationKey(confirmationId);
  return useMutation({
    scope: { id: `confirmation-item-${confirmationId}-${itemCode}` },
    mutationFn: (next: ConfirmationItem) =>
      call(
        api.PUT('/api/confirmations/{id}/items/{code}', {
          params: { path: { id: confirmationId, code: itemCode } },
          body: itemBody(next),
        }),
      ),
    onMutate: async (next: ConfirmationItem) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ConfirmationDetail>(key)?.items.find((i) => i.itemCode === itemCode);
      queryClient.setQueryData<ConfirmationDetail>(key, (d) => (d ? withItem(d, next) : d));
      return { before };
    },
    onError: (_e, _next, context) => {
      const before = context?.before;
      if (before) queryClient.setQueryData<ConfirmationDetail>(key, (d) => (d ? withItem(d, before) : d));
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<ConfirmationDetail>(key, saved);
      void queryClient.invalidateQueries({ queryKey: [...confirmationsKey, 'list'] });
    },
  });
}

/** One key item of the confirmation form: requirement, result buttons (large, for a phone), note, evidence. */
export const ItemCard = memo(function ItemCard({
  confirmationId,
  item,
  editable,
  problem,
}: {
  confirmationId: string;
  item: ConfirmationItem;
  editable: boolean;
  problem?: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useSaveItem(confirmationId, item.itemCode);
  const [note, setNote] = useState(item.note);
  /** the item as the cache has it now (an upload finishing later must not undo a change made meanwhile) */
  const latest = () =>
    queryClient
      .getQueryData<ConfirmationDetail>(confirmationKey(confirmationId))
      ?.items.find((i) => i.itemCode === item.itemCode) ?? item;
  const commit = (patch: Partial<Pick<ConfirmationItem, 'result' | 'note' | 'evidence'>>) =>
    save.mutate(
      { ...latest(), note: note.trim(), ...patch },
      { onError: (e) => void message.error(t('confirmations.item.saveFailed', { message: problemMessage(e, locale) })) },
    );

  const className = [
    'sc-cf-item',
    problem && item.result === null ? 'sc-cf-item-problem' : '',
    item.result ? `sc-cf-item-${item.result}` : '',
  ].join(' ');

  return (
    <Card size="small" className={className} id={`item-${item.itemCode}`}>
      <div className="sc-cf-item-head">
        <span className="sc-mono">{item.itemCode}</span>
        <Tag color="gold">{t('confirmations.item.key')}</Tag>
        <span className="sc-cf-item-status">
          {save.isPending ? (
            <span>
              <LoadingOutlined /> {t('confirmations.item.saving')}
            </span>
          ) : save.isSuccess ? (
            <Typography.Text type="success" className="sc-small">
              {t('confirmations.item.saved')}
            </Typography.Text>
          ) : null}
        </span>
      </div>
      <Typography.Paragraph className="sc-cf-requirement">{item.requirement}</Typography.Paragraph>
      {problem && item.result === null ? (
        <Typography.Text type="danger" className="sc-small">
          {t('confirmations.item.unanswered')}
        </Typography.Text>
      ) : null}

      {editable ? (
        <div className="sc-cf-results" role="radiogroup" aria-label={item.itemCode}>
          {results.map((r) => {
            const on = item.result === r.value;
            return (
              <Button
                key={r.value}
                size="large"
                role="radio"
                aria-checked={on}
                color={r.color}
                variant={on ? 'solid' : 'outlined'}
                icon={r.icon}
                onClick={() => commit({ result: on ? null : r.value })}
              >
                {t(resultKey(r.value))}
              </Button>
            );
          })}
        </div>
      ) : item.result ? (
        <Tag color={resultColor[item.result]}>{t(resultKey(item.result))}</Tag>
      ) : (
        <Tag>{t('confirmations.item.notChecked')}</Tag>
      )}

      <div className="sc-cf-field">
        <label htmlFor={`note-${item.itemCode}`}>{t('confirmations.item.note')}</label>
        {editable ? (
          <Input.TextArea
            id={`note-${item.itemCode}`}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            value={note}
            placeholder={t('confirmations.item.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => {
              if (note.trim() !== latest().note.trim()) commit({});
            }}
          />
        ) : (
          <div className="sc-cf-note">{item.note || '—'}</div>
        )}
      </div>

      <div className="sc-cf-field">
        <span>{t('confirmations.item.evidence')}</span>
        {editable ? (
          <EvidenceUpload
            entityType="confirmation"
            entityId={confirmationId}
            label={item.itemCode}
            value={item.evidence}
            onChange={(evidence) => commit({ evidence })}
          />
        ) : (
          <EvidenceGallery files={item.evidence} empty="—" />
        )}
      </div>
    </Card>
  );
});
