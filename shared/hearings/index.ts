export * from './types';
export * from './terms';
export * from './inputs';
export * from './minutes';
export * from './facts';
export { applicationRecordSchema, hearingRecordSchema, hearingMinutesRecordSchema } from './schemas';
