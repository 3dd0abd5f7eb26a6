import { EvidenceUpload as Upload } from '../../components/Evidence';

/** Evidence of a hazard: the generic components (components/Evidence.tsx) with the hazard as the files' entity. */
export { EvidenceGallery } from '../../components/Evidence';

export function EvidenceUpload({
  hazardId,
  ...rest
}: {
  hazardId: string;
  label: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  return <Upload entityType="hazard" entityId={hazardId} {...rest} />;
}
