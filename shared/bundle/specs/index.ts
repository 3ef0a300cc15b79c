/** The tables a bundle carries, the import plan over them, and conflict resolution (issue 7). */
export * from './tables';
export * from './importPlan';
export * from './conflicts';
export * from './officeKey';
export * from './passphrase';
export { complaintRecordSchema, COMPLAINT_NUMBER, type ComplaintRecord } from './complaints';
export { documentRecordSchema, withoutBlob, type BundleDocument, type StoredDocument } from './documents';
export { rehabProgrammeRecordSchema, wheelchairCheckRecordSchema, wheelchairOrderRecordSchema } from './wheelchair';
