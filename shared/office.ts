/**
 * Office profile (кеңсе профилі). Every installation belongs to one district office; its code prefixes
 * the office's register numbers so that numbers stay unique when cases move between offices
 * (domain guide §3).
 */
import { z } from 'zod';

/** Regions and cities of republican significance (administrative division since 2022). */
export const REGIONS = [
  { id: 'astana', kk: 'Астана қаласы', ru: 'город Астана' },
  { id: 'almaty-city', kk: 'Алматы қаласы', ru: 'город Алматы' },
  { id: 'shymkent', kk: 'Шымкент қаласы', ru: 'город Шымкент' },
  { id: 'abai', kk: 'Абай облысы', ru: 'область Абай' },
  { id: 'akmola', kk: 'Ақмола облысы', ru: 'Акмолинская область' },
  { id: 'aktobe', kk: 'Ақтөбе облысы', ru: 'Актюбинская область' },
  { id: 'almaty', kk: 'Алматы облысы', ru: 'Алматинская область' },
  { id: 'atyrau', kk: 'Атырау облысы', ru: 'Атырауская область' },
  { id: 'east-kazakhstan', kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область' },
  { id: 'zhambyl', kk: 'Жамбыл облысы', ru: 'Жамбылская область' },
  { id: 'zhetysu', kk: 'Жетісу облысы', ru: 'область Жетісу' },
  { id: 'west-kazakhstan', kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область' },
  { id: 'karaganda', kk: 'Қарағанды облысы', ru: 'Карагандинская область' },
  { id: 'kostanay', kk: 'Қостанай облысы', ru: 'Костанайская область' },
  { id: 'kyzylorda', kk: 'Қызылорда облысы', ru: 'Кызылординская область' },
  { id: 'mangystau', kk: 'Маңғыстау облысы', ru: 'Мангистауская область' },
  { id: 'pavlodar', kk: 'Павлодар облысы', ru: 'Павлодарская область' },
  { id: 'north-kazakhstan', kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область' },
  { id: 'turkistan', kk: 'Түркістан облысы', ru: 'Туркестанская область' },
  { id: 'ulytau', kk: 'Ұлытау облысы', ru: 'область Ұлытау' },
] as const;

export type RegionId = (typeof REGIONS)[number]['id'];
const regionIds = REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];

/**
 * Zod messages are i18n keys (namespace `validation`), so the renderer shows them in the user's
 * language and shared/ stays free of UI text.
 */
export const officeProfileInput = z.object({
  region: z.enum(regionIds, { message: 'validation.required' }),
  district: z.string().trim().min(2, 'validation.required').max(100, 'validation.tooLong'),
  /** Latin capitals and digits only: the code is part of every register number and of file names. */
  officeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/u, 'validation.officeCode'),
  officeName: z.string().trim().min(3, 'validation.required').max(200, 'validation.tooLong'),
  officerName: z.string().trim().min(3, 'validation.required').max(120, 'validation.tooLong'),
});

export type OfficeProfileInput = z.input<typeof officeProfileInput>;
export type OfficeProfileData = z.output<typeof officeProfileInput>;

export interface OfficeProfile extends OfficeProfileData {
  /** Random UUID made at setup: the key of this office in every record's version vector. */
  officeId: string;
  createdAt: string;
}
