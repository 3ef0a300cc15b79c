/**
 * The settings feature as other folders see it: the language switch (used on the first-run form
 * too). The page itself is loaded by the shell on first use (app/sections.tsx), so it is not here.
 */
export { LanguageSwitch } from './LanguageSwitch';
