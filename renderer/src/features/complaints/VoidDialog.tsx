import { useTranslation } from 'react-i18next';
import { type Complaint } from '@shared/complaints';
import { err } from '@shared/result';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { VoidDialog as RecordVoidDialog } from '../../ui/VoidDialog';
import { voidComplaint, type VoidRefusal } from './repository';
import type { WriteError } from '../../db/write';

/**
 * The head's confirmation that a complaint was made by mistake (issue 16 point 2), through the
 * register-wide dialog (ui/VoidDialog.tsx).
 */
export function VoidDialog({ complaint, onClose }: { complaint: Complaint; onClose(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const refusalText = (error: WriteError<VoidRefusal>): string => {
    if (error.code === 'voided') return t('complaints.voidAlready');
    if (error.code === 'forbidden') return t('complaints.voidForbidden');
    return t('complaints.notFound');
  };
  return (
    <RecordVoidDialog
      title={t('complaints.voidTitle')}
      intro={t('complaints.voidIntro', { number: complaint.number })}
      onVoid={(reason) =>
        ctx ? voidComplaint(db, ctx, complaint.id, { reason }) : Promise.resolve(err<WriteError<VoidRefusal>>({ code: 'forbidden' }))
      }
      refusalText={refusalText}
      onClose={onClose}
    />
  );
}
