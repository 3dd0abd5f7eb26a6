import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { api, call } from '../api/client';
import { problemMessage } from '../api/problem';
import type { Job } from '../api/types';
import { useI18n } from '../i18n';

const finished = new Set(['done', 'failed']);

/** Percent done, or null while the job has not said how much there is. */
export function jobPercent(job: Pick<Job, 'status' | 'progressDone' | 'progressTotal'>): number | null {
  if (job.status === 'done') return 100;
  if (!job.progressTotal || job.progressTotal <= 0) return null;
  return Math.min(100, Math.floor((job.progressDone / job.progressTotal) * 100));
}

/**
 * A background job's progress, polled from GET /api/jobs/:id until it is done or failed.
 * `onFinished` is called once with the final job (for a download link, a refresh of a list, …).
 */
export function JobProgress({
  jobId,
  intervalMs = 1000,
  onFinished,
}: {
  jobId: string;
  intervalMs?: number;
  onFinished?: (job: Job) => void;
}) {
  const { t, locale } = useI18n();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => call(api.GET('/api/jobs/{id}', { params: { path: { id: jobId } } })),
    refetchInterval: (query) =>
      query.state.data && finished.has(query.state.data.status) ? false : intervalMs,
  });
  const reported = useRef<string | null>(null);
  useEffect(() => {
    const data = job.data;
    if (data && finished.has(data.status) && reported.current !== data.id) {
      reported.current = data.id;
      onFinished?.(data);
    }
  }, [job.data, onFinished]);

  if (job.isError) return <Alert type="error" showIcon title={problemMessage(job.error, locale)} />;
  const data = job.data;
  if (!data) return <Progress percent={0} status="active" showInfo={false} />;

  const percent = jobPercent(data);
  const status = data.status === 'failed' ? 'exception' : data.status === 'done' ? 'success' : 'active';
  return (
    <Space orientation="vertical" className="sc-full-width" size={4}>
      <Progress percent={percent ?? 0} status={status} showInfo={percent !== null} />
      <Typography.Text type={data.status === 'failed' ? 'danger' : 'secondary'} className="sc-small">
        {data.status === 'failed'
          ? t('job.failed', { error: data.lastError ?? '' })
          : data.status === 'done'
            ? t('job.done')
            : data.progressTotal
              ? t('job.progress', { done: data.progressDone, total: data.progressTotal })
              : data.status === 'queued'
                ? t('job.queued')
                : t('job.running')}
      </Typography.Text>
    </Space>
  );
}
