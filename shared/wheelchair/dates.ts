import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';
import { BOUNDS } from '../validation';

/** A real calendar date 'YYYY-MM-DD' (the date input gives '' when incomplete). */
export const isoDate = z.string().max(BOUNDS.date, { message: 'validation.date', abort: true }).refine(isIsoDate, 'validation.date');
