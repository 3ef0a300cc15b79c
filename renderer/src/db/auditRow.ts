import type { AuditEntry } from '@shared/audit';

/**
 * A row of the auditLog store as read back: chained entries (`AuditEntry`), and entries written before
 * the chain existed, which have neither digest nor prevDigest.
 */
export type AuditTrailRow =
  | AuditEntry
  | (Omit<AuditEntry, 'prevDigest' | 'digest' | 'format' | 'officeId'> & {
      prevDigest?: undefined;
      digest?: undefined;
      format?: undefined;
      officeId?: string;
    });
