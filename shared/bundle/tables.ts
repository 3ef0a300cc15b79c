/**
 * The tables a bundle carries. The lead appends complaints, hearings, intakes, wheelchairChecks,
 * applications and documents as their stored-record schemas arrive; the codec itself is generic.
 */
import { caseRecordSchema, personRecordSchema } from '../records/schemas';
import type { BundleTableSpec } from './types';

export const coreTables: readonly BundleTableSpec[] = [
  { name: 'persons', schema: personRecordSchema },
  { name: 'cases', schema: caseRecordSchema },
];
