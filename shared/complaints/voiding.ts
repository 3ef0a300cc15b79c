/** Voiding a complaint made by mistake: the rules are record-generic (issue 16 point 2), see shared/records/voiding.ts. */
export { VOID_REASON_MIN, voidInput, voidingOf, type VoidError, type VoidInput } from '../records/voiding';
