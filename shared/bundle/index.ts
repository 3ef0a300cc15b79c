/** Case bundles: one signed, checksummed, optionally encrypted file moving records between offices. */
export { encodeBundle, decodeBundle } from './codec';
export type { BundleAttachmentInput, DecodeBundleOptions, EncodeBundleInput, EncodeBundleOptions } from './codec';
export { fingerprint, generateOfficeKeys, importSigningKey, type OfficeKeys } from './crypto';
export { planMerge, emptyCounts, MERGE_CATEGORIES, PERSONS_TABLE } from './merge';
export type { LocalLookup, MergeCategory, MergeCounts, MergeItem, MergePlan } from './merge';
export { coreTables } from './tables';
export * from './types';
export {
  FORBIDDEN_KEYS,
  PORTABLE_LIMITS,
  findForbiddenKey,
  fromPortable,
  toPortable,
  portableSchema,
  portableObjectSchema,
} from './portable';
export type { Portable } from './portable';
