import { FileOutlined, LinkOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { fileUrl } from '../../components/Evidence';
import { evidenceKind } from './whitelist-admin-logic';

/** The evidence references of an exit: stored files and links open in a new tab, texts are shown as written. */
export function EvidenceList({ refs, empty }: { refs: readonly string[]; empty: string }) {
  if (refs.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul className="sc-wla-evidence">
      {refs.map((ref) => {
        const kind = evidenceKind(ref);
        return (
          <li key={ref}>
            {kind === 'file' ? (
              <a href={fileUrl(ref)} target="_blank" rel="noopener">
                <FileOutlined /> <span className="sc-mono">{ref.slice(0, 8)}</span>
              </a>
            ) : kind === 'link' ? (
              <a href={ref} target="_blank" rel="noopener noreferrer" className="sc-break">
                <LinkOutlined /> {ref}
              </a>
            ) : (
              <span className="sc-wla-text">{ref}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
