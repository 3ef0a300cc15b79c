export * from './types';
export * from './terms';
export * from './inputs';
export * from './minutes';
export * from './facts';
export * from './notices';
export { applicationRecordSchema, hearingRecordSchema, hearingMinutesRecordSchema } from './schemas';
export * from './voiding';
