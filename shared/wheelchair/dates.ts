import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';

/** A real calendar date 'YYYY-MM-DD' (the date input gives '' when incomplete). */
export const isoDate = z.string().refine(isIsoDate, 'validation.date');
