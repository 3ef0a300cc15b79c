/** The officers feature as other folders see it: the session, the accounts panels (app/ imports SignIn directly, which keeps settings ↔ officers free of cycles). */
export { ChangePasswordPanel, OfficersPanel } from './OfficersPanel';
export { addOfficer, prepareOfficer, recordSignIn } from './repository';
export { endSession, writeSession } from './session';
export { useInactivityLock } from './useInactivityLock';
