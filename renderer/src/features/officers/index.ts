/** The officers feature as other folders see it: sign-in, the session, the accounts panels. */
export { SignIn } from './SignIn';
export { ChangePasswordPanel, OfficersPanel } from './OfficersPanel';
export { insertOfficer, prepareOfficer, recordSignIn, signIn, listSignInFailures } from './repository';
export { readSession, writeSession } from './session';
export { useInactivityLock } from './useInactivityLock';
