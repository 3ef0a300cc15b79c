/** The settings feature as other folders see it: the page and the language switch (used on the first-run form too). */
export { LanguageSwitch } from './LanguageSwitch';
export { SettingsPage } from './SettingsPage';
